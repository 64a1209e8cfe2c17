// Names the tagger read with a conjunction or preposition glued on, rejoined with the same name
// met without it elsewhere in the database (issue 16).
//
// One article may write a name only with a proclitic («بنابل», «لأرسنال»), and then nothing in it
// tells «ب» + «نابل» from a name of its own; the database does, when other articles name «نابل».
// Contract: an entity only the tagger found, whose Arabic name is «و», «ف», «ب» or «ل» (or «و»/«ف»
// then «ب»/«ل») plus the name of another entity of the same type with at least as many mentions,
// gives that entity its mentions: each moves past the proclitic (its diacritics too), unless the
// word before it is a preposition or a head noun in construct («ولاية بسكرة», «في بابل»), after
// which no proclitic can stand. The first letter stays the name's own where the lexicon says so:
// the gazetteer holds the whole name («لبنان»), or the corpus's word pairs list it (Lexicon::own_words,
// own_first_letter). «ك» is left out: before a name it is rare, and «كسلا», «كرمان», «كومو» are
// names. An entity left without mentions hands its relations over and is deleted. Idempotent;
// runs inside the caller's transaction.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include "lexicon/lexicon.hpp"
#include "store/entity_merge.hpp"

namespace rawabit::store {

MovedMentions rejoin_glued_names(SQLite::Database& db, const lexicon::Lexicon& lex);

}  // namespace rawabit::store

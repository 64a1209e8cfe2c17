// Mentions cut short of a name the database knows, completed across the corpus (issue 16).
//
// The tagger reads part of a name in one article («كريستوف برتران» of «جان-كريستوف برتران», «مون»
// of «مون جاي إن»), and a surname alone is linked to the person an article names in full even
// where another first name stands before it («فضل شاكر» read as «شاكر» of «محمد شاكر»). Nothing
// in that article tells, but the database does: the words next to the mention make, with it, the
// name of another entity.
//
// Contract: a mention of an entity that only the tagger or the title rule found becomes a mention
// of another entity of its type when one or two words right before or after it (a space or a
// hyphen apart; none a function word or a common word: «حكم على صالح» is no «علي صالح») make with it
// that entity's normalized name or one of its aliases. The other entity is named in at least two
// documents, by at least as many mentions, and its name is no part of the first one's («فان
// مارفيك» stays a mention of «بيرت فان مارفيك»). The mention's span then takes in those words,
// unless another mention covers one of them; one word on the left, then on the right, then two,
// are tried in turn. An entity left without mentions is folded into the entity that took its last
// one (entity_merge.hpp). Runs inside the caller's transaction.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include "lexicon/lexicon.hpp"
#include "store/entity_merge.hpp"

namespace rawabit::store {

MovedMentions complete_cut_names(SQLite::Database& db, const lexicon::Lexicon& lex);

}  // namespace rawabit::store

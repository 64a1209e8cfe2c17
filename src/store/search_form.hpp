// The form of a sentence that the full-text index holds: its text without Arabic short vowels,
// shadda, sukun and tanwin (U+064B–U+0652), the superscript alef (U+0670) and the tatweel
// (U+0640).
//
// Why: SQLite's unicode61 tokenizer takes these marks for separators (and the tatweel for a
// letter), so «رؤوسًا» was indexed as «رؤوس» + «ا» and «يُعتقد» as «ي» + «عتقد»: a query typed
// without them, as users type, missed every word that carried one (one sentence in ten of the
// ANT corpus). Stripped, the words are indexed whole, as they are typed.
//
// Contract: search_form(text) equals, for valid UTF-8, the SQL expression of the view
// sentences_search in schema/sql/schema.sql (ten nested replace() calls), which plain SQLite
// uses to check, rebuild or delete from the index and to show snippets. install_search_form
// registers it on a connection as the SQL function rawabit_search_form(text), deterministic,
// for the writer to index sentences without the cost of the replace() chain.
#pragma once
#include <sqlite3.h>

#include <string>
#include <string_view>

namespace rawabit::store {

std::string search_form(std::string_view text);

void install_search_form(sqlite3* db);

}  // namespace rawabit::store

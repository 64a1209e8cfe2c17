// The forms a one-word trigger takes with a pronoun suffix, made by rule so that
// schema/patterns/relations.tsv lists a word once: a noun in ة turns it into ت before the suffix
// («زيارة» → «زيارته», «زيارتها», «زيارتيه» — his two visits), and takes the dual («زيارتين»);
// other words take the suffix as they are («عقوبات» → «عقوباتها», «حذرت» → «حذرتها»). Words with the
// article take no possessive suffix and are left alone, as are words of fewer than three letters.
// Written forms in, written forms out (before normalization).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::lexicon {

std::vector<std::string> suffixed_forms(std::string_view trigger);

}  // namespace rawabit::lexicon

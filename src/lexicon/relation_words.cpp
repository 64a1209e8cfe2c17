#include "lexicon/relation_words.hpp"

#include <utility>

#include "lexicon/tsv.hpp"

namespace rawabit::lexicon {

void RelationWords::load(const std::filesystem::path& file) {
  const std::pair<std::string_view, WordSet*> classes[] = {
      {"preposition", &prepositions},
      {"clause", &clause_words},
      {"relative", &relatives},
      {"coordinated-relative", &coordinated_relatives},
      {"list-glue", &list_glue},
      {"list-glue-preposition", &list_glue_prepositions},
      {"state-adjective", &state_adjectives},
      {"between", &between},
      {"former", &former},
      {"apposition-pronoun", &apposition_pronouns},
      {"posting", &postings},
      {"target-noun", &target_nouns},
      {"vessel-noun", &vessel_nouns},
      {"mutual", &mutuals},
      {"cause-preposition", &cause_prepositions},
      {"reaction-verb", &reaction_verbs},
      {"treaty-anaphor", &treaty_anaphors},
      {"pair-anaphor", &pair_anaphors},
      {"country-anaphor", &country_anaphors},
      {"group-noun", &group_nouns},
      {"group-number", &group_numbers},
      {"kin-noun", &kin_nouns},
      {"patron", &patrons},
      {"division-noun", &division_nouns},
      {"attributive", &attributives},
      {"verb-adverb", &verb_adverbs},
      {"own-kin", &own_kin},
      {"office-noun", &office_nouns},
      {"idiom", &idioms},
      {"leader-pair-anaphor", &leader_pair_anaphors},
      {"minister-pair-anaphor", &minister_pair_anaphors},
      {"belonging", &belonging},
      {"partitive", &partitives},
      {"allies-glue", &allies_glue},
      {"framework", &framework},
      {"hostile-purpose", &hostile_purposes},
  };
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    for (const auto& [name, set] : classes) {
      if (line.fields[0] == name) {
        set->add(line.fields[1]);
        return;
      }
    }
    line.fail("unknown word class «" + std::string(line.fields[0]) + "»");
  });
}

}  // namespace rawabit::lexicon

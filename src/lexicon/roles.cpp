#include "lexicon/roles.hpp"

#include "lexicon/tsv.hpp"

namespace rawabit::lexicon {

void RoleTable::load(const std::filesystem::path& file) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(3, 3);
    std::string_view predicate = line.fields[1];
    if (predicate != "leader_of" && predicate != "official_of" && predicate != "affiliated_with" &&
        predicate != "counterpart") {
      line.fail("a title's predicate is leader_of, official_of, affiliated_with or counterpart");
    }
    std::optional<uint32_t> existing;
    titles_.add(line.fields[0], static_cast<uint32_t>(roles_.size()), &existing);
    if (existing) line.fail("title defined twice");
    roles_.push_back({std::string(line.fields[0]), std::string(predicate), std::string(line.fields[2])});
  });
}

}  // namespace rawabit::lexicon

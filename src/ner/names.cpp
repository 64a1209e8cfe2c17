#include "ner/names.hpp"

#include <algorithm>

#include "lexicon/entity_type.hpp"
#include "lexicon/tsv.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace rawabit::ner {

namespace {

NerType ner_type_of(lexicon::EntityType t) {
  switch (t) {
    case lexicon::EntityType::Person:
      return NerType::PER;
    case lexicon::EntityType::Organization:
      return NerType::ORG;
    case lexicon::EntityType::Country:
    case lexicon::EntityType::Location:
      return NerType::LOC;
    case lexicon::EntityType::Treaty:
    case lexicon::EntityType::Weapon:
      return NerType::MISC;
  }
  return NerType::MISC;
}

std::vector<std::filesystem::path> tsv_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

uint16_t role_bits(NerType type, uint16_t role) {
  return static_cast<uint16_t>(role << (kRoleBits * static_cast<unsigned>(type)));
}

}  // namespace

NameList NameList::from_gazetteer_dir(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw Error(dir.string() + ": no gazetteer directory");
  NameList names;
  for (const auto& file : tsv_files(dir)) {
    lexicon::read_tsv(file, [&](const lexicon::TsvLine& line) {
      line.expect_fields(3, 6);
      std::optional<lexicon::EntityType> type = lexicon::parse_type(line.fields[1]);
      if (!type) line.fail("unknown entity type");
      names.add(line.fields[2], ner_type_of(*type));
      if (line.fields.size() > 3) {
        for (std::string_view alias : lexicon::split_list(line.fields[3])) names.add(alias, ner_type_of(*type));
      }
    });
  }
  return names;
}

void NameList::add(std::string_view name, NerType type) {
  std::string normalized = text::normalize_form(name);
  std::vector<std::string_view> words;
  for (const text::Token& t : text::tokenize(normalized)) words.push_back(t.in(normalized));
  if (words.empty()) return;
  std::string form;
  for (std::string_view w : words) form.append(form.empty() ? "" : " ").append(w);
  if (!names_.insert(hash_of(form), type)) return;
  entries_.push_back({type, form});
  longest_ = std::max(longest_, words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    uint16_t role = words.size() == 1 ? kRoleAlone : i == 0 ? kRoleFirst : kRoleLater;
    roles_[hash_of(words[i])] |= role_bits(type, role);
  }
}

uint16_t NameList::word_roles(uint64_t word_hash) const {
  const uint16_t* roles = roles_.find(word_hash);
  return roles ? *roles : 0;
}

std::optional<NameMatch> NameList::longest_match(std::span<const std::string_view> words, size_t first,
                                                 const Stems& first_stems) const {
  constexpr uint16_t kLater = for_every_type(kRoleLater);
  std::optional<NameMatch> best;
  for (const Stem& stem : first_stems) {
    if (!(word_roles(hash_of(stem)) & kStartRoles)) continue;
    Hasher h;
    h.bytes(stem);
    for (size_t end = first + 1; end <= words.size() && end - first <= longest_; ++end) {
      if (end > first + 1) {
        if (!(word_roles(hash_of(words[end - 1])) & kLater)) break;
        h.byte(' ').bytes(words[end - 1]);
      }
      const NerType* type = names_.find(h.value());
      if (type && (!best || end > best->end)) best = NameMatch{end, *type};
    }
  }
  return best;
}

std::vector<TaggedSpan> tag_with_names(const NameList& names, std::span<const std::string_view> words) {
  std::vector<TaggedSpan> spans;
  StemReader stems;
  for (size_t i = 0; i < words.size();) {
    std::optional<NameMatch> match = names.longest_match(words, i, stems.read(words[i]));
    if (!match) {
      ++i;
      continue;
    }
    spans.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(match->end), match->type});
    i = match->end;
  }
  return spans;
}

}  // namespace rawabit::ner

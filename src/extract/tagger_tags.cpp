#include "extract/tagger_tags.hpp"

#include <array>

namespace rawabit::extract::ner {

namespace {
constexpr std::array<std::string_view, kNerTypes> kTypeNames = {"PER", "ORG", "LOC", "MISC"};
constexpr std::array<std::string_view, kTags> kTagNames = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                           "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
}  // namespace

std::string_view ner_type_name(NerType t) { return kTypeNames[static_cast<size_t>(t)]; }

std::optional<NerType> parse_ner_type(std::string_view name) {
  for (size_t i = 0; i < kNerTypes; ++i) {
    if (kTypeNames[i] == name) return static_cast<NerType>(i);
  }
  return std::nullopt;
}

std::string_view tag_name(Tag t) { return kTagNames[t]; }

std::optional<Tag> parse_tag(std::string_view name) {
  for (size_t i = 0; i < kTags; ++i) {
    if (kTagNames[i] == name) return static_cast<Tag>(i);
  }
  return std::nullopt;
}

std::vector<TaggedSpan> spans_from_tags(std::span<const Tag> tags) {
  std::vector<TaggedSpan> spans;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    Tag t = tags[i];
    if (t == kOutside) continue;
    bool continues = is_inside(t) && !spans.empty() && spans.back().end == i && spans.back().type == tag_type(t);
    if (continues) {
      spans.back().end = i + 1;
    } else {
      spans.push_back({i, i + 1, tag_type(t)});
    }
  }
  return spans;
}

}  // namespace rawabit::extract::ner

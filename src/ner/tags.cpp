#include "ner/tags.hpp"

#include <array>

namespace rawabit::ner {

namespace {
constexpr std::array<std::string_view, kNerTypes> kTypeNames = {"PER", "ORG", "LOC", "MISC"};
constexpr std::array<std::string_view, kTags> kTagNames = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                           "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
constexpr std::array<std::string_view, kLabels> kLabelNames = {
    "O",     "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
static_assert(make_label(NerType::LOC, Part::Last) == 11);
}  // namespace

std::string_view label_name(Label l) { return kLabelNames[l]; }

void labels_from_tags(std::span<const Tag> tags, std::vector<Label>& labels) {
  labels.assign(tags.size(), kOutsideLabel);
  for (const TaggedSpan& e : spans_from_tags(tags)) {
    for (uint32_t i = e.first; i < e.end; ++i) labels[i] = entity_label(e.type, i - e.first, e.end - e.first);
  }
}

void tags_from_labels(std::span<const Label> labels, std::vector<Tag>& tags) {
  tags.resize(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    Label l = labels[i];
    if (l == kOutsideLabel) {
      tags[i] = kOutside;
    } else {
      Part p = label_part(l);
      tags[i] = p == Part::Begin || p == Part::Unit ? begin_tag(label_type(l)) : inside_tag(label_type(l));
    }
  }
}

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

}  // namespace rawabit::ner

// The label set of the statistical tagger: ANERcorp's four entity types (PER, ORG, LOC, MISC) in
// BIO encoding, and the conversion between BIO sequences and entity spans.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rawabit::extract::ner {

enum class NerType : uint8_t { PER, ORG, LOC, MISC };
inline constexpr size_t kNerTypes = 4;

std::string_view ner_type_name(NerType t);                     // "PER", "ORG", "LOC", "MISC"
std::optional<NerType> parse_ner_type(std::string_view name);  // inverse of ner_type_name

// A BIO tag: 0 is O, then B-T and I-T for each type T in the order of NerType.
using Tag = uint8_t;
inline constexpr Tag kOutside = 0;
inline constexpr size_t kTags = 1 + 2 * kNerTypes;

constexpr Tag begin_tag(NerType t) { return static_cast<Tag>(1 + 2 * static_cast<int>(t)); }
constexpr Tag inside_tag(NerType t) { return static_cast<Tag>(2 + 2 * static_cast<int>(t)); }
static_assert(inside_tag(NerType::PER) == begin_tag(NerType::PER) + 1, "I-T follows B-T (tagger_decode.cpp)");
constexpr bool is_inside(Tag t) { return t != kOutside && t % 2 == 0; }
constexpr NerType tag_type(Tag t) { return static_cast<NerType>((t - 1) / 2); }  // t != kOutside

std::string_view tag_name(Tag t);                     // "O", "B-PER", "I-PER", ...
std::optional<Tag> parse_tag(std::string_view name);  // inverse of tag_name

// Whether `next` may follow `prev` in a well-formed sequence: I-T only continues B-T or I-T.
// At the start of a sentence `prev` is kOutside.
constexpr bool may_follow(Tag prev, Tag next) {
  return !is_inside(next) || (prev != kOutside && tag_type(prev) == tag_type(next));
}

// An entity over the words [first, end) of a sentence.
struct TaggedSpan {
  uint32_t first, end;
  NerType type;
  bool operator==(const TaggedSpan&) const = default;
};

// The spans of a BIO sequence, read as conlleval does: an I-T that does not continue a T span
// starts one.
std::vector<TaggedSpan> spans_from_tags(std::span<const Tag> tags);

}  // namespace rawabit::extract::ner

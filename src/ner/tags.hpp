// The label sets of the statistical tagger: ANERcorp's four entity types (PER, ORG, LOC, MISC) in
// BIO encoding, as CoNLL files and the tagger's callers see them, and in BILOU encoding, as the
// model scores them; the conversions between the two and to entity spans.
//
// Why two: BILOU (Begin, Inside, Last, Unit-length) lets the model weigh a name's last word and
// one-word names apart from the rest; cross-validation on ANERcorp scores it above BIO
// (docs/ner.md). BIO stays the external form: a BILOU sequence maps to one BIO sequence and back.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rawabit::ner {

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
constexpr bool is_inside(Tag t) { return t != kOutside && t % 2 == 0; }
constexpr NerType tag_type(Tag t) { return static_cast<NerType>((t - 1) / 2); }  // t != kOutside

std::string_view tag_name(Tag t);                     // "O", "B-PER", "I-PER", ...
std::optional<Tag> parse_tag(std::string_view name);  // inverse of tag_name

// A BILOU label: 0 is O, then B-T, I-T, L-T and U-T for each type T in the order of NerType.
using Label = uint8_t;
enum class Part : uint8_t { Begin, Inside, Last, Unit };
inline constexpr Label kOutsideLabel = 0;
inline constexpr size_t kLabels = 1 + 4 * kNerTypes;

constexpr Label make_label(NerType t, Part p) { return static_cast<Label>(1 + 4 * static_cast<int>(t) + static_cast<int>(p)); }
constexpr NerType label_type(Label l) { return static_cast<NerType>((l - 1) / 4); }  // l != kOutsideLabel
constexpr Part label_part(Label l) { return static_cast<Part>((l - 1) % 4); }        // l != kOutsideLabel
// Whether the label leaves an entity open, so that the next must be I-T or L-T of its type.
constexpr bool opens(Label l) { return l != kOutsideLabel && label_part(l) <= Part::Inside; }
// Whether `next` may follow `prev` (kOutsideLabel at the start of a sentence); a sentence may
// not end on a label that opens().
constexpr bool label_may_follow(Label prev, Label next) {
  bool continues = next != kOutsideLabel && (label_part(next) == Part::Inside || label_part(next) == Part::Last);
  if (!continues) return !opens(prev);
  return opens(prev) && label_type(prev) == label_type(next);
}

std::string_view label_name(Label l);  // "O", "B-PER", "I-PER", "L-PER", "U-PER", ...

// The BILOU labels of the spans of a BIO sequence (as spans_from_tags reads it).
void labels_from_tags(std::span<const Tag> tags, std::vector<Label>& labels);
// The BIO tags of a well-formed BILOU sequence: B-T and U-T give B-T, I-T and L-T give I-T.
void tags_from_labels(std::span<const Label> labels, std::vector<Tag>& tags);
// The labels of an entity of `length` words, word k of it: U-T alone, else B-T, I-T…, L-T.
constexpr Label entity_label(NerType t, size_t k, size_t length) {
  if (length == 1) return make_label(t, Part::Unit);
  return make_label(t, k == 0 ? Part::Begin : k + 1 == length ? Part::Last : Part::Inside);
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

}  // namespace rawabit::ner

// Document consistency for the tagger's output.
//
// News names a person, a party or a place again and again, and the tagger, which reads one
// sentence at a time, finds a name in some of its sentences and misses it in others. After the
// sentences of a document are tagged one by one, make_consistent() looks, for each sentence, at
// the entities tagged in the sentences within `window` of it (itself included). Their keys are
// the entity's words, with its first word under each clitic reading (وبوتين counts as بوتين),
// and, for a person of two words or more, the last word alone (the surname, which later
// sentences use by itself). Then in the sentence:
//  - a tagged entity whose exact words were tagged nearby more often as another type takes
//    that type;
//  - a run of words equal to a key (the first word read with or without clitics) becomes an
//    entity of the key's most frequent type, longest key first, left to right, if it holds at
//    least one untagged word and no part of a tagged entity (whole tagged entities may be in
//    it: «شمال» tagged alone in «حلف شمال الأطلسي» when the whole name was tagged nearby),
//    and, given the tagger's scores, if they are not much lower for it than for its own tags.
// Single-word keys shorter than three letters are ignored. Cross-validation on ANERcorp (whose
// stories are runs of consecutive sentences) chose the window and these rules; see docs/ner.md.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ner/tags.hpp"

namespace rawabit::ner {

inline constexpr int kDocumentWindow = 10;  // sentences on each side

struct ConsistencyOptions {
  int window = kDocumentWindow;  // sentences on each side
  // Given the scores, a run becomes an entity only if the sum over its words of (the word's
  // best emission score − its score with the entity's tag) is at most this, in the model's
  // int16 weight units (Tagger::scores; every model's largest weight is 32767).
  int64_t fill_max_loss = 70000;
};

// `tags[s]` are the BIO tags of `sentences[s]`, the sentences of one document in order;
// `scores[s]`, if given, the tagger's emission scores of sentence s (Tagger::scores: kLabels per word).
void make_consistent(std::span<const std::vector<std::string_view>> sentences, std::vector<std::vector<Tag>>& tags,
                     const ConsistencyOptions& options = {}, std::span<const std::vector<int32_t>> scores = {});

}  // namespace rawabit::ner

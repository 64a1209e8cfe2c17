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
//  - an untagged run of words equal to a key (the first word read with or without clitics)
//    becomes an entity of the key's most frequent type, longest key first, left to right.
// Single-word keys shorter than three letters are ignored. Cross-validation on ANERcorp (whose
// stories are runs of consecutive sentences) chose the window and these rules; see docs/ner.md.
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "extract/tagger_tags.hpp"

namespace rawabit::extract::ner {

inline constexpr int kDocumentWindow = 10;  // sentences on each side

// `tags[s]` are the BIO tags of `sentences[s]`, the sentences of one document in order.
void make_consistent(std::span<const std::vector<std::string_view>> sentences, std::vector<std::vector<Tag>>& tags,
                     int window = kDocumentWindow);

}  // namespace rawabit::extract::ner

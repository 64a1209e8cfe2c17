#include "lexicon/phrase_index.hpp"

#include <algorithm>

#include "text/clitics.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace rawabit::lexicon {

std::vector<std::string> PhraseIndex::words_of(std::string_view phrase) {
  std::string norm = text::normalize_form(phrase);
  std::vector<std::string> words;
  for (const text::Token& t : text::tokenize(norm)) words.emplace_back(t.in(norm));
  return words;
}

bool PhraseIndex::add(std::string_view phrase, uint32_t value, std::optional<uint32_t>* existing) {
  std::vector<std::string> words = words_of(phrase);
  if (words.empty()) return false;
  std::vector<Phrase>& list = by_first_[words.front()];
  std::vector<std::string> rest(words.begin() + 1, words.end());
  for (const Phrase& p : list) {
    if (p.rest == rest) {
      if (existing) *existing = p.value;
      return true;
    }
  }
  Phrase p{std::move(rest), value};
  auto at = std::find_if(list.begin(), list.end(), [&](const Phrase& q) { return q.rest.size() < p.rest.size(); });
  list.insert(at, std::move(p));
  ++count_;
  return true;
}

std::optional<uint32_t> PhraseIndex::find(std::string_view phrase) const {
  std::vector<std::string> words = words_of(phrase);
  if (words.empty()) return std::nullopt;
  auto it = by_first_.find(words.front());
  if (it == by_first_.end()) return std::nullopt;
  for (const Phrase& p : it->second)
    if (std::equal(p.rest.begin(), p.rest.end(), words.begin() + 1, words.end())) return p.value;
  return std::nullopt;
}

std::optional<PhraseMatch> PhraseIndex::match_rest(const text::Document& doc, const std::vector<Phrase>& candidates,
                                                   size_t first, size_t limit, size_t stem_offset) const {
  for (const Phrase& p : candidates) {  // longest first
    if (first + 1 + p.rest.size() > limit) continue;
    bool ok = true;
    for (size_t k = 0; k < p.rest.size() && ok; ++k) ok = doc.word(first + 1 + k) == p.rest[k];
    if (ok) return PhraseMatch{first, first + 1 + p.rest.size(), stem_offset, p.value};
  }
  return std::nullopt;
}

std::optional<PhraseMatch> PhraseIndex::longest_at(const text::Document& doc, size_t first, size_t limit) const {
  if (first >= limit) return std::nullopt;
  std::optional<PhraseMatch> best;
  auto consider = [&](std::string_view form, size_t stem_offset) {
    auto it = by_first_.find(form);
    if (it == by_first_.end()) return;
    auto m = match_rest(doc, it->second, first, limit, stem_offset);
    if (m && (!best || m->end_token > best->end_token)) best = m;
  };
  std::string_view word = doc.word(first);
  consider(word, 0);
  if (doc.tokens[first].kind == text::TokenKind::Word) {
    thread_local std::vector<text::Reading> readings;
    text::clitic_readings(word, readings);
    for (size_t r = 1; r < readings.size(); ++r) consider(readings[r].form, readings[r].stem_offset);
  }
  return best;
}

}  // namespace rawabit::lexicon

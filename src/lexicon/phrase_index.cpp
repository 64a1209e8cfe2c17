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

template <class OnMatch>
void PhraseIndex::match_rest(const text::Document& doc, const std::vector<Phrase>& candidates, size_t first,
                             size_t limit, size_t stem_offset, OnMatch on_match) const {
  for (const Phrase& p : candidates) {  // longest first
    if (first + 1 + p.rest.size() > limit) continue;
    bool ok = true;
    for (size_t k = 0; k < p.rest.size() && ok; ++k) ok = doc.word(first + 1 + k) == p.rest[k];
    if (ok) on_match(PhraseMatch{first, first + 1 + p.rest.size(), stem_offset, p.value});
  }
}

template <class Visit>
void PhraseIndex::readings_at(const text::Document& doc, size_t first, Visit visit) const {
  std::string_view word = doc.word(first);
  if (doc.tokens[first].kind != text::TokenKind::Word) {
    visit(word, 0);
    return;
  }
  text::for_each_reading(word, visit);
}

std::optional<PhraseMatch> PhraseIndex::longest_at(const text::Document& doc, size_t first, size_t limit) const {
  if (first >= limit) return std::nullopt;
  std::optional<PhraseMatch> best;
  readings_at(doc, first, [&](std::string_view form, size_t stem_offset) {
    auto it = by_first_.find(form);
    if (it == by_first_.end()) return;
    match_rest(doc, it->second, first, limit, stem_offset, [&](const PhraseMatch& m) {
      if (!best || m.end_token > best->end_token) best = m;
    });
  });
  return best;
}

std::vector<PhraseMatch> PhraseIndex::all_at(const text::Document& doc, size_t first, size_t limit) const {
  std::vector<PhraseMatch> out;
  if (first >= limit) return out;
  readings_at(doc, first, [&](std::string_view form, size_t stem_offset) {
    auto it = by_first_.find(form);
    if (it == by_first_.end()) return;
    match_rest(doc, it->second, first, limit, stem_offset, [&](const PhraseMatch& m) { out.push_back(m); });
  });
  std::stable_sort(out.begin(), out.end(),
                   [](const PhraseMatch& a, const PhraseMatch& b) { return a.end_token > b.end_token; });
  return out;
}

}  // namespace rawabit::lexicon

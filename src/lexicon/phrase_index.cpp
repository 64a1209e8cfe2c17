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
  first_endings_.add(words.front());
  Candidates& candidates = by_first_.emplace(words.front(), {}).first;
  std::vector<Phrase>& list = candidates.phrases;
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
  candidates.reindex();
  ++count_;
  return true;
}

void PhraseIndex::Candidates::reindex() {
  size_t multi_word = phrases.size() - (phrases.back().rest.empty() ? 1 : 0);
  indexed = multi_word >= kIndexFrom;
  if (!indexed) return;
  by_second = {};
  for (uint32_t i = 0; i < multi_word; ++i) by_second.emplace(phrases[i].rest.front(), {}).first.push_back(i);
}

std::optional<uint32_t> PhraseIndex::find(std::string_view phrase) const {
  std::vector<std::string> words = words_of(phrase);
  if (words.empty()) return std::nullopt;
  const Candidates* candidates = by_first_.find(words.front());
  if (!candidates) return std::nullopt;
  for (const Phrase& p : candidates->phrases)
    if (std::equal(p.rest.begin(), p.rest.end(), words.begin() + 1, words.end())) return p.value;
  return std::nullopt;
}

template <class OnMatch>
void PhraseIndex::match_rest(const text::Document& doc, const Candidates& candidates, size_t first, size_t limit,
                             size_t stem_offset, OnMatch on_match) const {
  auto try_phrase = [&](const Phrase& p) {
    if (first + 1 + p.rest.size() > limit) return;
    for (size_t k = 0; k < p.rest.size(); ++k)
      if (doc.word(first + 1 + k) != p.rest[k]) return;
    on_match(PhraseMatch{first, first + 1 + p.rest.size(), stem_offset, p.value});
  };
  if (!candidates.indexed) {
    for (const Phrase& p : candidates.phrases) try_phrase(p);  // longest first
    return;
  }
  // The same matches in the same order: only phrases whose second word follows can match, and
  // the one-word phrase, if any, comes last.
  if (first + 1 < limit) {
    if (const std::vector<uint32_t>* same_second = candidates.by_second.find(doc.word(first + 1)))
      for (uint32_t i : *same_second) try_phrase(candidates.phrases[i]);
  }
  if (candidates.phrases.back().rest.empty()) try_phrase(candidates.phrases.back());
}

template <class Visit>
void PhraseIndex::readings_at(const text::Document& doc, size_t first, Visit visit) const {
  std::string_view word = doc.word(first);
  // Every reading is the word, a suffix of it of four bytes or more, or ال + one: all end as the
  // word does (EndingFilter::may_end_reading).
  if (!first_endings_.may_end_reading(word)) return;
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
    const Candidates* candidates = by_first_.find(form);
    if (!candidates) return;
    match_rest(doc, *candidates, first, limit, stem_offset, [&](const PhraseMatch& m) {
      if (!best || m.end_token > best->end_token) best = m;
    });
  });
  return best;
}

std::vector<PhraseMatch> PhraseIndex::all_at(const text::Document& doc, size_t first, size_t limit) const {
  std::vector<PhraseMatch> out;
  if (first >= limit) return out;
  readings_at(doc, first, [&](std::string_view form, size_t stem_offset) {
    const Candidates* candidates = by_first_.find(form);
    if (!candidates) return;
    match_rest(doc, *candidates, first, limit, stem_offset, [&](const PhraseMatch& m) { out.push_back(m); });
  });
  std::stable_sort(out.begin(), out.end(),
                   [](const PhraseMatch& a, const PhraseMatch& b) { return a.end_token > b.end_token; });
  return out;
}

}  // namespace rawabit::lexicon

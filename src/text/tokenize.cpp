#include "text/tokenize.hpp"

#include <unicode/uchar.h>

#include "text/utf8.hpp"

namespace rawabit::text {

bool detail::is_other_letter(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

namespace {

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_space(char32_t cp) {
  if (cp >= 0x0621 && cp <= 0x064A) return false;  // the Arabic letters, without a call into ICU
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || u_isspace(cp);
}
// Whether a gap between two tokens holds a line break (scanned in line: gaps are a byte or two).
bool has_line_break(std::string_view gap) {
  for (char c : gap)
    if (c == '\n' || c == '\r') return true;
  return false;
}

bool ends_sentence(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x061B || cp == 0x2026 || cp == 0x06D4;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 6);
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (is_space(cp)) continue;
    TokenKind kind = is_letter(cp) ? TokenKind::Word : is_digit(cp) ? TokenKind::Number : TokenKind::Punct;
    if (kind != TokenKind::Punct) {
      size_t j = i;
      while (j < s.size()) {
        size_t k = j;
        char32_t next = next_code_point(s, k);
        if (k - start > kMaxTokenBytes) break;  // cut before a character that would not fit
        bool same = kind == TokenKind::Word ? is_letter(next) : is_digit(next);
        // 3.5 and 1,000 stay one number.
        if (!same && kind == TokenKind::Number && (next == '.' || next == ',') && k < s.size() &&
            is_digit(static_cast<unsigned char>(s[k]))) {
          same = true;
        }
        if (!same) break;
        j = k;
      }
      i = j;
    }
    tokens.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), kind});
  }
  return tokens;
}

std::vector<Sentence> split_sentences(std::string_view s, const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  size_t first = 0;
  auto close = [&](size_t end_token) {
    if (end_token > first) {
      out.push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(end_token), tokens[first].begin,
                     tokens[end_token - 1].end});
    }
    first = end_token;
  };
  for (size_t t = 0; t < tokens.size(); ++t) {
    // A line break between the previous token and this one ends the sentence.
    if (t > first) {
      std::string_view gap = s.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
      if (has_line_break(gap)) close(t);
    }
    const Token& tok = tokens[t];
    if (tok.kind != TokenKind::Punct) continue;
    size_t k = tok.begin;
    char32_t cp = next_code_point(s, k);
    if (!ends_sentence(cp)) continue;
    if (cp == '.' && t > first) {
      const Token& prev = tokens[t - 1];
      size_t p = prev.begin;
      next_code_point(s, p);
      bool one_letter_word = prev.kind == TokenKind::Word && p == prev.end && prev.end == tok.begin;
      if (one_letter_word) continue;  // د. مبارك — an abbreviation
    }
    // Keep a run of terminators ("?!", "...") inside the sentence they end.
    while (t + 1 < tokens.size() && tokens[t + 1].kind == TokenKind::Punct && tokens[t + 1].begin == tokens[t].end) {
      size_t q = tokens[t + 1].begin;
      if (!ends_sentence(next_code_point(s, q))) break;
      ++t;
    }
    close(t + 1);
  }
  close(tokens.size());
  return out;
}

}  // namespace rawabit::text

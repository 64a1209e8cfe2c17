// Tokens and sentences over the normalized text (offsets are normalized byte offsets; map them
// back with NormalizedText::original_span).
//
// A word is a run of letters, a number a run of digits (with '.' or ',' between digits), and
// every other visible character is a punctuation token of its own. Sentences end after . ! ? ؟
// ؛ … and at line breaks; a '.' after a one-letter word (د. أ.) is an abbreviation, not an end.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace rawabit::text {

enum class TokenKind : uint8_t { Word, Number, Punct };

struct Token {
  uint32_t begin, end;
  TokenKind kind;
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

struct Sentence {
  uint32_t first_token, end_token;  // [first_token, end_token) into the token vector
  uint32_t begin, end;              // normalized byte span
};

// Longest token kept; longer runs are cut so that a pathological input stays linear.
inline constexpr size_t kMaxTokenBytes = 256;

std::vector<Token> tokenize(std::string_view normalized);
std::vector<Sentence> split_sentences(std::string_view normalized, const std::vector<Token>& tokens);

namespace detail {
bool is_other_letter(char32_t cp);  // ICU: a letter or combining mark beyond ASCII and Arabic
}
// Whether a code point belongs in a word: a letter or a combining mark. Inline, with the Arabic
// and ASCII letters first: it runs for every character of every word.
inline bool is_letter(char32_t cp) {
  if (cp >= 0x0621 && cp <= 0x064A) return true;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return detail::is_other_letter(cp);
}

}  // namespace rawabit::text

// libFuzzer target for the text layer: arbitrary bytes go through it as ingest and analysis
// would take them.
//
// - repair_utf8, decode_text, clean_controls and clean_label give valid UTF-8;
// - txt_document gives a valid UTF-8 text and title; analyze_text then runs on it, and on the
//   repaired bytes as they are (controls and markup left in);
// - normalize: valid UTF-8; origin and origin_end have one entry per normalized byte, with
//   origin[i] < origin_end[i] <= the original size;
// - tokens: ordered, non-empty, inside the normalized text, at most kMaxTokenBytes long, starting
//   on a character; sentences: consecutive, covering all tokens, each spanning its tokens;
// - original_span of every token: inside the original text, starting on a character;
// - clitic readings of every word: the word itself first; each form valid UTF-8 and ending with
//   the word's bytes from its stem offset on.
// Any violation traps (__builtin_trap), so libFuzzer records the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "text/clitics.hpp"
#include "text/decode.hpp"
#include "text/document.hpp"
#include "text/input.hpp"
#include "text/utf8.hpp"

namespace {

using namespace rawabit::text;
using rawabit::fuzz::check;
using rawabit::fuzz::valid_utf8;

bool starts_character(std::string_view s, size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

void check_normalized(const NormalizedText& norm, std::string_view original) {
  check(valid_utf8(norm.text));
  check(norm.original_size == original.size());
  check(norm.origin.size() == norm.text.size() && norm.origin_end.size() == norm.text.size());
  for (size_t i = 0; i < norm.text.size(); ++i) {
    check(norm.origin[i] < original.size());
    check(norm.origin[i] < norm.origin_end[i] && norm.origin_end[i] <= original.size());
  }
}

void check_tokens(const Document& doc) {
  std::string_view text = doc.norm.text;
  uint32_t previous_end = 0;
  for (const Token& token : doc.tokens) {
    check(previous_end <= token.begin && token.begin < token.end && token.end <= text.size());
    check(token.end - token.begin <= kMaxTokenBytes);
    check(starts_character(text, token.begin));
    previous_end = token.end;
    NormalizedText::Span span = doc.norm.original_span(token.begin, token.end);
    check(span.begin <= span.end && span.end <= doc.text.size());
    check(starts_character(doc.text, span.begin));
  }
}

void check_sentences(const Document& doc) {
  uint32_t next_token = 0;
  for (const Sentence& sentence : doc.sentences) {
    check(sentence.first_token == next_token && sentence.first_token < sentence.end_token);
    check(sentence.end_token <= doc.tokens.size());
    check(sentence.begin == doc.tokens[sentence.first_token].begin);
    check(sentence.end == doc.tokens[sentence.end_token - 1].end);
    next_token = sentence.end_token;
  }
  check(next_token == doc.tokens.size());
}

void check_readings(const Document& doc) {
  std::vector<Reading> readings;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.tokens[t].kind != TokenKind::Word) continue;
    std::string_view word = doc.word(t);
    clitic_readings(word, readings);
    check(!readings.empty() && readings.front().form == word && readings.front().stem_offset == 0);
    for (const Reading& reading : readings) {
      check(reading.stem_offset <= word.size() && valid_utf8(reading.form));
      check(std::string_view(reading.form).ends_with(word.substr(reading.stem_offset)));
    }
  }
}

// Analyzes `text` (well-formed UTF-8) and checks every invariant above.
void analyze_and_check(std::string text) {
  Document doc;
  doc.text = std::move(text);
  analyze_text(doc);
  check_normalized(doc.norm, doc.text);
  check_tokens(doc);
  check_sentences(doc);
  check_readings(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto ignore = [](const std::string&) {};

  RepairedUtf8 repaired = repair_utf8(bytes);
  check(valid_utf8(repaired.text));
  check(repaired.first_bad_offset.has_value() == (repaired.bad_sequences > 0));
  check(!repaired.first_bad_offset || *repaired.first_bad_offset < size);

  DecodedText decoded = decode_text(bytes);
  if (decoded.refused.empty()) {
    check(valid_utf8(decoded.text));
    clean_controls(decoded.text);
    check(valid_utf8(decoded.text));
  }
  check(valid_utf8(clean_label(repaired.text)));

  if (std::optional<Document> doc = txt_document("fuzz.txt", bytes, ignore)) {
    check(valid_utf8(doc->text) && valid_utf8(doc->title));
    analyze_and_check(std::move(doc->text));
  }
  analyze_and_check(std::move(repaired.text));
  return 0;
}

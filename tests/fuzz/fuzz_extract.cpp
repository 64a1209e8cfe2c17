// libFuzzer target for whole-document extraction: arbitrary bytes, read as a .txt article,
// go through the text layer and the extractor (entities, then relations).
//
// - every mention lies in its sentence (tokens) and its byte span inside the text, starting on
//   a character; it names an existing entity;
// - every fact names existing entities and sentence, its span inside the text;
// - entity names, Arabic names and aliases are valid UTF-8, and clean_name() (what the store
//   keeps) leaves them valid and free of bidi controls;
// - SentenceView, built for every sentence after extraction, answers as a scan of all mentions.
// Any violation traps (__builtin_trap), so libFuzzer records the input. The lexicon and model
// load once, from RAWABIT_SCHEMA or the source tree.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/paths.hpp"
#include "extract/pipeline.hpp"
#include "extract/sentence_view.hpp"
#include "fuzz_check.hpp"
#include "lexicon/lexicon.hpp"
#include "text/decode.hpp"
#include "text/input.hpp"

namespace {

using namespace rawabit;
using rawabit::fuzz::check;
using rawabit::fuzz::valid_utf8;

bool starts_character(std::string_view s, size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

bool has_bidi_control(std::string_view s) {
  for (std::string_view mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
                                "\u2069", "\u200E", "\u200F", "\uFFFE", "\uFFFF"})
    if (s.find(mark) != std::string_view::npos) return true;
  return false;
}

void check_name(const std::string& name) {
  check(valid_utf8(name));
  std::string clean = text::clean_name(name);
  check(valid_utf8(clean) && !has_bidi_control(clean));
}

void check_annotations(const text::Document& doc, const extract::Annotations& ann) {
  for (const extract::Entity& e : ann.entities) {
    check_name(e.name);
    check_name(e.name_ar);
    for (const std::string& alias : e.aliases) check_name(alias);
    check(!e.stands_for || *e.stands_for < ann.entities.size());
  }
  for (const extract::Mention& m : ann.mentions) {
    check(m.entity < ann.entities.size() && m.sentence < doc.sentences.size());
    const text::Sentence& s = doc.sentences[m.sentence];
    check(s.first_token <= m.first_token && m.first_token < m.end_token && m.end_token <= s.end_token);
    check(m.begin <= m.end && m.end <= doc.text.size() && starts_character(doc.text, m.begin));
  }
  for (const extract::Fact& f : ann.facts) {
    check(f.subject < ann.entities.size() && f.object < ann.entities.size());
    check(f.sentence < doc.sentences.size());
    check(f.begin <= f.end && f.end <= doc.text.size());
  }
}

void check_views(const text::Document& doc, const extract::Annotations& ann, const extract::TokenFacts& facts) {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    extract::SentenceView view(doc, s, ann, facts);
    for (size_t t = doc.sentences[s].first_token; t < doc.sentences[s].end_token; ++t) {
      std::optional<uint32_t> covering;
      bool starts = false;
      for (uint32_t m = 0; m < ann.mentions.size(); ++m) {
        const extract::Mention& men = ann.mentions[m];
        if (men.sentence != s) continue;
        if (men.first_token <= t && t < men.end_token) covering = m;
        starts = starts || men.first_token == t;
      }
      check(view.mention_covering(t) == covering && view.mention_at(t).has_value() == starts);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  static const extract::Extractor extractor(lex, schema_dir());
  static const extract::WordClasses classes(lex);
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::optional<text::Document> doc = text::txt_document("fuzz.txt", bytes, [](const std::string&) {});
  if (!doc) return 0;
  text::analyze_text(*doc);
  extract::Annotations ann = extractor.run(*doc);
  check_annotations(*doc, ann);
  const extract::TokenFacts facts(*doc, lex, classes);
  check_views(*doc, ann, facts);
  return 0;
}

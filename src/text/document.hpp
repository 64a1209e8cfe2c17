// The document that flows through the pipeline. Ingest fills the first block; analyze_text()
// the text layer; the extract stage adds its annotations in extract::Annotations.
#pragma once
#include <string>
#include <vector>

#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace rawabit::text {

struct Document {
  // From ingest.
  std::string source;     // the input path, or path#id for a JSON Lines record
  std::string title;
  std::string date;       // ISO date (or year, or year-month) of the article; empty if unknown
  std::string publisher;  // the "source" field of a JSON Lines record
  std::string text;       // the original text, well-formed UTF-8; every stored span points into it

  // From analyze_text().
  NormalizedText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view word(size_t token) const { return tokens[token].in(norm.text); }
  // Original byte span of the tokens [first, end).
  NormalizedText::Span span_of_tokens(size_t first, size_t end) const {
    return norm.original_span(tokens[first].begin, tokens[end - 1].end);
  }
};

// Normalizes, tokenizes and segments doc.text.
void analyze_text(Document& doc);

}  // namespace rawabit::text

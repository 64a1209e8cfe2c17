#include "text/document.hpp"

namespace rawabit::text {

void analyze_text(Document& doc) {
  doc.norm = normalize(doc.text);
  doc.tokens = tokenize(doc.norm.text);
  doc.sentences = split_sentences(doc.norm.text, doc.tokens);
}

}  // namespace rawabit::text

// Token-per-line CoNLL files, as ANERcorp ships them.
//
// One token per line; columns are separated by tabs or spaces; a blank line (or one of white
// space only) ends a sentence; a final '\r' (CRLF files) is ignored. The first column is the
// token. In a tagged file the last column is its BIO tag (tags.hpp), and every line must
// have one; other columns are ignored. Each token is also given in its matching form
// (text::normalize_form), which is what the tagger sees, so that training and the pipeline agree.
// Bad input (invalid UTF-8, a missing or unknown tag) throws rawabit::Error naming file:line
// and quoting the line.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "ner/tags.hpp"

namespace rawabit::ner {

struct ConllSentence {
  std::vector<std::string> tokens;  // as written in the file
  std::vector<std::string> forms;   // normalize_form(token); may be empty for a token of marks only
  std::vector<Tag> tags;            // the tag column (tagged files only; otherwise empty)
  size_t first_line = 0;            // line number of the first token
};

enum class ConllColumns { Tokens, TokensAndTags };

// Reads sentences one at a time from a stream (a file or stdin).
class ConllReader {
 public:
  // `name` is what error messages call the input.
  ConllReader(std::istream& in, std::string name, ConllColumns columns);

  // The next sentence, or false at the end of the input.
  bool next(ConllSentence& sentence);

 private:
  void add_token(std::string_view line, ConllSentence& sentence) const;

  std::istream& in_;
  std::string name_;
  ConllColumns columns_;
  size_t line_number_ = 0;
  std::string line_;
};

// All the sentences of a file.
std::vector<ConllSentence> read_conll_file(const std::filesystem::path& path, ConllColumns columns);

}  // namespace rawabit::ner

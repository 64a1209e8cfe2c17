#include "ner/conll.hpp"

#include <fstream>
#include <istream>

#include "common/error.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::ner {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The columns of a line: runs of characters between tabs and spaces.
std::vector<std::string_view> columns_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_blank(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !is_blank(line[i])) ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

ConllReader::ConllReader(std::istream& in, std::string name, ConllColumns columns)
    : in_(in), name_(std::move(name)), columns_(columns) {}

bool ConllReader::next(ConllSentence& sentence) {
  sentence.tokens.clear();
  sentence.forms.clear();
  sentence.tags.clear();
  while (std::getline(in_, line_)) {
    ++line_number_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    bool blank = line_.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      if (!sentence.tokens.empty()) return true;
      continue;
    }
    if (sentence.tokens.empty()) sentence.first_line = line_number_;
    add_token(line_, sentence);
  }
  return !sentence.tokens.empty();
}

void ConllReader::add_token(std::string_view line, ConllSentence& sentence) const {
  if (text::repair_utf8(line).first_bad_offset) throw Error(at_line(name_, line_number_, "invalid UTF-8", line));
  std::vector<std::string_view> columns = columns_of(line);
  if (columns_ == ConllColumns::TokensAndTags) {
    if (columns.size() < 2) throw Error(at_line(name_, line_number_, "missing the tag column", line));
    std::optional<Tag> tag = parse_tag(columns.back());
    if (!tag) {
      throw Error(at_line(name_, line_number_, "unknown tag (expected O or B-/I- with PER, ORG, LOC, MISC)", line));
    }
    sentence.tags.push_back(*tag);
  }
  sentence.tokens.emplace_back(columns.front());
  sentence.forms.push_back(text::normalize_form(columns.front()));
}

std::vector<ConllSentence> read_conll_file(const std::filesystem::path& path, ConllColumns columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open CoNLL file");
  ConllReader reader(in, path.string(), columns);
  std::vector<ConllSentence> sentences;
  ConllSentence sentence;
  while (reader.next(sentence)) sentences.push_back(sentence);
  return sentences;
}

}  // namespace rawabit::ner

#include "lexicon/tsv.hpp"

#include <fstream>
#include <sstream>

#include "text/utf8.hpp"

namespace rawabit::lexicon {

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_list(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = s.find(sep, pos);
    std::string_view part = trim(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (!part.empty()) out.push_back(part);
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

void TsvLine::expect_fields(size_t min, size_t max) const {
  if (fields.size() < min || fields.size() > max) {
    fail("expected " + (min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max)) +
         " tab-separated columns, found " + std::to_string(fields.size()));
  }
}

void read_tsv(const std::filesystem::path& path, const std::function<void(const TsvLine&)>& on_line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open data file");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = std::move(ss).str();
  if (auto bad = text::repair_utf8(bytes).first_bad_offset) {
    throw Error(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  }
  std::string_view rest = bytes;
  TsvLine line{path.string(), 0, {}, {}};
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view raw = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    ++line.number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (trim(raw).empty() || trim(raw).front() == '#') continue;
    line.text = raw;
    line.fields.clear();
    size_t pos = 0;
    while (true) {
      size_t tab = raw.find('\t', pos);
      line.fields.push_back(trim(raw.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    on_line(line);
  }
}

}  // namespace rawabit::lexicon

#include "text/input.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace rawabit::text {

namespace {

std::string repaired(const std::string& source, std::string_view bytes, const Warn& warn) {
  RepairedUtf8 r = repair_utf8(bytes);
  if (r.first_bad_offset) {
    warn(source + ": invalid UTF-8 at byte " + std::to_string(*r.first_bad_offset) + " (" +
         std::to_string(r.bad_sequences) + " sequence(s) replaced by U+FFFD)");
  }
  return std::move(r.text);
}

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return !in.bad();
}

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 4096).find('\0') != std::string_view::npos;
}

void read_jsonl(const std::string& path, std::string_view bytes, const DocumentSink& sink, const Warn& warn,
                InputSummary& summary) {
  size_t line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (trim(line).empty()) continue;
    if (auto doc = jsonl_record(path, line_no, line, warn)) {
      ++summary.documents;
      sink(std::move(*doc));
    } else {
      ++summary.skipped;
    }
  }
}

void read_file_input(const fs::path& p, const DocumentSink& sink, const Warn& warn, InputSummary& summary) {
  std::string path = p.string();
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext != ".txt" && ext != ".text" && ext != ".jsonl") {
    warn(path + ": skipped: not a .txt or .jsonl file");
    ++summary.skipped;
    return;
  }
  std::string bytes;
  if (!read_file(p, bytes)) {
    warn(path + ": skipped: cannot be read");
    ++summary.skipped;
    return;
  }
  ++summary.files;
  if (looks_binary(bytes)) {
    warn(path + ": skipped: binary content (NUL bytes)");
    ++summary.skipped;
    return;
  }
  if (ext == ".jsonl") {
    read_jsonl(path, bytes, sink, warn, summary);
    return;
  }
  if (trim(bytes).empty()) {
    warn(path + ": skipped: empty");
    ++summary.skipped;
    return;
  }
  ++summary.documents;
  sink(document_from_txt(path, bytes, warn));
}

}  // namespace

std::optional<Document> jsonl_record(const std::string& path, size_t line_no, std::string_view line, const Warn& warn) {
  std::string where = path + ":" + std::to_string(line_no);
  nlohmann::json rec = nlohmann::json::parse(repaired(where, line, warn), nullptr, /*allow_exceptions=*/false);
  if (rec.is_discarded() || !rec.is_object()) {
    warn(at_line(path, line_no, "not a JSON object, line skipped", line));
    return std::nullopt;
  }
  auto field = [&](const char* key) -> std::string {
    auto it = rec.find(key);
    if (it == rec.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
  };
  std::string body = field("text");
  if (trim(body).empty()) {
    warn(at_line(path, line_no, "record has no \"text\", line skipped", line));
    return std::nullopt;
  }
  Document doc;
  std::string id = field("id");
  doc.source = path + "#" + (id.empty() ? std::to_string(line_no) : id);
  doc.title = std::string(trim(field("title")));
  doc.date = iso_date_prefix(field("date"));
  doc.publisher = field("source");
  doc.text = doc.title.empty() ? body : doc.title + "\n\n" + body;
  return doc;
}

std::string iso_date_prefix(std::string_view s) {
  s = trim(s);
  auto digits = [&](size_t at, size_t n) {
    if (at + n > s.size()) return false;
    for (size_t k = at; k < at + n; ++k)
      if (s[k] < '0' || s[k] > '9') return false;
    return true;
  };
  if (!digits(0, 4)) return {};
  std::string year(s.substr(0, 4));
  if (s.size() == 4) return year;
  char sep = s[4];
  if (sep != '-' && sep != '/' && sep != '.') return {};
  size_t m_len = digits(5, 2) ? 2 : digits(5, 1) ? 1 : 0;
  if (!m_len) return {};
  int month = std::stoi(std::string(s.substr(5, m_len)));
  if (month < 1 || month > 12) return {};
  std::string ym = year + "-" + (month < 10 ? "0" : "") + std::to_string(month);
  size_t at = 5 + m_len;
  if (at >= s.size() || s[at] != sep) return ym;
  size_t d_len = digits(at + 1, 2) ? 2 : digits(at + 1, 1) ? 1 : 0;
  if (!d_len) return ym;
  int day = std::stoi(std::string(s.substr(at + 1, d_len)));
  if (day < 1 || day > 31) return ym;
  return ym + "-" + (day < 10 ? "0" : "") + std::to_string(day);
}

Document document_from_txt(const std::string& source, std::string_view bytes, const Warn& warn) {
  Document doc;
  doc.source = source;
  doc.text = repaired(source, bytes, warn);
  // The title is the first non-empty line; a date line before it is the article's date.
  std::string_view rest = doc.text;
  while (!rest.empty() && doc.title.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (line.empty()) continue;
    std::string date = iso_date_prefix(line);
    if (!date.empty() && date.size() == 10 && line.size() <= 10 && doc.date.empty()) {
      doc.date = date;
      continue;
    }
    doc.title = std::string(line);
  }
  return doc;
}

InputSummary read_inputs(const std::vector<fs::path>& paths, const DocumentSink& sink, const Warn& warn) {
  InputSummary summary;
  for (const fs::path& root : paths) {
    std::error_code ec;
    auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      warn(root.string() + ": skipped: no such file or directory");
      ++summary.skipped;
      continue;
    }
    if (fs::is_regular_file(status)) {
      read_file_input(root, sink, warn, summary);
      continue;
    }
    if (!fs::is_directory(status)) {
      warn(root.string() + ": skipped: not a regular file or directory");
      ++summary.skipped;
      continue;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fec;
      if (it->is_regular_file(fec)) files.push_back(it->path());
    }
    if (ec) warn(root.string() + ": directory walk stopped: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      if (f.filename().string().starts_with(".")) continue;
      read_file_input(f, sink, warn, summary);
    }
  }
  return summary;
}

}  // namespace rawabit::text

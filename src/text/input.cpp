#include "text/input.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <simdjson.h>

#include "common/error.hpp"
#include "text/compressed_stream.hpp"
#include "text/decode.hpp"
#include "text/html.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace rawabit::text {

namespace {

constexpr size_t kMaxJsonDepth = 512;
constexpr size_t kMaxTitleBytes = 1024;

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// A name as it may appear in a one-line warning: line breaks and other controls escaped.
std::string shown(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    else out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : "?";
  }
  return out;
}

// Reports skipped inputs: one warning each, and the count.
struct Reporter {
  const Warn& warn;
  InputSummary& summary;
  void skip(std::string_view name, const std::string& why) const {
    warn(shown(name) + ": skipped: " + why);
    ++summary.skipped;
  }
  void note(std::string_view name, const std::string& what) const { warn(shown(name) + ": " + what); }
};

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The title as a label: controls and bidi marks removed, white space folded, at most 1 KiB.
std::string title_label(std::string_view line) {
  std::string label = clean_label(line);
  if (label.size() <= kMaxTitleBytes) return label;
  size_t cut = kMaxTitleBytes;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  label.resize(cut);
  return label;
}

// The first non-empty line is the title; a date line before it is the article's date.
void set_title_and_date(Document& doc) {
  std::string_view rest = doc.text;
  while (!rest.empty() && doc.title.empty()) {
    size_t eol = rest.find_first_of("\r\n");
    std::string_view line = trim(rest.substr(0, eol));
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    if (line.empty()) continue;
    std::string date = iso_date_prefix(line);
    if (date.size() == 10 && line.size() <= 10 && doc.date.empty()) {
      doc.date = date;
      continue;
    }
    doc.title = title_label(line);
  }
}

// ---- JSON Lines ----

// Whether brackets nest deeper than `limit` (refused with a clear message before parsing).
// Counts first: a line with few brackets cannot be deep, and most lines have few.
bool nested_deeper_than(std::string_view json, size_t limit) {
  // A record has a few brackets: counted with memchr (find), far faster than a loop over bytes.
  size_t brackets = 0;
  for (char open : {'[', '{'})
    for (size_t at = json.find(open); at != std::string_view::npos && brackets <= limit; at = json.find(open, at + 1))
      ++brackets;
  if (brackets <= limit) return false;
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// A record from one well-formed UTF-8 line.
std::optional<Document> record_from_json(const std::string& path, size_t line_no, std::string_view line,
                                         const Warn& warn) {
  if (nested_deeper_than(line, kMaxJsonDepth)) {
    warn(at_line(shown(path), line_no, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels, line skipped",
                 line));
    return std::nullopt;
  }
  // simdjson parses a line an order of magnitude faster than a DOM of std::maps; the parser
  // keeps its buffers between lines (one per reading thread).
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(line);
  simdjson::dom::element root;
  if (simdjson::error_code error = parser.parse(padded).get(root)) {
    warn(at_line(shown(path), line_no, std::string("invalid JSON (") + simdjson::error_message(error) + "), line skipped",
                 line));
    return std::nullopt;
  }
  simdjson::dom::object rec;
  if (root.get_object().get(rec) != simdjson::SUCCESS) {
    warn(at_line(shown(path), line_no, "not a JSON object, line skipped", line));
    return std::nullopt;
  }
  // A field as text: a string as is, another value as its JSON, null or absent as empty. When a
  // key repeats, the last one counts.
  auto field = [&](std::string_view key) -> std::string {
    std::string out;
    for (auto [k, value] : rec) {
      if (k != key) continue;
      std::string_view text;
      if (value.is_null()) out.clear();
      else if (value.get_string().get(text) == simdjson::SUCCESS) out.assign(text);
      else out = simdjson::minify(value);
    }
    return out;
  };
  std::string body = field("text");
  clean_controls(body);
  strip_markup(body);
  if (trim(body).empty()) {
    warn(at_line(shown(path), line_no, "record has no \"text\", line skipped", line));
    return std::nullopt;
  }
  std::string title = field("title");
  strip_markup(title);
  Document doc;
  std::string id = field("id");
  doc.source = path + "#" + (id.empty() ? std::to_string(line_no) : id);
  doc.title = title_label(title);
  doc.date = iso_date_prefix(field("date"));
  doc.publisher = field("source");
  doc.text = doc.title.empty() ? std::move(body) : doc.title + "\n\n" + body;
  return doc;
}

// Invalid UTF-8 across a JSON Lines file, reported once.
struct BadBytes {
  std::optional<size_t> first_offset;
  size_t sequences = 0;
};

// The encoding of a JSON Lines file, judged on its first bytes; false when the file is refused.
bool check_jsonl_head(const std::string& name, std::string_view head, SniffedEncoding& encoding,
                      const Reporter& report) {
  constexpr size_t kSample = 64 << 10;
  encoding = sniff_encoding(head.substr(0, kSample));
  if (encoding.encoding == Encoding::Utf16LE || encoding.encoding == Encoding::Utf16BE ||
      encoding.encoding == Encoding::Utf32) {
    report.skip(name, "UTF-16 and UTF-32 JSON Lines are not supported (JSON Lines are UTF-8)");
    return false;
  }
  if (auto binary = binary_kind(head.substr(encoding.bom_bytes))) {
    report.skip(name, *binary);
    return false;
  }
  if (encoding.encoding == Encoding::Windows1256)
    report.note(name, "not UTF-8; detected windows-1256 (Arabic) and converted");
  return true;
}

void read_jsonl(const std::string& name, ByteStream& in, const DocumentSink& sink, const Reporter& report) {
  LineReader lines(in, kMaxInputBytes);
  SniffedEncoding encoding;
  if (!check_jsonl_head(name, lines.peek(), encoding, report)) return;
  const bool cp1256 = encoding.encoding == Encoding::Windows1256;
  LineReader::Line line;
  BadBytes bad;
  bool any_line = false;
  size_t records = 0;
  while (lines.next(line)) {
    std::string_view raw = line.text;
    if (line.number == 1) raw.remove_prefix(std::min(encoding.bom_bytes, raw.size()));
    if (line.too_long) {
      report.warn(at_line(shown(name), line.number, "line longer than " + mib(kMaxInputBytes) + ", skipped", raw));
      ++report.summary.skipped;
      continue;
    }
    if (!line.ended && !in.error().empty()) break;  // cut by the damage reported below
    if (trim(raw).empty()) continue;
    any_line = true;
    std::string utf8;
    if (cp1256) {
      utf8 = to_utf8(raw, "windows-1256");
    } else {
      RepairedUtf8 r = repair_utf8(raw);
      if (r.first_bad_offset && !bad.first_offset)
        bad.first_offset = line.offset + (line.text.size() - raw.size()) + *r.first_bad_offset;
      bad.sequences += r.bad_sequences;
      utf8 = std::move(r.text);
    }
    if (auto doc = record_from_json(name, line.number, utf8, report.warn)) {
      ++records;
      ++report.summary.documents;
      sink(std::move(*doc));
    } else {
      ++report.summary.skipped;
    }
  }
  if (bad.first_offset)
    report.note(name, invalid_utf8_note(*bad.first_offset, bad.sequences, encoding.unsure));
  if (!in.error().empty())
    report.skip(name, in.error() + " after line " + std::to_string(line.number) + " (the " + std::to_string(records) +
                          " record(s) before it are kept)");
  else if (!any_line)
    report.skip(name, "empty");
}

// ---- Files and directories ----

enum class InputKind { Txt, Jsonl, Other };

InputKind kind_of(const fs::path& path, Compression c) {
  std::string ext = (c == Compression::None ? path : path.stem()).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (ext == ".txt" || ext == ".text") return InputKind::Txt;
  if (ext == ".jsonl") return InputKind::Jsonl;
  return InputKind::Other;
}

void read_txt(const std::string& name, ByteStream& in, size_t file_size, const DocumentSink& sink,
              const Reporter& report) {
  if (file_size > kMaxInputBytes) return report.skip(name, "larger than " + mib(kMaxInputBytes));
  std::optional<Document> doc;
  {
    std::string bytes;  // freed before the document goes down the pipeline
    if (!read_all(in, bytes, kMaxInputBytes, file_size)) {
      return report.skip(name, in.error().empty() ? "larger than " + mib(kMaxInputBytes) + " decompressed" : in.error());
    }
    doc = txt_document(name, bytes, report.warn);
  }
  if (!doc) {
    ++report.summary.skipped;
    return;
  }
  ++report.summary.documents;
  sink(std::move(*doc));
}

void read_file(const fs::path& path, const DocumentSink& sink, const Reporter& report) {
  std::string name = document_name(path);
  Compression compression = compression_of(path);
  InputKind kind = kind_of(path, compression);
  if (kind == InputKind::Other) return report.skip(name, "not a .txt or .jsonl file (possibly .gz, .xz, .zst)");
  size_t size = 0;
  std::string why;
  std::unique_ptr<ByteStream> in = open_file(path, size, why);
  if (!in) return report.skip(name, "cannot be read: " + why);
  ++report.summary.files;
  if (compression != Compression::None) size = 0;  // the limit applies to the decompressed bytes
  in = decompressing(std::move(in), compression);
  if (kind == InputKind::Jsonl) read_jsonl(name, *in, sink, report);
  else read_txt(name, *in, size, sink, report);
}

std::string why_unusable(const fs::path& path, const std::error_code& ec) {
  if (ec.value() == ELOOP) return "symbolic link loop";
  std::error_code lec;
  if (fs::is_symlink(fs::symlink_status(path, lec))) return "dangling symbolic link";
  return ec.message();
}

std::string kind_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return "not a regular file or directory";
  }
}

// Walks the inputs; directories already read (through a link loop or twice) are not read again.
class Walker {
 public:
  Walker(const DocumentSink& sink, const Reporter& report) : sink_(sink), report_(report) {}

  void read_path(const fs::path& path) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec) return report_.skip(document_name(path), why_unusable(path, ec));
    if (fs::is_directory(st)) return read_directory(path);
    if (fs::is_regular_file(st)) return read_file(path, sink_, report_);
    report_.skip(document_name(path), kind_name(st.type()));  // never opened: a FIFO would block
  }

 private:
  void read_directory(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) == 0 && !seen_.insert({st.st_dev, st.st_ino}).second)
      return report_.skip(document_name(dir), "directory already read (symbolic link loop or duplicate)");
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec))
      if (!it->path().filename().native().starts_with(".")) entries.push_back(*it);
    if (ec) report_.skip(document_name(dir), "cannot be listed: " + ec.message());  // read what was listed
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      std::error_code type_ec;  // the type the listing gave saves a stat() per plain file
      if (entry.is_regular_file(type_ec)) read_file(entry.path(), sink_, report_);
      else read_path(entry.path());
    }
  }

  const DocumentSink& sink_;
  const Reporter& report_;
  std::set<std::pair<dev_t, ino_t>> seen_;
};

}  // namespace

std::string document_name(const fs::path& path) { return repair_utf8(path.native()).text; }

std::optional<Document> jsonl_record(const std::string& path, size_t line_no, std::string_view line, const Warn& warn) {
  RepairedUtf8 r = repair_utf8(line);
  if (r.first_bad_offset) {
    warn(shown(path) + ":" + std::to_string(line_no) + ": " + invalid_utf8_note(*r.first_bad_offset, r.bad_sequences));
  }
  return record_from_json(path, line_no, r.text, warn);
}

std::optional<Document> txt_document(const std::string& source, std::string_view bytes, const Warn& warn) {
  InputSummary ignored;  // the caller counts
  Reporter report{warn, ignored};
  auto skipped = [&](const std::string& why) {
    report.skip(source, why);
    return std::optional<Document>{};
  };
  if (bytes.empty()) return skipped("empty");
  DecodedText decoded = decode_text(bytes);
  if (!decoded.refused.empty()) return skipped(decoded.refused);
  for (const std::string& note : decoded.notes) report.note(source, note);
  Document doc;
  doc.source = source;
  doc.text = std::move(decoded.text);
  CleanedControls cleaned = clean_controls(doc.text);
  if (cleaned.nuls)
    report.note(source, std::to_string(cleaned.nuls) + " NUL byte(s) dropped, the first at byte " +
                            std::to_string(*cleaned.first_nul));
  strip_markup(doc.text);
  if (trim(doc.text).empty()) return skipped("only white space");
  set_title_and_date(doc);
  return doc;
}

Document document_from_txt(const std::string& source, std::string_view bytes, const Warn& warn) {
  std::optional<Document> doc = txt_document(source, bytes, warn);
  if (doc) return std::move(*doc);
  Document empty;
  empty.source = source;
  return empty;
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

InputSummary read_inputs(const std::vector<fs::path>& paths, const DocumentSink& sink, const Warn& warn) {
  InputSummary summary;
  Reporter report{warn, summary};
  Walker walker(sink, report);
  for (const fs::path& root : paths) walker.read_path(root);
  return summary;
}

}  // namespace rawabit::text

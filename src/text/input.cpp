#include "text/input.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
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
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
  // Passes a document on, or skips it when it is too large.
  void deliver(const DocumentSink& sink, Document&& doc) const {
    if (!document_fits(doc, max_document_bytes, warn)) {
      ++summary.skipped;
      return;
    }
    ++summary.documents;
    sink(std::move(doc));
  }
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

// The fields of a record that rawabit reads; the others are skipped unparsed, so that a value
// rawabit never uses (a lone surrogate escape, 1e999999) cannot cost the record.
struct RecordFields {
  std::string text, title, id, date, source;
  std::string refused;  // why the record is refused, when it is
};

// Where a record's field goes, or nullptr for a field rawabit does not read.
std::string* field_slot(RecordFields& fields, std::string_view key) {
  return key == "text" ? &fields.text : key == "title" ? &fields.title : key == "id" ? &fields.id
       : key == "date" ? &fields.date : key == "source" ? &fields.source : nullptr;
}

// A value that is not a string: refused in `text` and `title`, else taken as its JSON text.
void non_string_field(std::string_view key, const char* type, std::string_view json, std::string& out,
                      std::string& refused) {
  if (key == "text" || key == "title") refused = "\"" + std::string(key) + "\" is " + type + ", not a string";
  else out.assign(json);
}

const char* dom_type_name(simdjson::dom::element_type type) {
  switch (type) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::BOOL: return "a boolean";
    default: return "a number";
  }
}

// The fast path: simdjson's DOM parser (runtime-dispatched SIMD), which validates every value.
// The parser keeps its buffers between lines (one per reading thread).
simdjson::error_code parse_record_dom(const simdjson::padded_string& line, RecordFields& fields) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(line).get(root)) return error;
  simdjson::dom::object rec;
  if (auto error = root.get_object().get(rec)) return error;
  for (auto [key, value] : rec) {  // when a key repeats, the last one counts
    std::string* out = field_slot(fields, key);
    if (!out) continue;
    std::string_view text;
    if (value.is_null()) out->clear();
    else if (value.get_string().get(text) == simdjson::SUCCESS) out->assign(text);
    else non_string_field(key, dom_type_name(value.type()), simdjson::minify(value), *out, fields.refused);
  }
  return simdjson::SUCCESS;
}

const char* ondemand_type_name(simdjson::ondemand::json_type type) {
  switch (type) {
    case simdjson::ondemand::json_type::array: return "an array";
    case simdjson::ondemand::json_type::object: return "an object";
    case simdjson::ondemand::json_type::boolean: return "a boolean";
    default: return "a number";
  }
}

// The lenient path, for a line the DOM parser refused over a value: simdjson's On-Demand parser
// parses only the fields read, so a value elsewhere that no parser accepts (a lone surrogate
// escape, 1e999999) does not cost the record.
simdjson::error_code parse_record_lenient(const simdjson::padded_string& line, RecordFields& fields) {
  simdjson::ondemand::parser parser;  // rare: not kept between lines
  simdjson::ondemand::document doc;
  if (auto error = parser.iterate(line).get(doc)) return error;
  simdjson::ondemand::object rec;
  if (auto error = doc.get_object().get(rec)) return error;
  for (auto item : rec) {
    if (item.error()) return item.error();
    simdjson::ondemand::field field = item.value_unsafe();
    std::string_view key;
    if (field.unescaped_key().get(key)) return simdjson::STRING_ERROR;
    std::string* out = field_slot(fields, key);
    if (!out) continue;  // skipped, unparsed, by the next iteration
    simdjson::ondemand::value value = field.value();
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return error;
    std::string_view text;
    if (type == simdjson::ondemand::json_type::null) {
      out->clear();
    } else if (type == simdjson::ondemand::json_type::string) {
      if (auto error = value.get_string().get(text)) return error;
      out->assign(text);
    } else if (type == simdjson::ondemand::json_type::number || type == simdjson::ondemand::json_type::boolean) {
      non_string_field(key, ondemand_type_name(type), trim(value.raw_json_token()), *out, fields.refused);
    } else {
      non_string_field(key, ondemand_type_name(type), "", *out, fields.refused);
    }
  }
  return simdjson::SUCCESS;
}

// Parses a record's fields; an error code when the line is not a JSON object (INCORRECT_TYPE)
// or not JSON.
simdjson::error_code parse_record(std::string_view line, RecordFields& fields) {
  simdjson::padded_string padded(line);
  simdjson::error_code error = parse_record_dom(padded, fields);
  if (error == simdjson::STRING_ERROR || error == simdjson::NUMBER_ERROR ||
      error == simdjson::NUMBER_OUT_OF_RANGE) {
    fields = RecordFields{};
    if (parse_record_lenient(padded, fields) == simdjson::SUCCESS) return simdjson::SUCCESS;
  }
  return error;
}

// A record from one well-formed UTF-8 line.
std::optional<Document> record_from_json(const std::string& path, size_t line_no, std::string_view line,
                                         const Warn& warn) {
  if (nested_deeper_than(line, kMaxJsonDepth)) {
    warn(at_line(shown(path), line_no, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels, line skipped",
                 line));
    return std::nullopt;
  }
  RecordFields fields;
  if (simdjson::error_code error = parse_record(line, fields)) {
    warn(at_line(shown(path), line_no,
                 error == simdjson::INCORRECT_TYPE
                     ? std::string("not a JSON object, line skipped")
                     : std::string("invalid JSON (") + simdjson::error_message(error) + "), line skipped",
                 line));
    return std::nullopt;
  }
  if (!fields.refused.empty()) {
    warn(at_line(shown(path), line_no, fields.refused + ", line skipped", line));
    return std::nullopt;
  }
  std::string body = std::move(fields.text);
  clean_controls(body);
  strip_markup(body);
  if (trim(body).empty()) {
    warn(at_line(shown(path), line_no, "record has no \"text\", line skipped", line));
    return std::nullopt;
  }
  if (only_white_space(body)) {
    warn(at_line(shown(path), line_no, "\"text\" is only white space, line skipped", line));
    return std::nullopt;
  }
  std::string title = std::move(fields.title);
  strip_markup(title);
  Document doc;
  doc.source = path + "#" + (fields.id.empty() ? std::to_string(line_no) : fields.id);
  doc.title = title_label(title);
  doc.date = iso_date_prefix(fields.date);
  doc.publisher = std::move(fields.source);
  doc.text = doc.title.empty() ? std::move(body) : doc.title + "\n\n" + body;
  return doc;
}

// Bad lines reported one by one in a JSON Lines file; the rest are counted in one more warning.
constexpr size_t kMaxLineWarnings = 20;

// Whether a line is meant as JSON: its first visible character opens an object or an array.
bool looks_like_json(std::string_view line) {
  line = trim(line);
  return !line.empty() && (line.front() == '{' || line.front() == '[');
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
  size_t records = 0, bad_lines = 0;
  const Warn quiet = [](const std::string&) {};
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
    // A file whose first line is not even meant as JSON (a plain-text article named .jsonl)
    // is refused once, as a file, rather than once per line.
    if (records == 0 && bad_lines == 0 && !looks_like_json(utf8)) {
      report.skip(name, "not JSON Lines: line " + std::to_string(line.number) + " is not JSON: " +
                            quoted(utf8, 60));
      return;
    }
    const Warn& warn = bad_lines < kMaxLineWarnings ? report.warn : quiet;
    if (auto doc = record_from_json(name, line.number, utf8, warn)) {
      ++records;
      report.deliver(sink, std::move(*doc));
    } else {
      ++bad_lines;
      ++report.summary.skipped;
    }
  }
  if (bad_lines > kMaxLineWarnings)
    report.note(name, std::to_string(bad_lines - kMaxLineWarnings) + " more line(s) skipped, not shown (" +
                          std::to_string(bad_lines) + " in all)");
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
  report.deliver(sink, std::move(*doc));
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
  if (trim(doc.text).empty() || only_white_space(doc.text)) return skipped("only white space");
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

bool document_fits(const Document& doc, size_t max_bytes, const Warn& warn) {
  if (doc.text.size() <= max_bytes) return true;
  char mb[32];
  std::snprintf(mb, sizeof mb, "%.1f", static_cast<double>(doc.text.size()) / (1 << 20));
  warn(shown(doc.source) + ": skipped: " + mb + " MB of text, over --max-document-mb " +
       std::to_string(max_bytes >> 20) + " (raise it to read this document)");
  return false;
}

InputSummary read_inputs(const std::vector<fs::path>& paths, const DocumentSink& sink, const Warn& warn,
                         size_t max_document_bytes) {
  InputSummary summary;
  Reporter report{warn, summary, max_document_bytes};
  Walker walker(sink, report);
  for (const fs::path& root : paths) walker.read_path(root);
  return summary;
}

}  // namespace rawabit::text

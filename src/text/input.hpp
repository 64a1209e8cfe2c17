// Ingest: turns input paths into Documents.
//
// A directory is walked recursively in sorted path order. `.txt` files are one article each: the
// first non-empty line that is not a date is the title, a leading date line («2022/12/19») is
// the article's date. `.jsonl` files hold one record per line {"id","title","date","source",
// "text"}; the document is `path#id` (or `path#line` without an id) and its text is the title
// line, a blank line, then the text field, so that headlines are read too.
//
// Policies. Bad input never throws: every input that is skipped yields exactly one warning
// "path: skipped: reason" (a bad JSON Lines record: "path:line: reason: «text»") and counts in
// InputSummary::skipped; the build goes on with the next input.
// - Compression: `.gz`, `.xz`, `.zst` are decompressed as a stream; the name without that suffix
//   decides the type (`a.txt.gz`, `x.jsonl.xz`). Corrupt or truncated data skips the file; the
//   JSON Lines records read before the damage are kept.
// - Size: a .txt article (decompressed) and a JSON line are at most 64 MiB (offsets are 32-bit
//   and analysis needs several times the text's size); a longer one is skipped, a long line
//   without being held whole. JSON Lines are read line by line, never the whole file.
// - Empty or white-space-only files are skipped (white space: Unicode white space, format
//   characters such as U+200B, controls). A document over max_document_bytes is skipped.
// - JSON Lines: only the fields read (id, title, date, source, text) are parsed, so that a bad
//   value elsewhere cannot cost the record; "text" and "title" must be strings. A file whose
//   first line does not start with '{' or '[' is not JSON Lines and is skipped as a file; at most 20
//   bad lines of a file are reported one by one.
// - Encodings (text/decode.hpp): a UTF-8 BOM is dropped; UTF-16 with a BOM is converted (.txt;
//   UTF-16 JSON Lines are refused); UTF-32 is refused; windows-1256 Arabic is detected and
//   converted with a warning; other invalid UTF-8 becomes U+FFFD with one warning per file
//   giving the first byte offset.
// - Binary files (a signature such as PNG or gzip, or over 10% NUL/control bytes in the first
//   4 KiB) are skipped, the warning naming what they look like.
// - Control characters: in the text NUL is dropped (with a warning for .txt files), other C0
//   controls but \t \n \r, DEL and C1 become a space. Titles also lose bidi controls, fold
//   white space and are cut at 1 KiB: they are labels in exports.
// - Line ends: \n, \r\n and a lone \r all end a line; the text keeps them as they are.
// - HTML (text/html.hpp): text that looks like HTML is replaced by its text content, block
//   elements ending lines; other text only has its character references decoded. The stored text
//   is the cleaned text, and spans point into it.
// - JSON nested deeper than 512 levels is refused before parsing.
// - File system: symbolic links are followed; a directory reached twice (a link loop) is read
//   once; a dangling link or a link loop is skipped. FIFOs, sockets and devices are skipped
//   without being opened. Unreadable files and unlistable directories are skipped with the
//   system's reason. Names starting with '.' inside a directory are ignored. The document name
//   is the path with invalid UTF-8 bytes shown as U+FFFD; the real path is what is opened.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "text/document.hpp"

namespace rawabit::text {

using Warn = std::function<void(const std::string&)>;
using DocumentSink = std::function<void(Document&&)>;

struct InputSummary {
  size_t files = 0, documents = 0, skipped = 0;
};

// The largest .txt article and the longest JSON line read.
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// The default of --max-document-mb: hundreds of times a long news article. Extraction is
// linear in a document's size but needs about 30 bytes of memory per byte of text, and one
// document is one task: a larger one is skipped before analysis, so that it cannot hold up the
// inputs after it.
inline constexpr size_t kDefaultMaxDocumentBytes = size_t{16} << 20;

// `max_document_bytes`: larger documents are skipped with one warning (document_fits()).
InputSummary read_inputs(const std::vector<std::filesystem::path>& paths, const DocumentSink& sink, const Warn& warn,
                         size_t max_document_bytes = kDefaultMaxDocumentBytes);

// Whether a document's text is at most `max_bytes`; if not, warns "source: skipped: N MB of
// text, over --max-document-mb M".
bool document_fits(const Document& doc, size_t max_bytes, const Warn& warn);

// One JSON Lines record as a document named path#id (path#line without an id); nothing, with a
// warning quoting path:line, when the line is not valid JSON (with the parser's reason), not an
// object, or has no text. Invalid UTF-8 is repaired with a warning for this line.
std::optional<Document> jsonl_record(const std::string& path, size_t line_no, std::string_view line, const Warn& warn);

// One .txt article's bytes as a document, by the policies above; nothing, with the warning
// "source: skipped: reason", when the bytes are not a usable article (binary, UTF-32, empty).
std::optional<Document> txt_document(const std::string& source, std::string_view bytes, const Warn& warn);

// txt_document() for bytes known to hold an article; an unusable one gives an empty document.
Document document_from_txt(const std::string& source, std::string_view bytes, const Warn& warn);

// An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a date line or a JSON date field, or "".
std::string iso_date_prefix(std::string_view s);

// The document name of a path: its bytes with invalid UTF-8 shown as U+FFFD.
std::string document_name(const std::filesystem::path& path);

}  // namespace rawabit::text

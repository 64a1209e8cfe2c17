// Ingest: turns input paths into Documents.
//
// A directory is walked recursively in sorted path order. `.txt` files are one article each: the
// first non-empty line that is not a date is the title, a leading date line («2022/12/19») is
// the article's date. `.jsonl` files hold one record per line {"id","title","date","source",
// "text"}; the document is `path#id` (or `path#line` without an id) and its text is the title
// line, a blank line, then the text field, so that headlines are read too. Bytes that are not
// UTF-8 become U+FFFD with one warning per input naming the first byte offset. Inputs that
// cannot be used are reported through `warn` and skipped; nothing here throws for bad input.
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

InputSummary read_inputs(const std::vector<std::filesystem::path>& paths, const DocumentSink& sink, const Warn& warn);

// One JSON Lines record as a document named path#id (path#line without an id); nothing, with a
// warning quoting path:line, when the line is not a JSON object or has no text.
std::optional<Document> jsonl_record(const std::string& path, size_t line_no, std::string_view line, const Warn& warn);

// Reads one .txt article's bytes into a document (exposed for tests).
Document document_from_txt(const std::string& source, std::string_view bytes, const Warn& warn);

// An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a date line or a JSON date field, or "".
std::string iso_date_prefix(std::string_view s);

}  // namespace rawabit::text

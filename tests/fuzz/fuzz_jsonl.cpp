// libFuzzer target for the JSON Lines reader.
//
// The input is read three ways: each line through jsonl_record; the whole input as a .jsonl file
// through read_inputs; and the same bytes gzip-compressed as a .jsonl.gz file. Every document
// returned must have a valid UTF-8 text and title and a non-empty source. Crashes, sanitizer
// reports and hangs (libFuzzer's -timeout) are findings too.
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "text/input.hpp"

namespace {

namespace fs = std::filesystem;
using namespace rawabit::text;
using rawabit::fuzz::check;
using rawabit::fuzz::valid_utf8;

void check_document(const Document& doc) {
  check(!doc.source.empty());
  check(valid_utf8(doc.text) && valid_utf8(doc.title));
}

// A directory of this process's own for the input files, removed at exit.
const fs::path& work_dir() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "fuzz_jsonl.XXXXXX").string();
    check(mkdtemp(pattern.data()) != nullptr);
    std::atexit([] { fs::remove_all(work_dir()); });
    return fs::path(pattern);
  }();
  return dir;
}

void read_file_back(const fs::path& path) {
  read_inputs({path}, check_document, [](const std::string&) {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto ignore = [](const std::string&) {};

  size_t line_no = 0;
  for (size_t begin = 0; begin <= bytes.size();) {
    size_t end = std::min(bytes.find('\n', begin), bytes.size());
    if (auto doc = jsonl_record("fuzz.jsonl", ++line_no, bytes.substr(begin, end - begin), ignore)) check_document(*doc);
    begin = end + 1;
  }

  fs::path plain = work_dir() / "input.jsonl";
  std::ofstream(plain, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  read_file_back(plain);

  fs::path gzipped = work_dir() / "input.jsonl.gz";
  gzFile gz = gzopen(gzipped.c_str(), "wb1");
  check(gz != nullptr && gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(size));
  check(gzclose(gz) == Z_OK);
  read_file_back(gzipped);
  return 0;
}

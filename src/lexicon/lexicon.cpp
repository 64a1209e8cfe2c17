#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lexicon/tsv.hpp"

namespace fs = std::filesystem;

namespace rawabit::lexicon {

namespace {

// FNV-1a over the names and bytes of the data files: changes whenever the lexicon does.
std::string digest_of(const std::vector<fs::path>& files) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  };
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    mix(f.filename().string());
    mix(ss.str());
  }
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<fs::path> tsv_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv" || e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void load_modality(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    if (line.fields[1] == "negation") lex.negation_cues.add(line.fields[0], 0);
    else if (line.fields[1] == "hypothetical") lex.hypothetical_cues.add(line.fields[0], 0);
    else if (line.fields[1] == "hypothetical-before-present") lex.before_present_cues.add(line.fields[0], 0);
    else if (line.fields[1] == "hypothetical-after") lex.after_trigger_cues.add(line.fields[0]);
    else line.fail("modality is negation, hypothetical, hypothetical-before-present or hypothetical-after");
  });
}

}  // namespace

Lexicon Lexicon::load(const fs::path& schema) {
  Lexicon lex;
  lex.gazetteer = Gazetteer::load_dir(schema / "gazetteer");
  const fs::path dir = schema / "lexicon";
  lex.nisba.load(dir / "nisba.tsv", lex.gazetteer);
  lex.roles.load(dir / "roles.tsv");
  lex.offices.load(dir / "offices.tsv", lex.gazetteer);
  lex.common_words.load(dir / "common_words.txt");
  lex.function_words.load(dir / "function_words.txt");
  lex.force_nouns.load(dir / "force_nouns.txt");
  lex.modifiers.load(dir / "modifiers.txt");
  lex.relation_words.load(dir / "relation_words.tsv");
  load_modality(dir / "modality.tsv", lex);
  lex.patterns.load(schema / "patterns" / "relations.tsv");
  std::vector<fs::path> files = tsv_files(schema / "gazetteer");
  for (const fs::path& f : tsv_files(dir)) files.push_back(f);
  files.push_back(schema / "patterns" / "relations.tsv");
  lex.version = digest_of(files);
  return lex;
}

}  // namespace rawabit::lexicon

#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lexicon/tsv.hpp"
#include "text/normalize.hpp"

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
    else if (line.fields[1] == "conditional") lex.conditional_cues.add(line.fields[0], 0);
    else if (line.fields[1] == "continuing") lex.continuing_verbs.add(line.fields[0]);
    else if (line.fields[1] == "past-auxiliary") lex.past_auxiliaries.add(line.fields[0]);
    else if (line.fields[1] == "past-after-qad") lex.pasts_after_qad.add(line.fields[0]);
    else line.fail("modality is negation, hypothetical, hypothetical-before-present, hypothetical-after, conditional, "
                   "continuing, past-auxiliary or past-after-qad");
  });
}

void load_day_parts(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    if (line.fields[0] == "part") lex.day_parts.add(line.fields[1]);
    else if (line.fields[0] == "day") lex.days.add(line.fields[1]);
    else line.fail("a day word's class is part or day");
  });
}

void load_idioms_with_names(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    lex.idioms_with_names.emplace(text::normalize_form(line.fields[0]), {}).first.push_back(
        text::normalize_form(line.fields[1]));
  });
}

void load_glued_words(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(3, 3);
    std::string word = text::normalize_form(line.fields[0]), proclitic = text::normalize_form(line.fields[1]);
    if (proclitic.empty() || proclitic.size() >= Lexicon::kCommonStem || !word.starts_with(proclitic) ||
        word.size() == proclitic.size()) {
      line.fail("the proclitic must begin the word and leave a stem");
    }
    if (line.fields[2] != "name" && line.fields[2] != "word") line.fail("the kind is name or word");
    uint8_t kind = line.fields[2] == "word" ? Lexicon::kCommonStem : 0;
    lex.glued_words.emplace(word, static_cast<uint8_t>(proclitic.size() | kind));
  });
}

void load_name_pairs(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(3, 3);
    const std::string_view kind = line.fields[0];
    if (kind == "head" || ((kind == "proclitic" || kind == "own") && line.fields[2] == "-")) {
      (kind == "head" ? lex.construct_heads : kind == "own" ? lex.own_words : lex.proclitic_words).add(line.fields[1]);
      return;
    }
    std::string pair = text::normalize_form(line.fields[1]) + ' ' + text::normalize_form(line.fields[2]);
    if (kind == "own") lex.own_first_letter.add(pair);
    else if (kind == "goes_on") lex.name_goes_on.add(pair);
    else if (kind == "proclitic") lex.proclitic_before_name.add(pair);
    else if (kind == "complete") lex.complete_names.add(pair);
    else line.fail("the kind is own, goes_on, proclitic, complete or head");
  });
}

void load_named_after(const fs::path& file, Lexicon& lex) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    auto type = parse_type(line.fields[1]);
    if (!type) line.fail("the type is PERSON, ORGANIZATION, COUNTRY, LOCATION, TREATY or WEAPON");
    lex.named_after.add(line.fields[0], static_cast<uint32_t>(*type));
  });
}

}  // namespace

Lexicon Lexicon::load(const fs::path& schema) {
  Lexicon lex;
  lex.gazetteer = Gazetteer::load_dir(schema / "gazetteer");
  const fs::path dir = schema / "lexicon";
  lex.nisba.load(dir / "nisba.tsv", lex.gazetteer);
  lex.roles.load(dir / "roles.tsv", lex.gazetteer);
  lex.offices.load(dir / "offices.tsv", lex.gazetteer);
  lex.common_words.load(dir / "common_words.txt");
  lex.ordinary_words.load(dir / "ordinary_words.txt");
  lex.name_words.load(dir / "name_words.txt");
  lex.article_words.load(dir / "article_words.txt");
  lex.function_words.load(dir / "function_words.txt");
  lex.force_nouns.load(dir / "force_nouns.txt");
  lex.place_heads.load(dir / "place_heads.txt");
  lex.organization_heads.load(dir / "organization_heads.txt");
  lex.club_heads.load(dir / "club_heads.txt");
  lex.state_institution_heads.load(dir / "state_institution_heads.txt");
  lex.tanween_words.load(dir / "tanween_words.txt");
  lex.native_name_words.load(dir / "native_name_words.txt");
  load_idioms_with_names(dir / "idioms_with_names.tsv", lex);
  lex.modifiers.load(dir / "modifiers.txt");
  lex.relation_words.load(dir / "relation_words.tsv");
  load_modality(dir / "modality.tsv", lex);
  load_glued_words(dir / "glued_words.tsv", lex);
  load_day_parts(dir / "day_parts.tsv", lex);
  read_tsv(dir / "blessings.txt", [&](const TsvLine& line) {
    line.expect_fields(1, 1);
    lex.blessings.add(line.fields[0], 0);
  });
  load_named_after(dir / "named_after.tsv", lex);
  load_name_pairs(dir / "name_pairs.tsv", lex);
  lex.patterns.load(schema / "patterns" / "relations.tsv");
  std::vector<fs::path> files = tsv_files(schema / "gazetteer");
  for (const fs::path& f : tsv_files(dir)) files.push_back(f);
  files.push_back(schema / "patterns" / "relations.tsv");
  lex.version = digest_of(files);
  return lex;
}

bool Lexicon::idiom_with_name(std::string_view form, std::string_view next) const {
  const std::vector<std::string>* starts = idioms_with_names.find(form);
  if (!starts) return false;
  for (const std::string& start : *starts)
    if (next.starts_with(start)) return true;
  return false;
}

}  // namespace rawabit::lexicon

// Scoring a database against a gold annotation file (the format of ../shared/gold/*.json and
// ../shared/ontology.md), exactly as ../shared/eval/score.py scores it, so that users who extend
// the lexicon can measure what they gained or broke with `rawabit eval`.
//
// Entities: a gold entity is found when an entity mentioned in the document has a surface form
// or alias equal to one of the gold surfaces after normalization (diacritics and tatweel removed,
// alef/ya/ta marbuta unified, quotes dropped, leading clitics و ف ب ل ك stripped when two letters
// remain); typed scores also need the same type. Relations: distinct (subject, predicate, object)
// per document against the gold alternatives, either order for symmetric predicates. Only the
// public views are read.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace rawabit::store {

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return (tp + fp) ? double(tp) / (tp + fp) : 0; }
  double recall() const { return (tp + fn) ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct Evaluation {
  Score entities, entities_typed, relations;
  size_t explicit_found = 0, explicit_missed = 0;  // gold relations not marked hard
  std::vector<std::string> misses;                  // "doc<TAB>KIND<TAB>what", as score.py --show-misses
  double explicit_recall() const {
    return (explicit_found + explicit_missed) ? double(explicit_found) / (explicit_found + explicit_missed) : 0;
  }
};

// Throws rawabit::Error naming the file for an unreadable or malformed gold file.
Evaluation evaluate(const std::filesystem::path& gold_json, SQLite::Database& db);

// The normalization score.py applies to surfaces (exposed for tests).
std::string gold_normal_form(std::string_view s);
// A system surface's forms as score.py matches them: normalized, and without a leading clitic.
std::set<std::string> gold_variants(std::string_view surface);

}  // namespace rawabit::store

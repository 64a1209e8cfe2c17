// The facts the whole extractor finds in a text, as "Subject predicate Object" strings (both
// orders for a symmetric predicate), split by modality; for table-driven tests of the rules.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/paths.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"

namespace rawabit::extract::test_support {

struct FactStrings {
  std::set<std::string> plain, hypothetical;
  std::map<std::string, std::map<std::string, std::string>> attrs;  // fact → its attributes
};

inline const Extractor& shipped_extractor() {
  static const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  static const Extractor extractor(lex, schema_dir());
  return extractor;
}

// `date`: the article's date (ISO), which dates and plans are read against.
inline FactStrings facts_of(const std::string& text, const std::string& date = "") {
  text::Document doc;
  doc.text = text;
  doc.date = date;
  text::analyze_text(doc);
  Annotations ann = shipped_extractor().run(doc);
  FactStrings out;
  for (const Fact& f : ann.facts) {
    bool hypothetical = false;
    for (const auto& [k, v] : f.attrs) hypothetical |= k == "modality" && v != "asserted";
    std::string s = ann.entities[f.subject].name, o = ann.entities[f.object].name;
    auto& set = hypothetical ? out.hypothetical : out.plain;
    for (const std::string& fact : {s + " " + f.predicate + " " + o, o + " " + f.predicate + " " + s}) {
      set.insert(fact);
      out.attrs[fact].insert(f.attrs.begin(), f.attrs.end());
      if (!lexicon::is_symmetric(f.predicate)) break;
    }
  }
  return out;
}

// A construction, a sentence written for it, the facts the sentence must give and those it must
// not: the rows of the table-driven tests of the rules.
struct ConstructionCase {
  const char* construction;
  const char* sentence;
  std::vector<const char*> expected;
  std::vector<const char*> forbidden;
};

inline void check_constructions(const std::vector<ConstructionCase>& cases) {
  for (const ConstructionCase& c : cases) {
    auto f = facts_of(c.sentence);
    for (const char* fact : c.expected) EXPECT_TRUE(f.plain.count(fact)) << c.construction << ": " << fact;
    for (const char* fact : c.forbidden) EXPECT_FALSE(f.plain.count(fact)) << c.construction << ": " << fact;
  }
}

}  // namespace rawabit::extract::test_support

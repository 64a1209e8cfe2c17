// rawabit train-relations: trains the learned pair scorer (extract/pair_scorer.hpp) on gold
// annotation files and their articles. The pipeline (entities and rule relations, no scorer)
// runs on each annotated article; every candidate pair is labelled by the gold relations of its
// document, matched as ../shared/eval/score.py matches them (store/evaluation.hpp).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "extract/pair_scorer_train.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "store/evaluation.hpp"
#include "text/input.hpp"

namespace rawabit::cli {

namespace {

using Forms = std::set<std::string>;

struct TrainRelationsOptions {
  std::vector<std::string> gold, docs;
  std::string output;
  bool curve = false;
  std::string silver;             // unannotated articles labelled by the rules
  size_t silver_articles = 0, silver_step = 1;
  extract::PairTrainOptions training;
};

struct GoldRelation {
  std::string predicate;
  std::vector<std::string> subjects, objects;  // alternatives, by gold entity name
};

struct GoldDocument {
  std::map<std::string, Forms> forms;  // gold entity name → normalized surfaces
  std::vector<GoldRelation> relations;
};

std::vector<std::string> names_of(const nlohmann::json& j) {
  if (j.is_array()) return j.get<std::vector<std::string>>();
  return {j.get<std::string>()};
}

// Gold documents by file name, from every gold file.
std::map<std::string, GoldDocument> read_gold(const std::vector<std::string>& files) {
  std::map<std::string, GoldDocument> out;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) throw Error(file + ": cannot read the gold file");
    nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
    if (gold.is_discarded() || !gold.contains("documents")) throw Error(file + ": not a gold file (JSON with a \"documents\" list)");
    try {
      for (const auto& d : gold["documents"]) {
        GoldDocument& g = out[d["doc"].get<std::string>()];
        for (const char* list : {"entities", "optional_entities"}) {
          if (!d.contains(list)) continue;
          for (const auto& e : d[list])
            for (const auto& s : e["surface"]) g.forms[e["name"].get<std::string>()].insert(store::gold_normal_form(s.get<std::string>()));
        }
        for (const auto& r : d["relations"]) g.relations.push_back({r["p"].get<std::string>(), names_of(r["s"]), names_of(r["o"])});
      }
    } catch (const nlohmann::json::exception& e) {
      throw Error(file + ": malformed gold file: " + e.what());
    }
  }
  return out;
}

const GoldDocument* gold_of(const std::map<std::string, GoldDocument>& gold, const std::string& source) {
  for (const auto& [name, doc] : gold)
    if (source.size() >= name.size() && source.compare(source.size() - name.size(), name.size(), name) == 0) return &doc;
  return nullptr;
}

// The gold entity names each system entity of the document matches (score.py's matches()).
std::vector<std::set<std::string>> matched_names(const text::Document& doc, const extract::Annotations& ann,
                                                 const GoldDocument& gold) {
  std::vector<Forms> forms(ann.entities.size());
  for (size_t e = 0; e < ann.entities.size(); ++e) {
    for (const std::string& a : ann.entities[e].aliases) forms[e].merge(store::gold_variants(a));
    if (!ann.entities[e].name_ar.empty()) forms[e].merge(store::gold_variants(ann.entities[e].name_ar));
  }
  for (const extract::Mention& m : ann.mentions) forms[m.entity].merge(store::gold_variants(doc.text.substr(m.begin, m.end - m.begin)));
  std::vector<std::set<std::string>> out(ann.entities.size());
  for (size_t e = 0; e < ann.entities.size(); ++e)
    for (const auto& [name, gforms] : gold.forms)
      for (const std::string& f : forms[e])
        if (gforms.count(f)) {
          out[e].insert(name);
          break;
        }
  return out;
}

bool any_of_names(const std::set<std::string>& matched, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (matched.count(n)) return true;
  return false;
}

uint64_t gold_classes(const std::vector<extract::PredicateClass>& classes, const GoldDocument& gold,
                      const std::set<std::string>& s, const std::set<std::string>& o) {
  uint64_t out = 0;
  for (const GoldRelation& r : gold.relations) {
    bool hit = (any_of_names(s, r.subjects) && any_of_names(o, r.objects)) ||
               (lexicon::is_symmetric(r.predicate) && any_of_names(o, r.subjects) && any_of_names(s, r.objects));
    if (!hit) continue;
    for (size_t k = 1; k < classes.size(); ++k)
      if (classes[k].name == r.predicate) out |= uint64_t{1} << k;
  }
  return out;
}

// Held-out pairs kept and right above a few margins, for choosing --precision.
void print_curve(std::vector<std::pair<float, bool>> held_out) {
  std::sort(held_out.begin(), held_out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t right = 0;
  for (size_t i = 0; i < held_out.size(); ++i) {
    right += held_out[i].second;
    if ((i + 1) % (i < 50 ? 5 : 25) == 0 || i + 1 == held_out.size())
      std::cerr << "  margin > " << held_out[i].first << ": " << (i + 1) << " pairs, " << right << " right ("
                << 100.0 * right / (i + 1) << " %)\n";
  }
}

bool asserted(const extract::Fact& f) {
  for (const auto& [k, v] : f.attrs)
    if (k == "modality" && v != "asserted") return false;
  return true;
}

// Silver examples: the candidate pairs of unannotated articles, the rule-related ones included,
// labelled by the rules' asserted facts of their sentence.
void add_silver(const TrainRelationsOptions& opt, const lexicon::Lexicon& lex, const extract::Extractor& extractor,
                const extract::WordClasses& word_classes, const std::vector<extract::PredicateClass>& classes,
                std::vector<extract::PairExample>& examples) {
  size_t seen = 0, taken = 0, positives = 0, pairs = 0;
  text::read_inputs(
      {opt.silver},
      [&](text::Document&& doc) {
        if (taken >= opt.silver_articles || seen++ % opt.silver_step != 0) return;
        ++taken;
        text::analyze_text(doc);
        extract::Annotations ann = extractor.run(doc);
        const extract::TokenFacts facts(doc, lex, word_classes);
        for (extract::PairCandidate& c : extract::pair_candidates(doc, facts, lex, ann, classes, true)) {
          uint64_t labels = 0;
          for (const extract::Fact& f : ann.facts) {
            if (f.sentence != c.sentence || !asserted(f)) continue;
            bool same = (f.subject == c.subject && f.object == c.object) ||
                        (lexicon::is_symmetric(f.predicate) && f.subject == c.object && f.object == c.subject);
            if (!same) continue;
            for (size_t k = 1; k < classes.size(); ++k)
              if (classes[k].name == f.predicate) labels |= uint64_t{1} << k;
          }
          labels &= c.allowed;
          positives += labels != 0;
          ++pairs;
          examples.push_back({std::move(c.features), c.allowed, labels, 0, true});
        }
      },
      [](const std::string& w) { std::cerr << "rawabit: warning: " << terminal_safe(w) << "\n"; });
  std::cerr << "train-relations: silver: " << taken << " articles, " << pairs << " pairs, " << positives
            << " related by the rules\n";
}

void train_relations(const TrainRelationsOptions& opt) {
  const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  const extract::Extractor extractor(lex, schema_dir(), extract::ScorerChoice{false, {}});
  const extract::WordClasses word_classes(lex);
  const std::map<std::string, GoldDocument> gold = read_gold(opt.gold);
  const std::vector<extract::PredicateClass> classes = extract::classes_from_lexicon(lex);

  std::vector<extract::PairExample> examples;
  uint32_t documents = 0;
  size_t positives = 0;
  std::vector<std::filesystem::path> paths(opt.docs.begin(), opt.docs.end());
  text::read_inputs(
      paths,
      [&](text::Document&& doc) {
        const GoldDocument* g = gold_of(gold, doc.source);
        if (!g) return;
        text::analyze_text(doc);
        extract::Annotations ann = extractor.run(doc);
        const extract::TokenFacts facts(doc, lex, word_classes);
        auto names = matched_names(doc, ann, *g);
        for (extract::PairCandidate& c : extract::pair_candidates(doc, facts, lex, ann, classes)) {
          uint64_t labels = gold_classes(classes, *g, names[c.subject], names[c.object]) & c.allowed;
          positives += labels != 0;
          examples.push_back({std::move(c.features), c.allowed, labels, documents, false});
        }
        ++documents;
      },
      [](const std::string& w) { std::cerr << "rawabit: warning: " << terminal_safe(w) << "\n"; });
  if (documents == 0) throw Error("no article of --docs is named in the gold files");
  if (!opt.silver.empty() && opt.silver_articles > 0) add_silver(opt, lex, extractor, word_classes, classes, examples);

  std::vector<std::pair<float, bool>> held_out;
  extract::PairScorer model = extract::train_pair_scorer(classes, examples, opt.training, &held_out);
  std::cerr << "train-relations: " << documents << " articles, " << examples.size() << " candidate pairs, " << positives
            << " related by the gold; threshold " << model.threshold() << "\n";
  if (opt.curve) print_curve(held_out);
  model.save(opt.output);
}

}  // namespace

void add_train_relations_command(CLI::App& app) {
  auto opt = std::make_shared<TrainRelationsOptions>();
  CLI::App* cmd = app.add_subcommand("train-relations", "Train the learned relation pair scorer on gold annotations");
  cmd->add_option("gold", opt->gold, "Gold annotation files (the format of ../shared/gold/*.json)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--docs", opt->docs, "The annotated articles: files or folders, as for build")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("-o,--output", opt->output, "Model file to write (schema/models/relations.bin ships)")->required();
  cmd->add_option("--epochs", opt->training.epochs, "Passes over the training pairs")->capture_default_str();
  cmd->add_option("--seed", opt->training.seed, "Seed of the pair order")->capture_default_str();
  cmd->add_option("--hash-bits", opt->training.hash_bits, "log2 of the number of weight rows")
      ->capture_default_str()
      ->check(CLI::Range(10, 24));
  cmd->add_option("--precision", opt->training.precision,
                  "Precision the threshold must reach on held-out articles of the training data")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--threshold-folds", opt->training.threshold_folds, "Folds of the threshold's cross-validation")
      ->capture_default_str()
      ->check(CLI::Range(2, 50));
  cmd->add_option("--silver", opt->silver, "Unannotated articles whose pairs the rules label (silver training data)")
      ->check(CLI::ExistingPath);
  cmd->add_option("--silver-articles", opt->silver_articles, "How many articles of --silver to take")->capture_default_str();
  cmd->add_option("--silver-step", opt->silver_step, "Take every Nth article of --silver")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--curve", opt->curve, "Print the held-out pairs' precision by margin");
  cmd->callback([opt] { train_relations(*opt); });
}

}  // namespace rawabit::cli

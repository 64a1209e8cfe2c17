// `rawabit ner` tags token-per-line CoNLL text with the statistical tagger; `rawabit train-ner`
// trains it (and cross-validates it) on a tagged CoNLL file such as ANERcorp.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "ner/conll.hpp"
#include "ner/tagger.hpp"
#include "ner/train.hpp"

namespace rawabit::cli {

namespace {

using namespace rawabit::ner;

struct NerOptions {
  std::string conll;
  std::string model;
  bool bench = false;
  bool margins = false;
};

struct TrainNerOptions {
  std::string train;
  std::string output;
  std::string gazetteer;
  bool no_gazetteer = false;
  std::vector<std::string> corpus;
  unsigned folds = 0;
  std::string cv_output;
  std::string clusters;
  std::string cues;
  TrainOptions training;
};

std::filesystem::path default_model() { return schema_dir() / "models" / "ner.bin"; }

// Prints each sentence as token<TAB>tag lines, a blank line after each. The input is read
// whole and tagged as one document (Tagger::tag_document): nearby sentences make their names
// consistent, as in cross-validation.
void tag_stream(const Tagger& tagger, ConllReader& reader, bool with_margins) {
  std::vector<ConllSentence> sentences;
  for (ConllSentence s; reader.next(s);) sentences.push_back(std::move(s));
  std::vector<std::vector<std::string_view>> words;
  for (const ConllSentence& s : sentences) words.push_back(forms_of(s));
  std::vector<std::vector<Tag>> tags;
  std::vector<std::vector<SpanMargin>> margins;
  tagger.tag_document(words, tags, with_margins ? &margins : nullptr);
  std::string out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    out.clear();
    for (size_t i = 0; i < tags[s].size(); ++i)
      out.append(sentences[s].tokens[i]).append("\t").append(tag_name(tags[s][i])).append("\n");
    if (with_margins) {
      for (const SpanMargin& m : margins[s]) {
        out.append("# ").append(ner_type_name(m.span.type)).append(" ").append(std::to_string(m.span.first));
        out.append(" ").append(std::to_string(m.span.end)).append(" ").append(std::to_string(m.outside));
        out.append(" ").append(std::to_string(m.labels)).append("\n");
      }
    }
    out += "\n";
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  std::cout.flush();
}

// Tags the whole input again and again for at least two seconds of CPU time and reports the
// speed of the tagger alone (reading and normalizing are not counted). CPU time, not wall time,
// is what "tokens per second on one core" means on a busy machine; both are printed.
void bench(const Tagger& tagger, ConllReader& reader) {
  std::vector<ConllSentence> sentences;
  for (ConllSentence s; reader.next(s);) sentences.push_back(s);
  std::vector<std::vector<std::string_view>> words;
  for (const ConllSentence& s : sentences) words.push_back(forms_of(s));
  auto cpu_seconds = [] { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; };
  size_t tokens = 0, entities = 0;
  const double cpu_start = cpu_seconds();
  const auto wall_start = std::chrono::steady_clock::now();
  double cpu = 0;
  do {
    for (const auto& w : words) {
      entities += tagger.tag(w).size();
      tokens += w.size();
    }
    cpu = cpu_seconds() - cpu_start;
  } while (cpu < 2.0 && tokens > 0);
  std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;
  std::cout << tokens << " tokens, " << entities << " entities: " << static_cast<size_t>(tokens / cpu)
            << " tokens/s of CPU time (" << cpu << " s), " << static_cast<size_t>(tokens / wall.count())
            << " tokens/s of wall time\n";
}

void run_ner(const NerOptions& o) {
  Tagger tagger = Tagger::load(o.model.empty() ? default_model() : std::filesystem::path(o.model));
  std::ifstream file;
  if (o.conll != "-") {
    file.open(o.conll, std::ios::binary);
    if (!file) throw Error(o.conll + ": cannot open CoNLL file");
  }
  std::istream& in = o.conll == "-" ? std::cin : file;
  ConllReader reader(in, o.conll == "-" ? "<stdin>" : o.conll, ConllColumns::Tokens);
  if (o.bench) {
    bench(tagger, reader);
  } else {
    tag_stream(tagger, reader, o.margins);
  }
}

// token, gold tag, predicted tag per line, a blank line after each sentence: conlleval's input.
void write_predictions(const std::string& path, std::span<const ConllSentence> sentences,
                       const std::vector<std::vector<Tag>>& predicted) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].forms.size(); ++i) {
      out << sentences[s].tokens[i] << ' ' << tag_name(sentences[s].tags[i]) << ' ' << tag_name(predicted[s][i])
          << '\n';
    }
    out << '\n';
  }
  if (!out.flush()) throw Error(path + ": cannot write the cross-validation tags");
}

void run_train_ner(const TrainNerOptions& o) {
  if (o.output.empty() && o.folds == 0) throw Error("train-ner: give -o MODEL, --cv K, or both");
  std::vector<ConllSentence> sentences = read_conll_file(o.train, ConllColumns::TokensAndTags);
  auto log = [](std::string_view line) { std::cerr << line << "\n"; };
  FeatureResources resources;
  if (!o.no_gazetteer) {
    resources.names = NameList::from_gazetteer_dir(o.gazetteer.empty() ? schema_dir() / "gazetteer"
                                                                       : std::filesystem::path(o.gazetteer));
  }
  resources.cues = CueWords::from_file(o.cues.empty() ? schema_dir() / "models" / "ner-cues.tsv"
                                                      : std::filesystem::path(o.cues));
  std::optional<Corpus> corpus;
  if (!o.corpus.empty()) {
    corpus = Corpus::read({o.corpus.begin(), o.corpus.end()}, log);
    resources.stats = WordStats::from_corpus(*corpus);
    if (!o.clusters.empty()) {
      std::cerr << o.clusters << ": word classes for " << resources.stats.add_clusters(o.clusters) << " words\n";
    }
  }
  std::cerr << o.train << ": " << sentences.size() << " sentences; " << resources.names.entries().size()
            << " gazetteer names; " << resources.cues.entries().size() << " cue words; corpus statistics of "
            << resources.stats.size() << " words\n";
  if (o.folds) {
    CrossValidation cv = cross_validate(sentences, resources, o.training, o.folds, log, corpus ? &*corpus : nullptr);
    std::cout << o.folds << "-fold cross-validation, exact spans:\n" << format_scores(cv.tagger);
    std::cout << "\neach sentence alone (no document consistency), same folds:\n" << format_scores(cv.sentences_alone);
    std::cout << "\ngazetteer alone (longest matches), same folds:\n" << format_scores(cv.names_alone);
    if (!o.cv_output.empty()) write_predictions(o.cv_output, sentences, cv.predicted);
  }
  if (!o.output.empty()) {
    train_tagger(sentences, std::move(resources), o.training, log, corpus ? &*corpus : nullptr).save(o.output);
    std::cerr << "wrote " << o.output << "\n";
  }
}

}  // namespace

void add_ner_commands(CLI::App& app) {
  auto ner = std::make_shared<NerOptions>();
  CLI::App* tag = app.add_subcommand("ner", "Tag token-per-line CoNLL text with PER, ORG, LOC, MISC in BIO");
  tag->add_option("--conll", ner->conll,
                  "CoNLL input: first column the token, blank line between sentences ('-' for stdin)")
      ->required();
  tag->add_option("--model", ner->model, "Model file (default: schema/models/ner.bin)");
  tag->add_flag("--bench", ner->bench, "Report the tagging speed on the input instead of the tags");
  tag->add_flag("--margins", ner->margins, "After each sentence, print the margins of its names (# TYPE first end outside labels)");
  tag->callback([ner] { run_ner(*ner); });

  auto train = std::make_shared<TrainNerOptions>();
  CLI::App* tr = app.add_subcommand("train-ner", "Train the NER tagger on a tagged CoNLL file (token, BIO tag)");
  tr->add_option("train", train->train, "Tagged CoNLL file, e.g. ANERcorp")->required()->check(CLI::ExistingFile);
  tr->add_option("-o,--output", train->output, "Model file to write");
  tr->add_option("--epochs", train->training.epochs, "Passes over the training data")->capture_default_str();
  tr->add_option("--seed", train->training.seed, "Seed of the sentence order")->capture_default_str();
  tr->add_option("--hash-bits", train->training.hash_bits, "log2 of the number of weight rows")
      ->capture_default_str()
      ->check(CLI::Range(8, 26));
  tr->add_option("--dropout", train->training.dropout, "Share of feature rows left out of each training visit")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.9));
  tr->add_option("--rounds", train->training.self_training_rounds,
                 "Self-training rounds on the --corpus before the final model")
      ->capture_default_str()
      ->check(CLI::Range(1, 10));
  CLI::Option* cv =
      tr->add_option("--cv", train->folds, "Run K-fold cross-validation and print its scores")->check(CLI::Range(2, 100));
  tr->add_option("--cv-output", train->cv_output,
                 "With --cv: write token, gold tag and predicted tag per line (conlleval's input) to this file")
      ->needs(cv);
  CLI::Option* gazetteer =
      tr->add_option("--gazetteer", train->gazetteer, "Gazetteer folder (default: schema/gazetteer)");
  tr->add_flag("--no-gazetteer", train->no_gazetteer, "Train without gazetteer features")->excludes(gazetteer);
  tr->add_option("--cues", train->cues,
                 "Cue words, class<TAB>word per line; stored in the model (default: schema/models/ner-cues.tsv)")
      ->check(CLI::ExistingFile);
  CLI::Option* corpus =
      tr->add_option("--corpus", train->corpus, "Unlabelled articles (as `rawabit build` reads them) for word statistics")
          ->check(CLI::ExistingPath);
  // The classes are given to the words that have corpus statistics: without them, none.
  tr->add_option("--clusters", train->clusters,
                 "With --corpus: word classes, word<TAB>coarse<TAB>fine per line (schema/models/word-clusters.tsv)")
      ->check(CLI::ExistingFile)
      ->needs(corpus);
  tr->callback([train] { run_train_ner(*train); });
}

}  // namespace rawabit::cli

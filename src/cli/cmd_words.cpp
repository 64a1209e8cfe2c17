// `rawabit tokens` prints the words of articles as the tagger sees them, one sentence per line,
// for word-vector tools; `rawabit cluster-words` turns word vectors into the tagger's word classes
// (ner/word_clusters.hpp). scripts/word-clusters chains them with fastText.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "ner/stats.hpp"
#include "ner/word_clusters.hpp"

namespace rawabit::cli {

namespace {

using namespace rawabit::ner;

struct TokensOptions {
  std::vector<std::string> inputs;
};

struct ClusterOptions {
  std::string vectors;
  std::vector<uint32_t> classes;
  unsigned iterations = 15;
  std::string output;
};

void run_tokens(const TokensOptions& o) {
  std::string line;
  auto log = [](const std::string& message) { std::cerr << message << "\n"; };
  size_t documents = Corpus::for_each_input_sentence(
      {o.inputs.begin(), o.inputs.end()}, log, [&line](std::span<const std::string_view> words) {
        line.clear();
        for (std::string_view w : words) {
          if (w.empty()) continue;  // a token of marks only
          line.append(line.empty() ? "" : " ").append(w);
        }
        if (!line.empty()) std::cout << line << '\n';
      });
  if (!std::cout.flush()) throw Error("tokens: cannot write standard output");
  log("tokens: " + std::to_string(documents) + " documents");
}

void run_cluster_words(const ClusterOptions& o) {
  WordVectors vectors = WordVectors::read(o.vectors);
  std::vector<std::vector<uint32_t>> classes;
  for (uint32_t k : o.classes) {
    std::cerr << "clustering " << vectors.words.size() << " words into " << k << " classes\n";
    classes.push_back(cluster_words(vectors, k, o.iterations));
  }
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out << "# Word classes of the NER tagger: word (matching form), then its class at each granularity (";
  for (size_t i = 0; i < o.classes.size(); ++i) out << (i ? ", " : "") << o.classes[i];
  out << " classes).\n# Made by scripts/word-clusters (fastText vectors, spherical k-means); read by "
         "`rawabit train-ner --clusters`.\n";
  for (size_t w = 0; w < vectors.words.size(); ++w) {
    if (vectors.words[w].starts_with('#')) continue;  // would read as a comment
    out << vectors.words[w];
    for (const auto& c : classes) out << '\t' << c[w];
    out << '\n';
  }
  if (!out.flush()) throw Error(o.output + ": cannot write the word classes");
}

}  // namespace

void add_word_commands(CLI::App& app) {
  auto tokens = std::make_shared<TokensOptions>();
  CLI::App* t = app.add_subcommand(
      "tokens", "Print the words of articles as the tagger reads them, one sentence per line (for fastText)");
  t->add_option("inputs", tokens->inputs, "Files or folders, as `rawabit build` reads them")
      ->required()
      ->check(CLI::ExistingPath);
  t->callback([tokens] { run_tokens(*tokens); });

  auto cluster = std::make_shared<ClusterOptions>();
  CLI::App* c = app.add_subcommand("cluster-words", "Group word vectors (fastText .vec) into word classes");
  c->add_option("vectors", cluster->vectors, "Word vectors in fastText's text format")
      ->required()
      ->check(CLI::ExistingFile);
  c->add_option("--classes", cluster->classes, "Number of classes at each granularity, e.g. 64,512")
      ->delimiter(',')
      ->expected(WordStats::kClusterLevels)
      ->required();
  c->add_option("--iterations", cluster->iterations, "k-means rounds")->capture_default_str();
  c->add_option("-o,--output", cluster->output, "TSV file to write")->required();
  c->callback([cluster] { run_cluster_words(*cluster); });
}

}  // namespace rawabit::cli

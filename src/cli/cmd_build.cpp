// rawabit build: articles in, knowledge graph out.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "store/sha256.hpp"
#include "store/store.hpp"
#include "text/input.hpp"

namespace rawabit::cli {

namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string db;
  size_t batch = 64;
  bool quiet = false;
};

struct BuildTally {
  size_t stored = 0, replaced = 0, unchanged = 0, bytes = 0, mentions = 0, facts = 0;
};

void build(const BuildOptions& opt) {
  auto started = std::chrono::steady_clock::now();
  const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  const extract::Extractor extractor(lex, schema_dir());
  store::Store store(opt.db);
  text::Warn warn = [&](const std::string& w) { std::cerr << "rawabit: warning: " << w << "\n"; };

  BuildTally tally;
  size_t in_batch = 0;
  store.begin_batch();
  std::vector<std::filesystem::path> paths(opt.inputs.begin(), opt.inputs.end());
  text::InputSummary inputs = text::read_inputs(paths, [&](text::Document&& doc) {
    std::string sha = store::sha256_hex(doc.text);
    tally.bytes += doc.text.size();
    if (store.unchanged(doc.source, sha)) {
      ++tally.unchanged;
      return;
    }
    text::analyze_text(doc);
    extract::Annotations ann = extractor.run(doc);
    store::Outcome outcome = store.add(doc, sha, ann);
    ++(outcome == store::Outcome::Replaced ? tally.replaced : tally.stored);
    tally.mentions += ann.mentions.size();
    tally.facts += ann.facts.size();
    if (++in_batch == opt.batch) {
      store.commit_batch();
      store.begin_batch();
      in_batch = 0;
    }
  }, warn);
  store.remove_orphans();
  store.set_meta("schema_version", "1");
  store.set_meta("lexicon_version", lex.version);
  store.set_meta("rawabit_version", RAWABIT_VERSION);
  store.commit_batch();

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!opt.quiet) {
    std::cerr << "rawabit: " << tally.stored << " stored, " << tally.replaced << " replaced, " << tally.unchanged
              << " unchanged, " << inputs.skipped << " skipped; " << tally.mentions << " mentions, " << tally.facts
              << " facts; " << tally.bytes / 1e6 << " MB in " << seconds << " s\n";
  }
  if (inputs.documents == 0) throw Error("no document could be read from the inputs");
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto opt = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Extract entities and relations from articles into a database");
  cmd->add_option("inputs", opt->inputs,
                  "Files or folders: .txt articles (first non-empty line = title, an optional leading date "
                  "line) and .jsonl records {id,title,date,source,text}; folders are read recursively")
      ->required();
  cmd->add_option("--db", opt->db, "The SQLite database to create or update")->required();
  cmd->add_option("--batch", opt->batch, "Documents per transaction")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only warnings and errors");
  cmd->callback([opt] { build(*opt); });
}

}  // namespace rawabit::cli

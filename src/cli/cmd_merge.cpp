// rawabit merge: databases built apart (shards of a large corpus) into one.
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "lexicon/lexicon.hpp"
#include "store/completed_names.hpp"
#include "store/glued_names.hpp"
#include "store/merge.hpp"
#include "store/store.hpp"

namespace rawabit::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string out;
};

void merge(const MergeOptions& opt) {
  namespace fs = std::filesystem;
  for (const std::string& s : opt.shards) {
    std::error_code ec;
    if (fs::exists(opt.out) && fs::equivalent(s, opt.out, ec)) throw Error(s + ": the output cannot also be an input");
  }
  store::Store target(opt.out);
  std::string lexicon;
  store::MergeTally total;
  for (const std::string& shard : opt.shards) {
    store::MergeTally t = store::merge_into(target, shard, [](const std::string& w) {
      std::cerr << "rawabit: warning: " << w << "\n";
    });
    total.documents += t.documents;
    total.duplicates += t.duplicates;
    total.conflicts += t.conflicts;
    // Read through the merge's attachment: opening the shard as a Store would write to it.
    const std::string& version = t.lexicon_version;
    if (!lexicon.empty() && version != lexicon) {
      std::cerr << "rawabit: warning: " << shard << " was built with another lexicon than the shards before it\n";
    }
    if (lexicon.empty()) lexicon = version;
  }
  target.begin_batch();
  // Names one shard wrote only with a proclitic, or cut short, may stand whole in another.
  const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  store::rejoin_glued_names(target.db(), lex);
  store::complete_cut_names(target.db(), lex);
  target.remove_orphans();
  if (!lexicon.empty()) target.set_meta("lexicon_version", lexicon);
  target.set_meta("schema_version", target.schema_version());
  target.commit_batch();
  std::cerr << "rawabit: merged " << opt.shards.size() << " databases into " << opt.out << ": " << total.documents
            << " documents added, " << total.duplicates << " duplicates, " << total.conflicts << " conflicts\n";
}

}  // namespace

void add_merge_command(CLI::App& app) {
  auto opt = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge databases built apart into one");
  cmd->add_option("shards", opt->shards, "The databases to merge, in order (the first wins a conflict)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opt->out, "The merged database (created, or added to)")->required();
  cmd->callback([opt] { on_database(opt->out, [&] { merge(*opt); }); });
}

}  // namespace rawabit::cli

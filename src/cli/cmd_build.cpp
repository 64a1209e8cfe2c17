// rawabit build: articles in, knowledge graph out.
//
// One reader thread turns inputs into documents and skips those already stored; --jobs worker
// threads run the text layer and the extractor; the calling thread is the one writer, storing
// results in input order, one transaction per batch. The number of documents in flight is
// bounded, so memory does not grow with the corpus.
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>
#include <unordered_set>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "common/error.hpp"
#include "common/ordered_pool.hpp"
#include "common/paths.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "store/completed_names.hpp"
#include "store/glued_names.hpp"
#include "store/sha256.hpp"
#include "store/store.hpp"
#include "text/compressed_stream.hpp"
#include "text/input.hpp"

namespace rawabit::cli {

namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string db;
  // One extraction thread per core: the workers yield to the writer (WorkerPriority), so the
  // core they share with it is not lost to either (ANT on 2 cores: --jobs 2 11.1 s, --jobs 1 12.4 s).
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  // Documents per transaction. Larger batches amortize the commit and the full-text index's
  // segment merges (64 → 512 cut the writer's CPU by a quarter, 512 → 4096 by another eighth
  // with FTS5's 16 MB hash, see Store); a batch also ends at
  // kBatchBytes of text, so that a crash loses little work whatever the article sizes.
  size_t batch = 4096;
  // Larger documents are skipped with a warning (text/input.hpp, docs/inputs.md).
  size_t max_document_mb = text::kDefaultMaxDocumentBytes >> 20;
  bool quiet = false, log_json = false, rebuild = false;
  bool no_scorer = false;          // relations from the rules alone
  std::string relations_model;     // the pair scorer's model instead of the shipped one
};

// A document on its way through the pipeline.
struct Job {
  text::Document doc;
  std::string sha256;
  extract::Annotations ann;
  bool reextract = false;
  uint64_t input_position = 0;  // bytes of the input files read when it was (0: from the database)
};

constexpr uint64_t kBatchBytes = 16 << 20;
// Documents read but not yet stored (besides 16 per worker), and their text: enough for the
// workers to keep going while the writer commits a batch of 4096 (half a second or more, mostly
// the full-text index, now written at the commit). With 256, both workers of a --jobs 2 build of
// ANT stood idle for 2.8 s of its 9.4 (at each commit); 2048 and 8 MB gave 12.6 MB/s, 4096 and
// 16 MB 13.6-14.0 (8192 and 32 MB no more). The text bound keeps memory in check when articles
// are long: each MB of text in flight costs about 10 MB of analysis.
constexpr size_t kInFlight = 4096;
constexpr size_t kInFlightBytes = 16 << 20;

uint64_t total_input_bytes(const std::vector<fs::path>& paths) {
  uint64_t total = 0;
  std::error_code ec;
  for (const fs::path& p : paths) {
    if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    } else if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec)) total += it->file_size(fec);
      }
    }
  }
  return total;
}

// Extraction changes with the lexicon: a database built with another one is re-extracted on
// --rebuild, and otherwise the user is told how.
bool lexicon_changed(store::Store& store, const lexicon::Lexicon& lex) {
  std::string recorded = store.meta("lexicon_version");
  return !recorded.empty() && recorded != lex.version && store.document_count() > 0;
}

class Builder {
 public:
  Builder(const BuildOptions& opt, Progress& progress)
      : opt_(opt),
        progress_(progress),
        lex_(lexicon::Lexicon::load(schema_dir())),
        extractor_(lex_, schema_dir(), extract::ScorerChoice{!opt.no_scorer, opt.relations_model}),
        store_(opt.db) {}

  BuildTally run() {
    if (!opt_.rebuild && lexicon_changed(store_, lex_)) {
      progress_.warn(opt_.db + ": built with another lexicon; new documents use the current one — run with "
                     "--rebuild to re-extract the " + std::to_string(store_.document_count()) + " stored documents");
    }
    store_.defer_indexes();
    // The writer is the serial stage: when the workers outnumber the free cores (--jobs 2 on two
    // cores), they yield to it rather than take a fair share of its core (--jobs 2 on the ANT
    // corpus: 12.8 s with fair shares, 11.1-11.6 s with the workers at nice +10).
    OrderedPool<Job> pool(opt_.jobs, {kInFlight + opt_.jobs * 16, kInFlightBytes}, [this](Job& job) { analyze(job); },
                          WorkerPriority::BelowConsumer);
    std::exception_ptr reader_error;
    std::thread reader([&] {
      try {
        if (opt_.rebuild) resubmit_stored(pool);
        read(pool);
      } catch (...) {
        reader_error = std::current_exception();
      }
      pool.close();
      tally_.cpu_read = thread_cpu_seconds();
    });
    double cpu_before_write = thread_cpu_seconds();
    try {
      write(pool);
    } catch (...) {
      pool.abandon();
      reader.join();
      throw;
    }
    reader.join();
    if (reader_error) std::rethrow_exception(reader_error);
    progress_.indexing(tally_);
    finish();
    tally_.cpu_write = thread_cpu_seconds() - cpu_before_write;
    tally_.cpu_total = process_cpu_seconds();
    tally_.cpu_extract = cpu_extract_;
    return tally_;
  }

 private:
  const BuildOptions& opt_;
  Progress& progress_;
  const lexicon::Lexicon lex_;
  const extract::Extractor extractor_;
  store::Store store_;
  BuildTally tally_;
  std::atomic<size_t> unchanged_{0}, skipped_{0};
  std::atomic<double> cpu_extract_{0};
  std::unordered_set<size_t> seen_;  // hashes of the sources read this run (8 bytes each)

  void analyze(Job& job) {
    double before = thread_cpu_seconds();
    text::analyze_text(job.doc);
    job.ann = extractor_.run(job.doc);
    cpu_extract_.fetch_add(thread_cpu_seconds() - before);
  }

  // Stored documents go through extraction again (--rebuild), from their stored text.
  // Reads through its own connection: the writer's is busy in another thread.
  void resubmit_stored(OrderedPool<Job>& pool) {
    store::Store stored(opt_.db);
    stored.for_each_document([&](text::Document&& d) {
      std::string sha = store::sha256_hex(d.text);
      seen_.insert(std::hash<std::string>{}(d.source));
      size_t bytes = d.text.size();
      pool.submit(Job{std::move(d), std::move(sha), {}, true}, bytes);
    });
  }

  void read(OrderedPool<Job>& pool) {
    store::KnownDocuments known(opt_.db);
    std::vector<fs::path> paths(opt_.inputs.begin(), opt_.inputs.end());
    text::InputSummary summary = text::read_inputs(
        paths,
        [&](text::Document&& doc) {
          seen_.insert(std::hash<std::string>{}(doc.source));
          std::string sha = store::sha256_hex(doc.text);
          if (known.unchanged(doc.source, sha)) {
            ++unchanged_;
            return;
          }
          size_t bytes = doc.text.size();
          pool.submit(Job{std::move(doc), std::move(sha), {}, false, text::file_bytes_read_by_this_thread()}, bytes);
        },
        [&](const std::string& w) { progress_.warn(w); }, opt_.max_document_mb << 20);
    skipped_ = summary.skipped;
  }

  void write(OrderedPool<Job>& pool) {
    size_t in_batch = 0;
    uint64_t batch_bytes = 0;
    store_.begin_batch();
    pool.consume([&](Job& job) {
      switch (store_.add(job.doc, job.sha256, job.ann, job.reextract)) {
        case store::Outcome::Stored: ++tally_.stored; break;
        case store::Outcome::Replaced: ++tally_.replaced; break;
        case store::Outcome::Unchanged: ++tally_.unchanged; break;
        case store::Outcome::Duplicate:
          ++tally_.duplicates;
          progress_.warn(job.doc.source + ": duplicate of a stored document, not stored again");
          break;
      }
      tally_.bytes += job.doc.text.size();
      tally_.mentions += job.ann.mentions.size();
      tally_.evidence += job.ann.facts.size();  // each extracted fact is one piece of evidence
      batch_bytes += job.doc.text.size();
      if (++in_batch == opt_.batch || batch_bytes >= kBatchBytes) {
        store_.commit_batch();
        store_.begin_batch();
        in_batch = 0;
        batch_bytes = 0;
      }
      progress_.advance(tally_, job.input_position);
    });
    store_.commit_batch();
  }

  // Documents stored from these inputs before but absent from them now were deleted by the
  // user: their evidence goes too.
  void prune() {
    for (const std::string& root : opt_.inputs) {
      std::error_code ec;
      bool folder = fs::is_directory(root, ec);
      std::string path = fs::path(root).lexically_normal().string();
      if (folder && !path.ends_with('/')) path += '/';
      for (const std::string& source : store_.sources_under(path)) {
        // A file input owns its own name and its records (file#id); a folder everything below it.
        bool owned = folder || source == path || source.starts_with(path + "#");
        if (!owned || seen_.count(std::hash<std::string>{}(source))) continue;
        store_.remove_document(source);
        ++tally_.removed;
      }
    }
  }

  void finish() {
    tally_.unchanged += unchanged_;
    tally_.skipped = skipped_;
    store_.begin_batch();
    prune();
    store_.restore_indexes();
    store_.drop_weak_mentions();
    // What one article cannot tell, the whole database can: «بنابل» is «ب» + «نابل», and «مون»
    // before «جاي إن» is Moon Jae-in.
    store::rejoin_glued_names(store_.db(), lex_);
    store::complete_cut_names(store_.db(), lex_);
    store_.remove_orphans();
    store_.set_meta("schema_version", store_.schema_version());
    store_.set_meta("lexicon_version", lex_.version);
    store_.set_meta("rawabit_version", RAWABIT_VERSION);
    store_.commit_batch();
  }
};

// A database this build created but stored no document in goes away (with its WAL), so that
// a failed first build leaves nothing behind.
void remove_if_new_and_empty(const fs::path& db, bool existed) {
  if (existed) return;
  try {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    if (d.execAndGet("SELECT EXISTS (SELECT 1 FROM documents)").getInt()) return;
  } catch (const SQLite::Exception&) {
    // Not a database we could read: created by this build, it holds nothing.
  }
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix, ec);
}

void build(const BuildOptions& opt) {
  std::vector<fs::path> paths(opt.inputs.begin(), opt.inputs.end());
  Progress progress(opt.log_json ? Progress::Mode::Json : opt.quiet ? Progress::Mode::Quiet : Progress::Mode::Human,
                    total_input_bytes(paths));
  std::error_code ec;
  const bool existed = fs::exists(opt.db, ec);
  BuildTally tally;
  try {
    tally = on_database(opt.db, [&] { return Builder(opt, progress).run(); });
  } catch (...) {
    remove_if_new_and_empty(opt.db, existed);
    throw;
  }
  progress.finish(tally, opt.db);
  if (tally.stored + tally.replaced + tally.unchanged + tally.duplicates == 0) {
    remove_if_new_and_empty(opt.db, existed);
    throw Error("no document could be read from the inputs");
  }
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto opt = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Extract entities and relations from articles into a database");
  cmd->add_option("inputs", opt->inputs,
                  "Files or folders: .txt articles (first non-empty line = title, an optional leading date "
                  "line) and .jsonl records {id,title,date,source,text}, each possibly compressed (.gz, .xz, "
                  ".zst: news.jsonl.xz); folders are read recursively")
      ->required();
  cmd->add_option("--db", opt->db, "The SQLite database to create or update")->required();
  cmd->add_option("-j,--jobs", opt->jobs, "Extraction threads (default: the number of cores)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->add_option("--batch", opt->batch, "Documents per transaction")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--max-document-mb", opt->max_document_mb,
                  "Skip, with a warning, a document of more than this many MB of text (extraction needs about "
                  "30 MB of memory per MB; at most 32)")
      ->capture_default_str()
      ->check(CLI::Range(1, 32));
  cmd->add_flag("--rebuild", opt->rebuild,
                "Re-extract every stored document too (after the lexicon, patterns or model changed)");
  cmd->add_flag("--no-scorer", opt->no_scorer, "Relations from the rules alone, without the learned pair scorer");
  cmd->add_option("--relations-model", opt->relations_model,
                  "The pair scorer's model (default: schema/models/relations.bin when present)");
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only warnings and errors");
  cmd->add_flag("--log-json", opt->log_json, "Print warnings and the summary as JSON Lines on standard error");
  cmd->callback([opt] { build(*opt); });
}

}  // namespace rawabit::cli

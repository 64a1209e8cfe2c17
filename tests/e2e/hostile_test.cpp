// Hostile inputs and failing databases, end to end: each case's policy (docs/inputs.md, README
// "Exit status") checked on the executable's exit status, warnings and database.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() : dir_(fs::temp_directory_path() / ("rawabit-hostile-" + std::to_string(getpid()) + "-" + std::to_string(n_++))) {
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  fs::path operator/(const std::string& p) const { return dir_ / p; }

 private:
  fs::path dir_;
  static inline int n_ = 0;
};

struct Outcome {
  int status;
  std::string err;  // standard error
};

// Runs `rawabit ARGS`, keeping its standard error.
Outcome run(const Scratch& s, const std::string& args) {
  fs::path err = s / "stderr.txt";
  std::string cmd = std::string(RAWABIT_BINARY) + " " + args + " >/dev/null 2>" + err.string();
  int status = WEXITSTATUS(std::system(cmd.c_str()));
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  return {status, text.str()};
}

void write(const fs::path& p, const std::string& content) { std::ofstream(p, std::ios::binary) << content; }

int64_t scalar(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const std::string kArticle = "زار الرئيس الروسي فلاديمير بوتين مينسك والتقى نظيره البيلاروسي ألكسندر لوكاشينكو.\n";

// White space alone (Unicode's too) is not an article; a non-string "text" is refused with its
// line; a field rawabit does not read cannot cost the record; a plain-text .jsonl fails once.
TEST(Hostile, BadRecordsAndFilesEachGetTheirPolicy) {
  Scratch s;
  fs::path in = s / "in", db = s / "kg.sqlite";
  fs::create_directories(in);
  write(in / "blank.txt", "\u3000\u200B\u2028 \n\u00A0\u2029\n");
  write(in / "records.jsonl",
        "{\"id\": \"number\", \"text\": 42}\n"
        "{\"id\": \"array\", \"text\": [\"زار\"]}\n"
        "{\"id\": \"object\", \"text\": {\"a\": 1}}\n"
        "{\"id\": \"blank\", \"text\": \"\\u3000\\u200b\\u2028\"}\n"
        "{\"id\": \"surrogate\", \"url\": \"\\ud800\", \"text\": \"" + kArticle.substr(0, kArticle.size() - 1) + "\"}\n"
        "{\"id\": \"huge\", \"score\": 1e999999, \"text\": \"وصل الرئيس الصيني شي جين بينغ إلى موسكو.\"}\n");
  std::string plain;
  for (int i = 0; i < 30; ++i) plain += kArticle;
  write(in / "plain.jsonl", plain);
  Outcome r = run(s, "build " + in.string() + " --db " + db.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("blank.txt: skipped: only white space"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("records.jsonl:1: \"text\" is a number, not a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("records.jsonl:2: \"text\" is an array, not a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("records.jsonl:3: \"text\" is an object, not a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("records.jsonl:4: \"text\" is only white space"), std::string::npos) << r.err;
  EXPECT_EQ(count(r.err, "plain.jsonl"), 1u) << r.err;
  EXPECT_NE(r.err.find("plain.jsonl: skipped: not JSON Lines"), std::string::npos) << r.err;
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents"), 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents WHERE source LIKE '%#surrogate' OR source LIKE '%#huge'"), 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents WHERE text LIKE '%42%' OR text LIKE '[%' OR text LIKE '{%'"), 0);
}

// A document over --max-document-mb is skipped with one warning and the inputs after it are
// stored; a 100,000-letter word never becomes an entity.
TEST(Hostile, OversizedDocumentsAndWordsAreBounded) {
  Scratch s;
  fs::path in = s / "in", db = s / "kg.sqlite";
  fs::create_directories(in);
  std::string big;
  while (big.size() < (size_t{3} << 20)) big += kArticle;
  write(in / "a_big.txt", big);
  std::string word;
  for (int i = 0; i < 100000; ++i) word += "ب";
  write(in / "b_word.txt", "عنوان\nقال الرئيس " + word + " إن القوات وصلت.\nوقال الرئيس " + word + " ذلك.\n");
  write(in / "c_after.txt", kArticle);
  Outcome r = run(s, "build " + in.string() + " --db " + db.string() + " --max-document-mb 2");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.err, "a_big.txt"), 1u) << r.err;
  EXPECT_NE(r.err.find("a_big.txt: skipped: 3.0 MB of text, over --max-document-mb 2"), std::string::npos) << r.err;
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents"), 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents WHERE source LIKE '%c_after.txt'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM entities WHERE length(name) > 120 OR length(name_ar) > 120"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM v_mentions WHERE length(surface) > 120"), 0);
}

// Bidi controls and noncharacters stay in the text and the mentions' surface, but not in
// entity names, aliases or exported labels; warnings never print them raw.
TEST(Hostile, NamesAreCleanedAtTheStore) {
  Scratch s;
  fs::path in = s / "in", db = s / "kg.sqlite";
  fs::create_directories(in);
  write(in / "a.txt", "عنوان\nزار الرئيس الفرنسي إيمانويل ما\u202Eكرون\uFFFF موسكو.\n"
                      "وقال الرئيس فلادي\u2066مير\u2069 بوتين إن\u200F المحادثات مفيدة.\n");
  write(in / "b\u202E.jsonl", "{\"text\": 7}\n");
  Outcome r = run(s, "build " + in.string() + " --db " + db.string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("\u202E"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("<U+202E>"), std::string::npos) << r.err;
  for (const char* bad : {"\u202E", "\uFFFF", "\u2066", "\u2069", "\u200F"}) {
    std::string like = std::string("'%") + bad + "%'";
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM entities WHERE name LIKE " + like + " OR name_ar LIKE " + like), 0) << bad;
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM aliases WHERE alias LIKE " + like), 0) << bad;
  }
  EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM mentions WHERE surface LIKE '%\u202E%'"), 0);
  fs::path svg_like = s / "graph.graphml";
  ASSERT_EQ(run(s, "export --db " + db.string() + " --format graphml -o " + svg_like.string()).status, 0);
  std::ifstream graphml(svg_like);
  std::stringstream labels;
  labels << graphml.rdbuf();
  EXPECT_EQ(labels.str().find("\u202E"), std::string::npos);
  EXPECT_EQ(labels.str().find("\uFFFF"), std::string::npos);
}

// Exit statuses: 1 with the path and SQLite's reason for databases and outputs that cannot be
// written; usage errors 64; an unknown command named; no empty database left behind.
TEST(Hostile, FailuresExitWithTheDocumentedStatusAndThePath) {
  Scratch s;
  fs::path in = s / "a.txt", db = s / "kg.sqlite";
  write(in, kArticle);

  Outcome missing = run(s, "build " + (s / "missing.jsonl").string() + " --db " + (s / "fresh.sqlite").string());
  EXPECT_EQ(missing.status, 1) << missing.err;
  EXPECT_FALSE(fs::exists(s / "fresh.sqlite"));
  EXPECT_FALSE(fs::exists(s / "fresh.sqlite-wal"));

  Outcome no_folder = run(s, "build " + in.string() + " --db " + (s / "nowhere" / "kg.sqlite").string());
  EXPECT_EQ(no_folder.status, 1) << no_folder.err;
  EXPECT_NE(no_folder.err.find((s / "nowhere").string()), std::string::npos) << no_folder.err;
  EXPECT_EQ(no_folder.err.find("internal error"), std::string::npos) << no_folder.err;

  ASSERT_EQ(run(s, "build " + in.string() + " --db " + db.string()).status, 0);
  write(s / "b.txt", "وصل الرئيس الصيني شي جين بينغ إلى موسكو.\n");
  {
    // Another writer holds the database: the build fails, naming it and SQLite's reason.
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    Outcome locked = run(s, "build " + (s / "b.txt").string() + " --db " + db.string());
    EXPECT_EQ(locked.status, 1) << locked.err;
    EXPECT_NE(locked.err.find(db.string()), std::string::npos) << locked.err;
    EXPECT_NE(locked.err.find("locked"), std::string::npos) << locked.err;
    other.exec("ROLLBACK");
  }
  {
    // A read-only database file in a writable folder (SQLite then opens it read-only and the
    // first write fails). Root writes read-only files anyway: as root, the build runs as nobody
    // (setpriv, util-linux).
    std::string as_user = geteuid() != 0 ? "" : "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    fs::permissions(s / "", fs::perms::all);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(s / "b.txt", fs::perms::others_read, fs::perm_options::add);
    int status = WEXITSTATUS(std::system((as_user + RAWABIT_BINARY + " build " + (s / "b.txt").string() + " --db " +
                                          db.string() + " 2>" + (s / "ro.txt").string()).c_str()));
    std::ifstream ro(s / "ro.txt");
    std::string message((std::istreambuf_iterator<char>(ro)), std::istreambuf_iterator<char>());
    EXPECT_EQ(status, 1) << message;
    EXPECT_NE(message.find(db.string() + ": "), std::string::npos) << message;
    EXPECT_EQ(message.find("internal error"), std::string::npos) << message;
    fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
  }

  Outcome export_no_folder = run(s, "export --db " + db.string() + " -o " + (s / "nowhere" / "g.graphml").string());
  EXPECT_EQ(export_no_folder.status, 1) << export_no_folder.err;
  EXPECT_NE(export_no_folder.err.find((s / "nowhere").string()), std::string::npos) << export_no_folder.err;

  Outcome unknown = run(s, "biuld " + in.string());
  EXPECT_EQ(unknown.status, 64) << unknown.err;
  EXPECT_NE(unknown.err.find("unknown command 'biuld'"), std::string::npos) << unknown.err;
  Outcome bad_option = run(s, "build " + in.string() + " --db " + db.string() + " --jobs 0");
  EXPECT_EQ(bad_option.status, 64) << bad_option.err;
  EXPECT_EQ(run(s, "build --no-such-option").status, 64);
  EXPECT_EQ(run(s, "--help").status, 0);
}

// A full disk, simulated by a file size limit (writes past it fail with EFBIG, the signal
// ignored): the build fails with status 1 and the database's path; a failed export leaves the
// old file in place, not a truncated one, and no temporary file.
TEST(Hostile, AFullDiskFailsCleanly) {
  Scratch s;
  fs::path in = s / "a.txt", db = s / "kg.sqlite", out = s / "g.graphml";
  std::string text;
  for (int i = 0; i < 200; ++i) text += kArticle;
  write(in, text);
  const std::string limited = "trap '' XFSZ; ulimit -f 16; ";
  Outcome build = {WEXITSTATUS(std::system(("sh -c \"" + limited + RAWABIT_BINARY + " build " + in.string() + " --db " +
                                        db.string() + " 2>" + (s / "err.txt").string() + "\"").c_str())),
               ""};
  std::ifstream err_file(s / "err.txt");
  build.err.assign(std::istreambuf_iterator<char>(err_file), std::istreambuf_iterator<char>());
  EXPECT_EQ(build.status, 1) << build.err;
  EXPECT_NE(build.err.find(db.string()), std::string::npos) << build.err;
  EXPECT_EQ(build.err.find("internal error"), std::string::npos) << build.err;

  // The export of the bundled corpus (about 50 KB of GraphML) to a file limited to 8 KB; the
  // database without a WAL, so that opening it writes nothing.
  fs::remove(db);
  ASSERT_EQ(run(s, "build " + rawabit::e2e::kCorpus.string() + " --db " + db.string()).status, 0);
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE).exec("PRAGMA journal_mode=DELETE");
  write(out, "old export");
  std::string cmd = "sh -c \"trap '' XFSZ; ulimit -f 8; " + std::string(RAWABIT_BINARY) + " export --db " + db.string() +
                    " -o " + out.string() + " 2>" + (s / "err.txt").string() + "\"";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 1);
  std::ifstream export_err(s / "err.txt");
  std::string message((std::istreambuf_iterator<char>(export_err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find(out.string() + ": cannot write: File too large"), std::string::npos) << message;
  std::ifstream old(out);
  std::string content((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "old export");
  size_t temporaries = 0;
  for (const auto& e : fs::directory_iterator(s / "")) temporaries += e.path().filename().string().find(".tmp-") != std::string::npos;
  EXPECT_EQ(temporaries, 0u);
  // Without the limit the export replaces the file.
  ASSERT_EQ(run(s, "export --db " + db.string() + " -o " + out.string()).status, 0);
  std::ifstream fresh(out);
  std::string exported((std::istreambuf_iterator<char>(fresh)), std::istreambuf_iterator<char>());
  EXPECT_NE(exported.find("<graphml"), std::string::npos);
}

// Deleting an input removes the entities only it mentioned, as a fresh build would not have
// them: the country a deleted article's capital stood for included.
TEST(Hostile, EntitiesOfADeletedInputGoWithIt) {
  Scratch s;
  fs::path in = s / "in", db = s / "kg.sqlite", fresh = s / "fresh.sqlite";
  fs::create_directories(in);
  write(in / "a.txt", "عنوان\nوصل وزير الخارجية التركي إلى أنقرة بعد زيارة العراق.\n");
  write(in / "b.txt", kArticle);
  ASSERT_EQ(run(s, "build " + in.string() + " --db " + db.string()).status, 0);
  fs::remove(in / "a.txt");
  ASSERT_EQ(run(s, "build " + in.string() + " --db " + db.string()).status, 0);
  ASSERT_EQ(run(s, "build " + in.string() + " --db " + fresh.string()).status, 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM v_entities WHERE mentions = 0"),
            scalar(fresh, "SELECT COUNT(*) FROM v_entities WHERE mentions = 0"));
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM entities"), scalar(fresh, "SELECT COUNT(*) FROM entities"));
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM entities WHERE name = 'Turkey'"), 0);
}

}  // namespace

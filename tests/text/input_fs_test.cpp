// The file system side of ingest: links, loops, special files, permissions, odd names, and one
// warning per skipped input. Everything hostile is created at test time in a scratch directory.
#include <sys/stat.h>
#include <unistd.h>

#include "input_helpers.hpp"

namespace rawabit::text {
namespace {

namespace fs = std::filesystem;
using testing::ingest;
using testing::ScratchDir;

const char* const kArticle = "عنوان\nزار الرئيس مينسك.";

TEST(InputFiles, LinkLoopsAndDanglingLinksAreSkippedNeverFollowedForever) {
  ScratchDir dir;
  dir.write("real.txt", kArticle);
  fs::create_symlink("self.txt", dir.path() / "self.txt");
  fs::create_symlink("b.txt", dir.path() / "a.txt");
  fs::create_symlink("a.txt", dir.path() / "b.txt");
  fs::create_symlink("missing.txt", dir.path() / "dangling.txt");
  fs::create_directory(dir.path() / "sub");
  fs::create_directory_symlink("..", dir.path() / "sub" / "up");
  fs::create_symlink("../real.txt", dir.path() / "sub" / "link.txt");
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 2u) << r.all_warnings();  // real.txt, and sub/link.txt pointing to it
  const std::string d = dir.path().string();
  EXPECT_EQ(r.warnings, (std::vector<std::string>{
                            d + "/a.txt: skipped: symbolic link loop",
                            d + "/b.txt: skipped: symbolic link loop",
                            d + "/dangling.txt: skipped: dangling symbolic link",
                            d + "/self.txt: skipped: symbolic link loop",
                            d + "/sub/up: skipped: directory already read (symbolic link loop or duplicate)",
                        }));
  EXPECT_EQ(r.summary.skipped, r.warnings.size());
}

TEST(InputFiles, FifosAndDevicesAreSkippedWithoutOpeningThem) {
  ScratchDir dir;
  fs::path fifo = dir.path() / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto walked = ingest(dir.path());  // opening the FIFO would block this test forever
  ASSERT_EQ(walked.warnings.size(), 1u);
  EXPECT_EQ(walked.warnings[0], fifo.string() + ": skipped: a FIFO");
  auto named = ingest(std::vector<fs::path>{fifo, "/dev/null"});
  EXPECT_EQ(named.warnings, (std::vector<std::string>{fifo.string() + ": skipped: a FIFO",
                                                      "/dev/null: skipped: a device"}));
}

bool readable_despite_chmod(const fs::path& p) { return ::access(p.c_str(), R_OK) == 0; }

TEST(InputFiles, UnreadableFilesAndUnlistableDirectoriesAreSkippedWithTheReason) {
  ScratchDir dir;
  fs::path file = dir.write("secret.txt", kArticle);
  fs::path locked = dir.path() / "locked";
  dir.write("locked/inside.txt", kArticle);
  fs::permissions(file, fs::perms::none);
  fs::permissions(locked, fs::perms::none);
  if (readable_despite_chmod(file)) GTEST_SKIP() << "running as root: permissions are not enforced";
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 0u);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{locked.string() + ": skipped: cannot be listed: Permission denied",
                                                  file.string() + ": skipped: cannot be read: Permission denied"}));
}

TEST(InputFiles, OddFileNamesAreReadAndNamedInValidUtf8) {
  ScratchDir dir;
  const std::string names[] = {"مقال روسيا.txt", "with space.txt", "new\nline.txt", "bad\xFF\xFEname.txt"};
  for (const std::string& n : names) dir.write(n, kArticle);
  dir.write("odd\nname.csv", "a,b");
  auto r = ingest(dir.path());
  ASSERT_EQ(r.documents.size(), 4u) << r.all_warnings();
  std::vector<std::string> sources;
  for (const Document& doc : r.documents) {
    sources.push_back(doc.source.substr(dir.path().string().size() + 1));
    EXPECT_EQ(doc.title, "عنوان");
  }
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<std::string>{"bad\xEF\xBF\xBD\xEF\xBF\xBDname.txt", "new\nline.txt",
                                               "with space.txt", "مقال روسيا.txt"}));
  ASSERT_EQ(r.warnings.size(), 1u);  // one line, the newline in the name escaped
  EXPECT_EQ(r.warnings[0], dir.path().string() + "/odd\\nname.csv: skipped: not a .txt or .jsonl file (possibly .gz, .xz, .zst)");
}

TEST(InputFiles, EverySkippedInputGivesExactlyOneSkippedLine) {
  ScratchDir dir;
  dir.write("good.txt", kArticle);
  dir.write("empty.txt", "");
  dir.write("blank.txt", " \r\n\t\n");
  dir.write("empty.jsonl", "\n\n");
  dir.write("picture.txt", std::string("\x89PNG\r\n\x1A\n\0\0", 10));
  dir.write("notes.md", "# notes");
  dir.write(".hidden.txt", kArticle);  // names starting with '.' are not inputs
  dir.write(".git/HEAD.txt", kArticle);
  ASSERT_EQ(::mkfifo((dir.path() / "pipe.jsonl").c_str(), 0600), 0);
  fs::create_symlink("loop", dir.path() / "loop");
  auto r = ingest(std::vector<fs::path>{dir.path(), dir.path() / "absent.txt"});
  EXPECT_EQ(r.summary.documents, 1u);
  const std::string d = dir.path().string();
  EXPECT_EQ(r.warnings, (std::vector<std::string>{
                            d + "/blank.txt: skipped: only white space",
                            d + "/empty.jsonl: skipped: empty",
                            d + "/empty.txt: skipped: empty",
                            d + "/loop: skipped: symbolic link loop",
                            d + "/notes.md: skipped: not a .txt or .jsonl file (possibly .gz, .xz, .zst)",
                            d + "/picture.txt: skipped: looks like a PNG image",
                            d + "/pipe.jsonl: skipped: a FIFO",
                            d + "/absent.txt: skipped: No such file or directory",
                        }));
  EXPECT_EQ(r.summary.skipped, r.warnings.size());
}

}  // namespace
}  // namespace rawabit::text

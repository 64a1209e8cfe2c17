#include "graph/graphviz.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <tuple>
#include <vector>

#include "common/error.hpp"

extern char** environ;

namespace rawabit::graph {
namespace {

// Starts `argv` with its standard input reading from `stdin_fd`; returns the child's pid.
pid_t spawn_with_stdin(std::vector<std::string>& argv, int stdin_fd, int unused_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, stdin_fd);
  posix_spawn_file_actions_addclose(&actions, unused_fd);
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc == ENOENT) throw Error("Graphviz's `dot` was not found on PATH; install graphviz, or export --format dot");
  if (rc != 0) throw Error(std::string("cannot run Graphviz's `dot`: ") + std::strerror(rc));
  return pid;
}

// Writes everything to `fd`; false if the reader went away (EPIPE).
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw Error(std::string("waiting for Graphviz's `dot` failed: ") + std::strerror(errno));
  return status;
}

// Runs `dot` once; returns its wait status and whether it read the whole graph.
std::pair<int, bool> run_dot(std::string_view dot_source, const std::string& format, const std::string& output_path,
                             const std::vector<std::string>& extra_args) {
  // -q: Graphviz's warnings (such as the edge labels it leaves out, as asked) are not the user's
  // concern; its errors still show.
  std::vector<std::string> argv{"dot", "-q", "-T" + format};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  if (output_path != "-") argv.insert(argv.end(), {"-o", output_path});
  std::cout.flush();  // the child shares our standard output

  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw Error(std::string("cannot create a pipe for `dot`: ") + std::strerror(errno));
  pid_t pid = 0;
  try {
    pid = spawn_with_stdin(argv, pipe_fds[0], pipe_fds[1]);
  } catch (...) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw;
  }
  ::close(pipe_fds[0]);
  // If `dot` dies early, the write must fail with EPIPE rather than kill us with SIGPIPE.
  auto* previous = std::signal(SIGPIPE, SIG_IGN);
  const bool sent = write_all(pipe_fds[1], dot_source);
  ::close(pipe_fds[1]);
  std::signal(SIGPIPE, previous);

  return {wait_for(pid), sent};
}

// The source with overlap=false and splines=true (dot_writer's graph attributes) replaced by
// overlap=scale and splines=false.
std::string simplified(std::string_view dot_source) {
  std::string source(dot_source);
  for (auto [from, to] : {std::pair{"overlap=false", "overlap=scale"}, std::pair{"splines=true", "splines=false"}})
    if (const size_t at = source.find(from); at != std::string::npos) source.replace(at, std::strlen(from), to);
  return source;
}

bool succeeded(int status) { return WIFEXITED(status) && WEXITSTATUS(status) == 0; }

// Runs `dot` to `output_path` and, if it fails on a file, once more with the simpler layout.
void run_with_retry(std::string_view dot_source, const std::string& format, const std::string& output_path,
                    std::vector<std::string> extra_args) {
  auto [status, sent] = run_dot(dot_source, format, output_path, extra_args);
  if (!succeeded(status) && output_path != "-") {
    // Graphviz's overlap removal and spline routing go through a triangulation library that
    // aborts on some layouts (GTS: «remove_intersected_edge: assertion failed»); the same layout
    // with scaled overlap removal and straight edges does not need it.
    std::cerr << "rawabit: warning: Graphviz failed on the layout with overlap removal; laying it out again "
                 "with scaled overlap removal and straight edges\n";
    // The file's own graph attributes override -G defaults: the source changes too.
    extra_args.insert(extra_args.end(), {"-Goverlap=scale", "-Gsplines=false"});
    std::tie(status, sent) = run_dot(simplified(dot_source), format, output_path, extra_args);
  }
  if (!succeeded(status))
    throw Error("Graphviz's `dot -T" + format + "` failed (exit status " +
                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) + ") writing " +
                rawabit::quoted(output_path));
  if (!sent) throw Error("Graphviz's `dot` stopped reading its input before the end of the graph");
}

}  // namespace

void render_with_graphviz(std::string_view dot_source, const std::string& format, const std::string& output_path) {
  run_with_retry(dot_source, format, output_path, {});
}

std::string run_graphviz(std::string_view dot_source, const std::string& format,
                         const std::vector<std::string>& extra_args) {
  std::string path = (std::filesystem::temp_directory_path() / "rawabit-graphviz-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw Error(std::string("cannot create a temporary file for Graphviz: ") + std::strerror(errno));
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{path};
  run_with_retry(dot_source, format, path, extra_args);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace rawabit::graph

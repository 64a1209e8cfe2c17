// Rendering through Graphviz. The `dot` executable is found on PATH and run as a child process —
// no shell, so no quoting issues with file names — with the DOT source on its standard input.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::graph {

// Renders `dot_source` in `format` ("svg", "png", … as `dot -T` takes it) to `output_path`, or to
// this process's standard output when it is "-". Throws rawabit::Error if `dot` is not installed,
// cannot be started, or exits with a failure (its own message goes to standard error).
void render_with_graphviz(std::string_view dot_source, const std::string& format, const std::string& output_path);

// What Graphviz writes for `dot_source` in `format` (e.g. "plain", for the layout's coordinates),
// with `extra_args` on its command line. Throws rawabit::Error as render_with_graphviz.
std::string run_graphviz(std::string_view dot_source, const std::string& format,
                         const std::vector<std::string>& extra_args = {});

}  // namespace rawabit::graph

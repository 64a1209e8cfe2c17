// The project's one exception type. Everything that can go wrong with input, data files or the
// database is reported as rawabit::Error; only main() turns it into an exit status.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace rawabit {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "file:line: what: «offending text»" — the offending text is shortened and stripped of
// control characters so that a message never floods or garbles the terminal.
std::string at_line(std::string_view file, size_t line, std::string_view what, std::string_view text);

// The offending text as it may be quoted in a message.
std::string quoted(std::string_view text, size_t max_bytes = 120);

}  // namespace rawabit

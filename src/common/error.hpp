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

// The offending text as it may be quoted in a message (terminal-safe, see below).
std::string quoted(std::string_view text, size_t max_bytes = 120);

// A message as it may be printed: bidi controls (U+061C, U+200E/F, U+202A..U+202E,
// U+2066..U+2069) and noncharacters (U+FFFE, U+FFFF) shown as <U+202E>, so that text quoted
// from an article cannot reorder the terminal's line; other controls but \n and \t as <U+001B>.
std::string terminal_safe(std::string_view message);

}  // namespace rawabit

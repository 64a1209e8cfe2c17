#include "graph/escape.hpp"

#include <array>

namespace rawabit::graph {
namespace {

// Bytes that need attention in XML: the five markup characters, C0 controls, and 0xEF, the lead
// byte of U+FFFE/U+FFFF. Everything else is copied in runs.
constexpr std::array<bool, 256> kXmlSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  for (unsigned char c : {'&', '<', '>', '"', '\'', '\xEF'}) t[c] = true;
  return t;
}();

constexpr std::array<bool, 256> kDotSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t[0x7F] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

bool is_xml_noncharacter(std::string_view s, size_t i) {  // U+FFFE or U+FFFF starting at s[i]
  return i + 2 < s.size() && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF');
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kXmlSpecial[c]) continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case 0xEF:
        if (is_xml_noncharacter(s, i)) i += 2;  // dropped
        else out += '\xEF';
        run = i + 1;
        break;
      default: break;  // a C0 control XML 1.0 cannot represent: dropped
    }
  }
  out.append(s, run, s.size() - run);
}

void append_dot_escaped(std::string& out, std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kDotSpecial[c]) continue;
    out.append(s, run, i - run);
    run = i + 1;
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += ' ';
    // other controls, CR included: dropped
  }
  out.append(s, run, s.size() - run);
}

void append_csv_field(std::string& out, std::string_view text) {
  const bool quoted = text.find_first_of(",\"\n\r") != std::string_view::npos;
  if (quoted) out += '"';
  size_t run = 0;  // copied in runs, as the other escapes
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c != '"') || c == '\t' || (quoted && (c == '\n' || c == '\r'))) continue;
    out.append(text.substr(run, i - run));
    if (c == '"') out += "\"\"";
    run = i + 1;
  }
  out.append(text.substr(run));
  if (quoted) out += '"';
}

}  // namespace rawabit::graph

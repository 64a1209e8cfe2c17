#include "graph/html_writer.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "graph/escape.hpp"
#include "graph/html_assets.hpp"
#include "graph/html_data.hpp"
#include "store/sha256.hpp"

namespace rawabit::graph {
namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
    out += kDigits[n >> 18 & 63];
    out += kDigits[n >> 12 & 63];
    out += i + 1 < bytes.size() ? kDigits[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

// A CSP source expression for an inline script: 'sha256-' and the base64 of its digest.
std::string script_hash(std::string_view script) {
  const std::string hex = store::sha256_hex(script);
  std::string digest;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return "'sha256-" + base64(digest) + "'";
}

std::string content_security_policy(const HtmlAssets& assets) {
  return "default-src 'none'; script-src " + script_hash(assets.library) + " " + script_hash(assets.script) +
         "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
}

// The page with each @@NAME@@ slot replaced by its value; the values are not scanned for slots.
std::string fill_slots(std::string_view page, const std::vector<std::pair<std::string_view, std::string_view>>& slots) {
  std::string out;
  size_t filled = 0;
  for (size_t at = 0;;) {
    const size_t open = page.find("@@", at);
    const size_t close = open == std::string_view::npos ? open : page.find("@@", open + 2);
    if (close == std::string_view::npos) {
      out.append(page.substr(at));
      break;
    }
    const std::string_view name = page.substr(open + 2, close - open - 2);
    const auto slot = std::find_if(slots.begin(), slots.end(), [&](const auto& s) { return s.first == name; });
    if (slot == slots.end()) throw Error("explorer.html has an unknown slot " + rawabit::quoted(name));
    out.append(page.substr(at, open - at)).append(slot->second);
    ++filled;
    at = close + 2;
  }
  if (filled != slots.size()) throw Error("explorer.html must have each of its " + std::to_string(slots.size()) +
                                          " slots once; it has " + std::to_string(filled));
  return out;
}

}  // namespace

std::string script_safe_json(std::string_view json_text) {
  std::string out;
  out.reserve(json_text.size() + json_text.size() / 16);
  for (char c : json_text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

void write_html(SQLite::Database& db, const KnowledgeGraph& g, const EvidenceFilter& filter, const std::string& title,
                std::ostream& out) {
  const HtmlAssets assets = load_html_assets();
  const std::string data = script_safe_json(explorer_data(db, g, filter).dump());
  std::string escaped_title;
  append_xml_escaped(escaped_title, neutral_text(title));
  const std::string csp = content_security_policy(assets);
  out << fill_slots(assets.page, {{"TITLE", escaped_title}, {"CSP", csp}, {"STYLE", assets.style},
                                  {"DATA", data}, {"LIBRARY", assets.library}, {"SCRIPT", assets.script}});
  out.flush();
  if (!out) throw Error("cannot write the HTML page: the output failed (disk full or closed pipe?)");
}

}  // namespace rawabit::graph

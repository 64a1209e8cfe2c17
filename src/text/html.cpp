#include "text/html.hpp"

#include <cstring>

#include "text/utf8.hpp"

namespace rawabit::text {

namespace {

struct TagName {
  std::string_view name;
  bool block;  // ends a line
};

// The elements whose tags make text HTML; block ones end a line of the text content.
constexpr TagName kTags[] = {
    {"a", false},      {"abbr", false},     {"article", true}, {"aside", true},     {"b", false},
    {"blockquote", true}, {"body", true},   {"br", true},      {"center", true},    {"dd", true},
    {"div", true},     {"dl", true},        {"dt", true},      {"em", false},       {"figcaption", true},
    {"figure", true},  {"font", false},     {"footer", true},  {"h1", true},        {"h2", true},
    {"h3", true},      {"h4", true},        {"h5", true},      {"h6", true},        {"head", true},
    {"header", true},  {"hr", true},        {"html", true},    {"i", false},        {"iframe", false},
    {"img", false},    {"li", true},        {"link", false},   {"main", true},      {"meta", false},
    {"nav", true},     {"noscript", false}, {"ol", true},      {"p", true},         {"pre", true},
    {"script", false}, {"section", true},   {"small", false},  {"span", false},     {"strong", false},
    {"style", false},  {"sub", false},      {"sup", false},    {"table", true},     {"td", false},
    {"th", false},     {"title", true},     {"tr", true},      {"u", false},        {"ul", true},
};

struct Entity {
  std::string_view name;
  char32_t cp;
};

// The named references found in Arabic news pages.
constexpr Entity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},     {"laquo", 0xAB},    {"raquo", 0xBB},    {"hellip", 0x2026}, {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bull", 0x2022},   {"middot", 0xB7},   {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},
    {"times", 0xD7},    {"divide", 0xF7},   {"deg", 0xB0},      {"euro", 0x20AC},   {"shy", 0xAD},
    {"rlm", 0x200F},    {"lrm", 0x200E},    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"thinsp", 0x2009},
    {"ensp", 0x2002},   {"emsp", 0x2003},
};

bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return is_ascii_alpha(c) ? static_cast<char>(c | 0x20) : c; }

const TagName* find_tag(std::string_view lowered) {
  for (const TagName& t : kTags)
    if (t.name == lowered) return &t;
  return nullptr;
}

// A tag's name at s[i] (just after '<' or "</"), lower-cased, and the index after it.
std::string tag_name_at(std::string_view s, size_t& i) {
  std::string name;
  while (i < s.size() && is_ascii_alnum(s[i]) && name.size() < 16) name += lower(s[i++]);
  return name;
}

// The known element whose tag starts at s[lt] ('<'), or nullptr.
const TagName* known_tag_at(std::string_view s, size_t lt, bool& closing, size_t& after_name) {
  size_t i = lt + 1;
  closing = i < s.size() && s[i] == '/';
  if (closing) ++i;
  if (i >= s.size() || !is_ascii_alpha(s[i])) return nullptr;
  std::string name = tag_name_at(s, i);
  if (i < s.size() && !is_html_space(s[i]) && s[i] != '>' && s[i] != '/') return nullptr;
  after_name = i;
  return find_tag(name);
}

// Index just past the '>' that closes the tag whose attributes start at s[i] (quoted values may
// hold '>'), or npos.
size_t tag_end(std::string_view s, size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Index just past "</name…>" at or after `from` (case-insensitive), or the end of `s`.
size_t past_closing_tag(std::string_view s, size_t from, std::string_view name) {
  for (size_t lt = s.find("</", from); lt != std::string_view::npos; lt = s.find("</", lt + 2)) {
    size_t i = lt + 2;
    if (tag_name_at(s, i) == name) {
      size_t end = tag_end(s, i);
      return end == std::string_view::npos ? s.size() : end;
    }
  }
  return s.size();
}

// Decodes the character reference at s[amp] ('&') into `out`; returns the index after it, or
// `amp` when there is none (the '&' is then literal).
size_t append_entity(std::string_view s, size_t amp, std::string& out) {
  constexpr size_t kLongestReference = 12;  // "&#x0010FFFF;": looking no further keeps a scan linear
  size_t semi = s.substr(0, amp + kLongestReference).find(';', amp + 1);
  if (semi == std::string_view::npos) return amp;
  std::string_view body = s.substr(amp + 1, semi - amp - 1);
  if (body.size() >= 2 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return amp;
    char32_t cp = 0;
    for (char c : digits) {
      int v = c >= '0' && c <= '9' ? c - '0' : hex && is_ascii_alpha(c) && lower(c) <= 'f' ? lower(c) - 'a' + 10 : -1;
      if (v < 0) return amp;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    bool valid = cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
    append_utf8(out, !valid ? 0xFFFD : control ? ' ' : cp);  // the control policy of text/decode.hpp
    return semi + 1;
  }
  for (const Entity& e : kEntities) {
    if (e.name == body) {
      append_utf8(out, e.cp);
      return semi + 1;
    }
  }
  return amp;
}

// Builds the text content: folds white space and ends lines at block elements.
class TextContent {
 public:
  explicit TextContent(size_t capacity) { out_.reserve(capacity); }
  void space() { pending_space_ = true; }
  void line_break() {
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    pending_space_ = false;
  }
  // Makes room for visible text, then returns the buffer to append it to.
  std::string& visible() {
    if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
    pending_space_ = false;
    return out_;
  }
  std::string take() {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false;
};

// Consumes the markup at s[lt] ('<'): a tag, a comment, a declaration. Returns the index after
// it, or `lt` when the '<' starts no markup. As in a browser, markup left open at the end of the
// text swallows the rest (which also keeps the scan linear).
size_t skip_markup(std::string_view s, size_t lt, TextContent& content) {
  auto past = [&](size_t end) { return end == std::string_view::npos ? s.size() : end; };
  if (s.substr(lt, 4) == "<!--") {
    size_t end = s.find("-->", lt + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  if (lt + 1 < s.size() && (s[lt + 1] == '!' || s[lt + 1] == '?')) return past(tag_end(s, lt + 2));
  bool closing;
  size_t after_name;
  const TagName* tag = known_tag_at(s, lt, closing, after_name);
  if (!tag) {
    // Any other element's tag is dropped too: <o:p>, <custom-tag>.
    size_t i = lt + 1 + (lt + 1 < s.size() && s[lt + 1] == '/');
    if (i >= s.size() || !is_ascii_alpha(s[i])) return lt;
    return past(tag_end(s, i));
  }
  size_t end = past(tag_end(s, after_name));
  if (!closing && (tag->name == "script" || tag->name == "style")) return past_closing_tag(s, end, tag->name);
  if (tag->block) content.line_break();
  else if (tag->name == "td" || tag->name == "th") content.space();
  return end;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  for (size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    bool closing;
    size_t after_name;
    if (known_tag_at(text, lt, closing, after_name)) return true;
  }
  return false;
}

std::string html_to_text(std::string_view html) {
  TextContent content(html.size());
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t next = skip_markup(html, i, content);
      if (next != i) {
        i = next;
        continue;
      }
    } else if (c == '&') {
      size_t next = append_entity(html, i, content.visible());
      if (next != i) {
        i = next;
        continue;
      }
    } else if (is_html_space(c)) {
      content.space();
      ++i;
      continue;
    }
    content.visible() += c;
    ++i;
  }
  return content.take();
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t done = 0;
  for (size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    out.append(text.substr(done, amp - done));
    size_t next = append_entity(text, amp, out);
    done = next == amp ? amp : next;
    if (next != amp) amp = next - 1;
  }
  out.append(text.substr(done));
  return out;
}

bool strip_markup(std::string& text) {
  bool has_lt = std::memchr(text.data(), '<', text.size()) != nullptr;
  if (has_lt && looks_like_html(text)) {
    text = html_to_text(text);
    return true;
  }
  if (std::memchr(text.data(), '&', text.size()) == nullptr) return false;
  std::string decoded = decode_entities(text);
  bool changed = decoded != text;
  text = std::move(decoded);
  return changed;
}

}  // namespace rawabit::text

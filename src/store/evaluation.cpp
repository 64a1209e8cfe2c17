#include "store/evaluation.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/error.hpp"
#include "store/views.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace {

using Forms = std::set<std::string>;
const std::set<std::string> kSymmetric = {"met_with", "ally_of", "cooperates_with", "signed_agreement_with"};
// score.py's CLITICS, in its order.
const std::vector<std::u32string> kClitics = {U"\u0648\u0627\u0644", U"\u0641\u0627\u0644", U"\u0628\u0627\u0644",
                                              U"\u0643\u0627\u0644", U"\u0644\u0644", U"\u0648", U"\u0641",
                                              U"\u0628", U"\u0644", U"\u0643"};

// Python's str.isspace(), which its \s and strip() follow.
bool python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's repr() of a str, as score.py prints the names in its list of misses.
std::string python_repr(std::string_view s) {
  const std::u32string cs = text::decode_utf8(s);
  const bool has_single = cs.find(U'\'') != std::u32string::npos, has_double = cs.find(U'"') != std::u32string::npos;
  const char32_t quote = has_single && !has_double ? U'"' : U'\'';
  std::string out(1, char(quote));
  char hex[16];
  for (char32_t c : cs) {
    if (c == quote || c == U'\\') {
      out += '\\';
      out += char(c);
    } else if (c == U'\t') out += "\\t";
    else if (c == U'\n') out += "\\n";
    else if (c == U'\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) {
      std::snprintf(hex, sizeof hex, "\\x%02x", unsigned(c));
      out += hex;
    } else if (c < 0x7F) out += char(c);
    else {
      const int8_t t = u_charType(UChar32(c));
      const bool printable = t != U_CONTROL_CHAR && t != U_FORMAT_CHAR && t != U_SURROGATE && t != U_PRIVATE_USE_CHAR &&
                             t != U_UNASSIGNED && t != U_LINE_SEPARATOR && t != U_PARAGRAPH_SEPARATOR &&
                             t != U_SPACE_SEPARATOR;
      if (printable) text::append_utf8(out, c);
      else {
        std::snprintf(hex, sizeof hex, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", unsigned(c));
        out += hex;
      }
    }
  }
  out += char(quote);
  return out;
}

// Python's repr() of a list of str.
template <class Strings>
std::string python_repr_list(const Strings& items, size_t limit = SIZE_MAX) {
  std::string out = "[";
  size_t n = 0;
  for (const std::string& x : items) {
    if (n == limit) break;
    if (n++) out += ", ";
    out += python_repr(x);
  }
  return out + "]";
}

// Python's str() of a gold argument: the name itself, or the repr of a list of alternatives.
std::string python_str(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array() && std::all_of(j.begin(), j.end(), [](const nlohmann::json& x) { return x.is_string(); }))
    return python_repr_list(j.get<std::vector<std::string>>());
  return j.dump();
}

// Python's truth value of a JSON value (score.py's r.get("hard")).
bool python_truthy(const nlohmann::json& j) {
  if (j.is_null()) return false;
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return j.get<double>() != 0;
  if (j.is_string() || j.is_array() || j.is_object()) return !j.empty();
  return true;
}

std::u32string normal(std::string_view s) {
  std::u32string out;
  bool space = false;
  for (char32_t c : text::decode_utf8(s)) {
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0640 || c == 0x0670 || (c >= 0x200C && c <= 0x200F)) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;
    if (c == 0x0649) c = 0x064A;
    if (c == 0x0629) c = 0x0647;
    if (c == '"' || c == '\'' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == '(' || c == ')') continue;
    if (python_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  // Python's str.lower().
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(out.data()), out.size());
  u.toLower();
  std::string lowered;
  u.toUTF8String(lowered);
  return text::decode_utf8(lowered);
}

Forms variants(std::string_view surface) {
  std::u32string n = normal(surface);
  Forms out{text::encode_utf8(n)};
  for (const std::u32string& c : kClitics) {
    if (n.starts_with(c) && n.size() >= c.size() + 2) {
      std::u32string rest = n.substr(c.size());
      out.insert(text::encode_utf8(rest));
      if (c == U"\u0644\u0644" || c.size() == 3) out.insert(text::encode_utf8(U"\u0627\u0644" + rest));
    }
  }
  return out;
}

std::vector<std::string> as_list(const nlohmann::json& j) {
  if (j.is_array()) return j.get<std::vector<std::string>>();
  return {j.get<std::string>()};
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a)
    if (b.count(x)) return true;
  return false;
}

struct SystemEntity {
  std::string type;
  Forms forms;
};

class DocumentScorer {
 public:
  DocumentScorer(SQLite::Database& db, const std::map<int64_t, Forms>& aliases, const nlohmann::json& doc,
                 Evaluation& out)
      : db_(db), aliases_(aliases), doc_(doc), out_(out), name_(doc.at("doc").get<std::string>()) {}

  void run() {
    load_system_entities();
    load_gold();
    score_entities();
    score_relations();
  }

 private:
  SQLite::Database& db_;
  const std::map<int64_t, Forms>& aliases_;
  const nlohmann::json& doc_;
  Evaluation& out_;
  std::string name_;
  std::map<int64_t, SystemEntity> system_;
  std::vector<int64_t> system_order_;  // as v_mentions first lists them: score.py's order of misses
  std::map<std::string, Forms> gold_forms_;
  std::map<std::string, std::string> gold_type_;
  std::vector<std::string> required_;

  void load_system_entities() {
    SQLite::Statement q(db_, "SELECT entity_id, entity_type, surface FROM v_mentions WHERE document LIKE ?");
    q.bind(1, "%" + name_);
    while (q.executeStep()) {
      int64_t id = q.getColumn(0).getInt64();
      auto [it, fresh] = system_.try_emplace(id);
      if (fresh) {
        system_order_.push_back(id);
        it->second.type = q.getColumn(1).getString();
        if (auto a = aliases_.find(id); a != aliases_.end()) it->second.forms = a->second;
      }
      Forms v = variants(q.getColumn(2).getString());
      it->second.forms.insert(v.begin(), v.end());
    }
  }

  void load_gold() {
    for (const char* key : {"entities", "optional_entities"}) {
      for (const auto& e : doc_.value(key, nlohmann::json::array())) {
        std::string name = e.at("name");
        Forms forms;
        const nlohmann::json& surfaces = e.at("surface");
        if (surfaces.is_string()) {  // Python iterates a str by its characters
          for (char32_t c : text::decode_utf8(surfaces.get<std::string>()))
            forms.insert(text::encode_utf8(normal(text::encode_utf8(std::u32string(1, c)))));
        } else {
          for (const auto& s : surfaces) forms.insert(text::encode_utf8(normal(s.get<std::string>())));
        }
        gold_forms_[name] = forms;
        gold_type_[name] = e.at("type");
        if (std::string(key) == "entities") required_.push_back(name);
      }
    }
  }

  std::set<std::string> matches(int64_t id) const {
    auto it = system_.find(id);
    const Forms* forms = nullptr;
    if (it != system_.end()) forms = &it->second.forms;
    else if (auto a = aliases_.find(id); a != aliases_.end()) forms = &a->second;
    std::set<std::string> out;
    if (!forms) return out;
    for (const auto& [g, fs] : gold_forms_)
      if (intersects(*forms, fs)) out.insert(g);
    return out;
  }

  void score_entities() {
    std::set<std::string> found, found_typed;
    size_t fp = 0, fp_typed = 0;
    for (int64_t id : system_order_) {
      const SystemEntity& e = system_.at(id);
      std::set<std::string> m = matches(id);
      if (m.empty()) {
        ++fp;
        ++fp_typed;
        out_.misses.push_back(name_ + "\tENTITY FP\t" + python_repr_list(e.forms, 3) + "\t" + e.type);
        continue;
      }
      found.insert(m.begin(), m.end());
      bool typed = false;
      for (const std::string& g : m)
        if (gold_type_[g] == e.type) {
          found_typed.insert(g);
          typed = true;
        }
      if (!typed) ++fp_typed;
    }
    size_t tp = 0, tpt = 0;
    for (const std::string& g : required_) {
      tp += found.count(g);
      tpt += found_typed.count(g);
      if (!found.count(g)) out_.misses.push_back(name_ + "\tENTITY FN\t" + g + "\t" + gold_type_[g]);
    }
    out_.entities.tp += tp;
    out_.entities.fp += fp;
    out_.entities.fn += required_.size() - tp;
    out_.entities_typed.tp += tpt;
    out_.entities_typed.fp += fp_typed;
    out_.entities_typed.fn += required_.size() - tpt;
  }

  void score_relations() {
    const auto& gold = doc_.value("relations", nlohmann::json::array());
    std::set<std::tuple<int64_t, std::string, int64_t>> triples;
    // Only what the article asserts: planned, hypothetical or negated evidence is no claim of fact.
    SQLite::Statement q(db_, "SELECT DISTINCT subject_id, predicate, object_id FROM v_evidence WHERE document LIKE ? AND " +
                                 asserted_evidence_sql("attrs"));
    q.bind(1, "%" + name_);
    while (q.executeStep()) triples.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64());
    std::set<size_t> hits;
    size_t fp = 0;
    for (const auto& [s, p, o] : triples) {
      std::set<std::string> ms = matches(s), mo = matches(o);
      bool hit = false;
      for (size_t i = 0; i < gold.size(); ++i) {
        if (gold[i].at("p") != p) continue;
        auto rs = as_list(gold[i].at("s")), ro = as_list(gold[i].at("o"));
        std::set<std::string> gs(rs.begin(), rs.end()), go(ro.begin(), ro.end());
        if ((intersects(ms, gs) && intersects(mo, go)) || (kSymmetric.count(p) && intersects(ms, go) && intersects(mo, gs))) {
          hits.insert(i);
          hit = true;
        }
      }
      if (!hit) {
        ++fp;
        out_.misses.push_back(name_ + "\tRELATION FP\t" + std::to_string(s) + ":" + python_repr_list(ms) + " " + p + " " +
                              std::to_string(o) + ":" + python_repr_list(mo));
      }
    }
    for (size_t i = 0; i < gold.size(); ++i) {
      const bool hard = gold[i].contains("hard") && python_truthy(gold[i].at("hard"));
      if (!hits.count(i)) out_.misses.push_back(name_ + "\tRELATION FN\t" + python_str(gold[i].at("s")) + " " +
                                                gold[i].at("p").get<std::string>() + " " + python_str(gold[i].at("o")) +
                                                (hard ? " (hard)" : ""));
      if (!hard) (hits.count(i) ? out_.explicit_found : out_.explicit_missed) += 1;
    }
    out_.relations.tp += hits.size();
    out_.relations.fp += fp;
    out_.relations.fn += gold.size() - hits.size();
  }
};

}  // namespace

std::string gold_normal_form(std::string_view s) { return text::encode_utf8(normal(s)); }

std::set<std::string> gold_variants(std::string_view surface) { return variants(surface); }

Evaluation evaluate(const std::filesystem::path& gold_json, SQLite::Database& db) {
  std::ifstream in(gold_json);
  if (!in) throw Error(gold_json.string() + ": cannot read the gold file");
  nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
  if (gold.is_discarded() || !gold.contains("documents")) {
    throw Error(gold_json.string() + ": not a gold file (JSON with a \"documents\" list)");
  }
  std::map<int64_t, Forms> aliases;
  SQLite::Statement q(db, "SELECT entity_id, alias FROM v_aliases");
  while (q.executeStep()) {
    Forms v = variants(q.getColumn(1).getString());
    aliases[q.getColumn(0).getInt64()].insert(v.begin(), v.end());
  }
  Evaluation out;
  try {
    for (const auto& doc : gold.at("documents")) DocumentScorer(db, aliases, doc, out).run();
  } catch (const nlohmann::json::exception& e) {
    throw Error(gold_json.string() + ": malformed gold annotation: " + e.what());
  }
  return out;
}

}  // namespace rawabit::store

#include "store/completed_names.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/entity_merge.hpp"
#include "text/decode.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace {

constexpr size_t kMaxWords = 2;  // words taken in on one side
constexpr size_t kMaxGap = 2;    // code points between two words: a space, a hyphen, or both
constexpr size_t kMinDocuments = 2;

struct Entity {
  std::string type, form;  // form: match_form() of the Arabic name
  bool found_in_text = false;  // by the tagger or the title rule
  int64_t mentions = 0, documents = 0;
};

// The matching form of a name with its hyphens read as spaces: «جان-كريستوف» is «جان كريستوف».
std::string match_form(std::string_view s) {
  std::string out;
  for (char c : text::normalize_form(s)) {
    if (c == '-') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Whether the words of `part` stand in a row among those of `whole`.
bool words_within(std::string_view part, std::string_view whole) {
  return (" " + std::string(whole) + " ").find(" " + std::string(part) + " ") != std::string::npos;
}

bool gap_char(char32_t c) { return c == ' ' || c == '-' || c == U'\u2013' || c == U'\u00A0'; }

// Where the words next to [start, end) begin (left) or end (right), nearest first: up to
// kMaxWords, each a gap of one or two spaces or hyphens away from the last.
std::vector<size_t> left_word_starts(std::u32string_view text, size_t start) {
  std::vector<size_t> out;
  size_t pos = start;
  while (out.size() < kMaxWords) {
    size_t gap = 0;
    while (pos > 0 && gap_char(text[pos - 1]) && gap <= kMaxGap) --pos, ++gap;
    if (gap == 0 || gap > kMaxGap) break;
    size_t end = pos;
    while (pos > 0 && word_char(text[pos - 1])) --pos;
    if (pos == end) break;
    out.push_back(pos);
  }
  return out;
}

std::vector<size_t> right_word_ends(std::u32string_view text, size_t end) {
  std::vector<size_t> out;
  size_t pos = end;
  while (out.size() < kMaxWords) {
    size_t gap = 0;
    while (pos < text.size() && gap_char(text[pos]) && gap <= kMaxGap) ++pos, ++gap;
    if (gap == 0 || gap > kMaxGap) break;
    size_t start = pos;
    while (pos < text.size() && word_char(text[pos])) ++pos;
    if (pos == start) break;
    out.push_back(pos);
  }
  return out;
}

// Whether every word in text[from, to) may belong to a name: a word with letters (not a tatweel
// alone), and no function word or common word. The function words hold «على», which is «علي» once
// normalized: «حكم على صالح» is no «علي صالح» (and a name is never completed with «علي»).
bool words_may_name(std::u32string_view text, size_t from, size_t to, const lexicon::Lexicon& lex) {
  size_t pos = from;
  while (pos < to) {
    while (pos < to && !word_char(text[pos])) ++pos;
    size_t start = pos;
    while (pos < to && word_char(text[pos])) ++pos;
    if (pos == start) continue;
    std::u32string_view word = text.substr(start, pos - start);
    std::string form = text::normalize_form(text::encode_utf8(word));
    if (form.empty() || lex.function_words.contains(form) || lex.common_words.contains(form))
      return false;
  }
  return true;
}

struct Mention {
  int64_t id, entity;
  size_t start, end;
};

struct Move {
  int64_t mention, from, to;
  size_t start, end;
  std::string surface;
};

class Completer {
 public:
  Completer(SQLite::Database& db, const lexicon::Lexicon& lex) : db_(db), lex_(lex) {
    load_mentions();
    load_entities();
  }

  // The moves for the mentions of every document.
  std::vector<Move> moves() {
    std::vector<Move> out;
    for (size_t first = 0; first < mentions_.size();) {
      size_t end = first;
      while (end < mentions_.size() && documents_of_[end] == documents_of_[first]) ++end;
      scan(documents_of_[first], std::span<const Mention>(mentions_).subspan(first, end - first), out);
      first = end;
    }
    return out;
  }

 private:
  // Every mention, grouped by document (the index on mentions.document_id gives them so), and
  // how many mentions and documents name each entity.
  void load_mentions() {
    SQLite::Statement q(db_, "SELECT id, document_id, entity_id, start, end FROM mentions ORDER BY document_id");
    while (q.executeStep()) {
      const int64_t document = q.getColumn(1).getInt64(), entity = q.getColumn(2).getInt64();
      mentions_.push_back({q.getColumn(0).getInt64(), entity, static_cast<size_t>(q.getColumn(3).getInt64()),
                           static_cast<size_t>(q.getColumn(4).getInt64())});
      documents_of_.push_back(document);
      Entity& e = entities_[entity];
      ++e.mentions;
      if (last_document_[entity] != document) ++e.documents;
      last_document_[entity] = document;
    }
    last_document_.clear();
  }

  void load_entities() {
    SQLite::Statement q(db_, "SELECT id, type, name_ar, origin IN ('tagger', 'title') FROM entities WHERE name_ar IS NOT NULL");
    while (q.executeStep()) {
      auto it = entities_.find(q.getColumn(0).getInt64());
      if (it == entities_.end()) continue;  // no mentions
      it->second.type = q.getColumn(1).getString();
      it->second.form = match_form(q.getColumn(2).getString());
      it->second.found_in_text = q.getColumn(3).getInt() != 0;
    }
    for (const auto& [id, e] : entities_) index(id, e.form);
    SQLite::Statement aliases(db_, "SELECT entity_id, alias FROM aliases");
    while (aliases.executeStep()) {
      int64_t id = aliases.getColumn(0).getInt64();
      if (entities_.count(id)) index(id, match_form(aliases.getColumn(1).getString()));
    }
  }

  // Records that `form` names entity `id`, where it is the best-mentioned such entity that two
  // documents or more name.
  void index(int64_t id, const std::string& form) {
    const Entity& e = entities_.at(id);
    if (form.empty() || e.type.empty() || e.documents < static_cast<int64_t>(kMinDocuments)) return;
    int64_t& best = by_form_[entity_slot(e.type, form)];
    if (best == 0 || entities_.at(best).mentions < e.mentions) best = id;
  }

  // The moves for the mentions of one document.
  void scan(int64_t document, std::span<const Mention> mentions, std::vector<Move>& moves) {
    bool any = false;
    for (const Mention& m : mentions) any = any || entities_.at(m.entity).found_in_text;
    if (!any) return;
    text_query_.bind(1, document);
    std::string raw = text_query_.executeStep() ? text_query_.getColumn(0).getString() : std::string();
    text_query_.reset();
    const std::u32string text = text::decode_utf8(raw);
    std::vector<Mention> taken(mentions.begin(), mentions.end());  // and the moves' spans, which no other may overlap
    for (const Mention& m : mentions) {
      if (!entities_.at(m.entity).found_in_text || m.end > text.size() || m.start >= m.end) continue;
      if (auto move = completion(text, m, taken)) {
        taken.push_back({m.id, move->to, move->start, move->end});
        moves.push_back(std::move(*move));
      }
    }
  }

  std::optional<Move> completion(std::u32string_view text, const Mention& m, const std::vector<Mention>& mentions) const {
    const Entity& from = entities_.at(m.entity);
    const std::vector<size_t> left = left_word_starts(text, m.start), right = right_word_ends(text, m.end);
    std::vector<std::pair<size_t, size_t>> spans;  // one word left, one right, two left, two right
    for (size_t k = 0; k < kMaxWords; ++k) {
      if (k < left.size()) spans.emplace_back(left[k], m.end);
      if (k < right.size()) spans.emplace_back(m.start, right[k]);
    }
    for (auto [start, end] : spans) {
      const std::string form = match_form(text::encode_utf8(text.substr(start, end - start)));
      auto it = by_form_.find(entity_slot(from.type, form));
      if (it == by_form_.end() || it->second == m.entity) continue;
      const Entity& to = entities_.at(it->second);
      if (to.mentions < from.mentions || words_within(to.form, from.form)) continue;
      if (covered_by_another(m, start, end, mentions)) continue;
      if (!words_may_name(text, start, m.start, lex_) || !words_may_name(text, m.end, end, lex_)) continue;
      return Move{m.id, m.entity, it->second, start, end, text::encode_utf8(text.substr(start, end - start))};
    }
    return std::nullopt;
  }

  static bool covered_by_another(const Mention& m, size_t start, size_t end, const std::vector<Mention>& mentions) {
    for (const Mention& o : mentions)
      if (o.id != m.id && o.start < end && start < o.end) return true;
    return false;
  }

  SQLite::Database& db_;
  const lexicon::Lexicon& lex_;
  std::vector<Mention> mentions_;
  std::vector<int64_t> documents_of_;  // the document of each of mentions_
  std::unordered_map<int64_t, Entity> entities_;
  std::unordered_map<int64_t, int64_t> last_document_;  // while counting documents
  std::unordered_map<std::string, int64_t> by_form_;  // entity_slot(type, form) → entity
  SQLite::Statement text_query_{db_, "SELECT text FROM documents WHERE id = ?"};
};

}  // namespace

MovedMentions complete_cut_names(SQLite::Database& db, const lexicon::Lexicon& lex) {
  const std::vector<Move> moves = Completer(db, lex).moves();
  SQLite::Statement move(db, "UPDATE mentions SET entity_id = ?, start = ?, end = ?, surface = ? WHERE id = ?");
  SQLite::Statement alias(db, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?, ?)");
  std::unordered_map<int64_t, int64_t> last_taker;  // entity that gave mentions → the entity that took its last
  for (const Move& m : moves) {
    move.bind(1, m.to);
    move.bind(2, static_cast<int64_t>(m.start));
    move.bind(3, static_cast<int64_t>(m.end));
    move.bind(4, m.surface);
    move.bind(5, m.mention);
    move.exec();
    move.reset();
    alias.bind(1, m.to);
    alias.bind(2, text::clean_name(m.surface));
    alias.exec();
    alias.reset();
    last_taker[m.from] = m.to;
  }
  MovedMentions tally{last_taker.size(), moves.size()};
  SQLite::Statement left(db, "SELECT COUNT(*) FROM mentions WHERE entity_id = ?");
  for (const auto& [from, to] : last_taker) {
    left.bind(1, from);
    left.executeStep();
    const bool empty = left.getColumn(0).getInt64() == 0;
    left.reset();
    if (empty) fold_entity_into(db, from, to);
  }
  return tally;
}

}  // namespace rawabit::store

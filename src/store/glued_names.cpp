#include "store/glued_names.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/name_spans.hpp"
#include "store/entity_merge.hpp"
#include "text/decode.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace {

constexpr size_t kMinStemLetters = 3;  // as extraction strips proclitics: «وعلي» → «علي»
constexpr size_t kContextLetters = 30;  // enough to hold the word before a mention

// Conjunction, then preposition; the longer first so that «وبنابل» may be «وب» + «نابل».
const std::array<std::string_view, 8> kProclitics = {"\u0648\u0628", "\u0648\u0644", "\u0641\u0628", "\u0641\u0644",
                                                     "\u0648",       "\u0641",       "\u0628",       "\u0644"};

struct Entity {
  int64_t id = 0;
  std::string type, form;  // form: the normalized Arabic name
  bool tagger = false;
  size_t mentions = 0;
  bool gone = false;  // deleted, its mentions given away
};

std::string_view first_word(std::string_view form) { return form.substr(0, form.find(' ')); }

std::vector<Entity> load_entities(SQLite::Database& db) {
  std::vector<Entity> out;
  SQLite::Statement q(db,
                      "SELECT e.id, e.type, e.name_ar, e.origin = 'tagger', COALESCE(c.n, 0) FROM entities e "
                      "LEFT JOIN (SELECT entity_id, COUNT(*) AS n FROM mentions GROUP BY entity_id) c "
                      "ON c.entity_id = e.id WHERE e.name_ar IS NOT NULL");
  while (q.executeStep()) {
    out.push_back(Entity{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                         text::normalize_form(q.getColumn(2).getString()), q.getColumn(3).getInt() != 0,
                         static_cast<size_t>(q.getColumn(4).getInt64())});
  }
  return out;
}

// Whether the lexicon says a name's first letter is its own, whatever other articles write.
bool lexicon_gives_first_letter(std::string_view form, const lexicon::Lexicon& lex) {
  if (lex.gazetteer.forms().find(form) || lex.own_words.contains(first_word(form))) return true;
  size_t second_end = form.find(' ', first_word(form).size() + 1);
  return form.find(' ') != std::string_view::npos && lex.own_first_letter.contains(form.substr(0, second_end));
}

// The entity a glued name belongs to: the best-mentioned one of its type named by what follows a
// proclitic, with at least as many mentions; nullptr if none.
const Entity* bare_entity(const Entity& glued, const std::unordered_map<std::string, Entity*>& by_slot,
                          std::string_view* proclitic) {
  const Entity* best = nullptr;
  for (std::string_view p : kProclitics) {
    if (!glued.form.starts_with(p)) continue;
    std::string_view rest = std::string_view(glued.form).substr(p.size());
    // A short stem must be vouched for by the name's next word: «لدي سي كوميكس», not «لدي».
    std::string_view word = first_word(rest);
    if (word.size() == rest.size() && text::code_points(word) < kMinStemLetters && !extract::is_link(word)) continue;
    auto it = by_slot.find(entity_slot(glued.type, rest));
    if (it == by_slot.end() || it->second->gone || it->second->id == glued.id || it->second->mentions < glued.mentions)
      continue;
    if (!best || it->second->mentions > best->mentions) {
      best = it->second;
      *proclitic = p;
    }
  }
  return best;
}

// The normalized word right before a mention, over white space and opening quotes or brackets
// («ولاية "بسكرة"»); empty when other punctuation or nothing stands there.
std::string word_before(std::string_view context) {
  std::vector<std::pair<char32_t, size_t>> cps;  // code point, byte offset
  for (size_t i = 0; i < context.size();) {
    size_t at = i;
    cps.emplace_back(text::next_code_point(context, i), at);
  }
  size_t k = cps.size();
  while (k > 0) {
    char32_t cp = cps[k - 1].first;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == U'\u00A0' || cp == '"' || cp == '(' || cp == U'\u00AB' ||
        cp == U'\u201C')
      --k;
    else
      break;
  }
  size_t end = k;
  while (k > 0 && word_char(cps[k - 1].first)) --k;
  if (k == end) return {};
  size_t from = cps[k].second, to = end < cps.size() ? cps[end].second : context.size();
  return text::normalize_form(context.substr(from, to - from));
}

// The code points and bytes of `proclitic` at the start of a surface, with the diacritics and
// tatweel after each letter; {0, 0} when the surface does not begin with it or is nothing more.
std::pair<size_t, size_t> proclitic_length(std::string_view surface, std::string_view proclitic) {
  size_t i = 0, letters = 0;
  for (size_t p = 0; p < proclitic.size();) {
    if (i >= surface.size() || text::next_code_point(surface, i) != text::next_code_point(proclitic, p)) return {0, 0};
    ++letters;
    while (i < surface.size()) {
      size_t next = i;
      if (!text::is_dropped_mark(text::next_code_point(surface, next))) break;
      i = next;
      ++letters;
    }
  }
  return i < surface.size() ? std::pair{letters, i} : std::pair<size_t, size_t>{0, 0};
}

// Moves the mentions of `glued` past its proclitic onto `bare`; returns how many moved and
// whether any stayed.
std::pair<size_t, bool> move_mentions(SQLite::Database& db, const Entity& glued, const Entity& bare,
                                      std::string_view proclitic, const lexicon::Lexicon& lex) {
  SQLite::Statement mentions(db,
                             "SELECT m.id, m.start, m.surface, substr(d.text, max(m.start - ? + 1, 1), min(m.start, ?)) "
                             "FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ?");
  mentions.bind(1, static_cast<int64_t>(kContextLetters));
  mentions.bind(2, static_cast<int64_t>(kContextLetters));
  mentions.bind(3, glued.id);
  SQLite::Statement move(db, "UPDATE mentions SET entity_id = ?, start = start + ?, surface = ? WHERE id = ?");
  SQLite::Statement alias(db, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?, ?)");
  size_t moved = 0;
  bool stayed = false;
  while (mentions.executeStep()) {
    std::string surface = mentions.getColumn(2).getString();
    std::string before = word_before(mentions.getColumn(3).getString());
    // A shorter mention («جيركوف» after «ويوري جيركوف») carries no proclitic and moves as it is.
    auto [letters, bytes] = proclitic_length(surface, proclitic);
    if (letters > 0 && lex.construct_heads.contains(before)) {
      stayed = true;
      continue;
    }
    std::string rest = surface.substr(bytes);
    move.bind(1, bare.id);
    move.bind(2, static_cast<int64_t>(letters));
    move.bind(3, rest);
    move.bind(4, mentions.getColumn(0).getInt64());
    move.exec();
    move.reset();
    alias.bind(1, bare.id);
    alias.bind(2, text::clean_name(rest));
    alias.exec();
    alias.reset();
    ++moved;
  }
  return {moved, stayed};
}

}  // namespace

MovedMentions rejoin_glued_names(SQLite::Database& db, const lexicon::Lexicon& lex) {
  std::vector<Entity> entities = load_entities(db);
  std::unordered_map<std::string, Entity*> by_slot;
  for (Entity& e : entities) {
    Entity*& slot = by_slot[entity_slot(e.type, e.form)];
    if (!slot || e.mentions > slot->mentions) slot = &e;
  }
  MovedMentions tally;
  for (Entity& glued : entities) {
    if (!glued.tagger || glued.mentions == 0 || lexicon_gives_first_letter(glued.form, lex)) continue;
    std::string_view proclitic;
    const Entity* bare = bare_entity(glued, by_slot, &proclitic);
    if (!bare) continue;
    auto [moved, stayed] = move_mentions(db, glued, *bare, proclitic, lex);
    if (moved == 0) continue;
    ++tally.entities;
    tally.mentions += moved;
    if (!stayed) {
      fold_entity_into(db, glued.id, bare->id);
      glued.gone = true;
    }
  }
  return tally;
}

}  // namespace rawabit::store

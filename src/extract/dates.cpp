#include "extract/dates.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "lexicon/tsv.hpp"

namespace rawabit::extract {

namespace {

using Kind = DateWordKind;

constexpr int kMinYear = 1900, kMaxYear = 2100;

// ---- The proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days).

struct Ymd {
  int y = 0, m = 0, d = 0;  // 0: not known (a year alone, a year and month, or nothing)
};

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday.
int iso_weekday(int64_t days) { return static_cast<int>(((days % 7 + 7) % 7 + 3) % 7 + 1); }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// The day of weekday `wanted` nearest `today`: at or before it; with a direction, strictly
// before (-1) or strictly after (+1).
int64_t weekday_near(int64_t today, int wanted, std::optional<int> direction) {
  const int now = iso_weekday(today);
  if (direction && *direction > 0) {
    int ahead = (wanted - now + 7) % 7;
    return today + (ahead ? ahead : 7);
  }
  int back = (now - wanted + 7) % 7;
  return today - (back == 0 && direction && *direction < 0 ? 7 : back);
}

bool plausible_year(int y) { return y >= kMinYear && y <= kMaxYear; }

std::string to_iso(const Ymd& date) {
  char buf[16];
  if (date.d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.y, date.m, date.d);
  else if (date.m) std::snprintf(buf, sizeof buf, "%04d-%02d", date.y, date.m);
  else std::snprintf(buf, sizeof buf, "%04d", date.y);
  return buf;
}

// The whole of `s` as a decimal integer, or nullopt.
std::optional<int> to_int(std::string_view s) { return lexicon::parse_number<int>(s); }

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a time may follow); anything else is unknown ({}).
Ymd parse_article_date(std::string_view s) {
  auto field = [&](size_t at, size_t len) { return at + len <= s.size() ? to_int(s.substr(at, len)) : std::nullopt; };
  auto y = field(0, 4);
  if (!y || !plausible_year(*y)) return {};
  if (s.size() == 4 || s[4] != '-') return {*y};
  auto m = field(5, 2);
  if (!m || *m < 1 || *m > 12) return {*y};
  if (s.size() == 7 || s[7] != '-') return {*y, *m};
  auto d = field(8, 2);
  if (!d || *d < 1 || *d > days_in_month(*y, *m)) return {*y, *m};
  return {*y, *m, *d};
}

// ---- Loading.

struct KindSpec {
  std::string_view name;
  Kind kind;
  int min, max;  // the value's range; min > max: the kind takes no value
};

constexpr KindSpec kKinds[] = {
    {"month", Kind::Month, 1, 12},          {"weekday", Kind::Weekday, 1, 7},
    {"cued_weekday", Kind::CuedWeekday, 1, 7}, {"ordinal", Kind::Ordinal, 1, 31},
    {"year_word", Kind::YearWord, 1, 0},    {"month_word", Kind::MonthWord, 1, 0},
    {"week_word", Kind::WeekWord, 1, 0},    {"this", Kind::This, 1, 0},
    {"intro", Kind::Intro, 1, 0},           {"until", Kind::Until, 1, 0},
    {"to", Kind::To, 1, 0},                 {"of", Kind::Of, 1, 0},
    {"day_word", Kind::DayWord, 1, 0},      {"day_link", Kind::DayLink, 1, 0},
    {"relative_day", Kind::RelativeDay, -7, 7}, {"direction", Kind::Direction, -1, 1},
    {"not_date", Kind::NotDate, 1, 0},
};

DateReader::Word parse_word(const lexicon::TsvLine& line) {
  line.expect_fields(2, 3);
  for (const KindSpec& spec : kKinds) {
    if (spec.name != line.fields[1]) continue;
    bool takes_value = spec.min <= spec.max;
    if (!takes_value) {
      if (line.fields.size() == 3 && !line.fields[2].empty()) line.fail("kind «" + std::string(spec.name) + "» takes no value");
      return {spec.kind, 0};
    }
    auto v = line.fields.size() == 3 ? to_int(line.fields[2]) : std::nullopt;
    if (!v || *v < spec.min || *v > spec.max) {
      line.fail("kind «" + std::string(spec.name) + "» needs a value from " + std::to_string(spec.min) + " to " +
                std::to_string(spec.max));
    }
    return {spec.kind, static_cast<int8_t>(*v)};
  }
  line.fail("unknown kind");
}

// Months, weekdays and ordinals take only a conjunction (و ف) as proclitic: with a preposition,
// short names become other words («باب» is not ب + آب).
bool takes_preposition(Kind k) {
  return k == Kind::YearWord || k == Kind::MonthWord || k == Kind::WeekWord || k == Kind::Intro || k == Kind::DayWord;
}

bool conjunctions_only(std::string_view prefix) {
  static constexpr std::string_view kWaw = "\u0648", kFa = "\u0641";
  while (!prefix.empty()) {
    if (prefix.starts_with(kWaw)) prefix.remove_prefix(kWaw.size());
    else if (prefix.starts_with(kFa)) prefix.remove_prefix(kFa.size());
    else return false;
  }
  return true;
}

// ---- A sentence as a sequence of items: date words (possibly several tokens), numbers,
// punctuation and other words.

enum class ItemType : uint8_t { Other, Number, Punct, DateWord };

struct Item {
  ItemType type;
  Kind kind;                      // a DateWord's kind (unused otherwise)
  int value;                      // a DateWord's value; a Number's if it is a plain ≤4-digit number, else -1
  uint32_t first, end;            // its tokens
  std::string_view text;          // the normalized text of a Number or Punct
  uint32_t begin_byte, end_byte;  // its normalized byte span
};

// Reads the date expressions of one sentence, left to right.
class SentenceParser {
 public:
  SentenceParser(const std::vector<Item>& items, Ymd anchor, std::vector<DateMention>& out)
      : items_(items), anchor_(anchor), out_(out) {}

  void run() {
    for (size_t i = 0; i < items_.size();) i = parse_at(i).value_or(i + 1);
  }

 private:
  const std::vector<Item>& items_;
  Ymd anchor_;
  std::vector<DateMention>& out_;

  // What was recognized: the date (y == 0 when it cannot be resolved) and the item after it.
  struct Parsed {
    Ymd date;
    size_t end;
  };

  bool full_anchor() const { return anchor_.d != 0; }
  int64_t anchor_days() const { return days_from_civil(anchor_.y, anchor_.m, anchor_.d); }

  bool is(size_t i, Kind k) const { return i < items_.size() && items_[i].type == ItemType::DateWord && items_[i].kind == k; }
  bool is_punct(size_t i, std::string_view p) const {
    return i < items_.size() && items_[i].type == ItemType::Punct && items_[i].text == p;
  }
  bool is_number(size_t i) const { return i < items_.size() && items_[i].type == ItemType::Number && items_[i].value >= 0; }
  // Items i and j written with nothing between them.
  bool touching(size_t i, size_t j) const { return j < items_.size() && items_[i].end_byte == items_[j].begin_byte; }

  std::optional<int> year_at(size_t i) const {
    if (!is_number(i) || items_[i].text.size() != 4 || !plausible_year(items_[i].value)) return std::nullopt;
    return items_[i].value;
  }
  std::optional<int> direction_at(size_t i) const {
    return is(i, Kind::Direction) ? std::optional<int>(items_[i].value) : std::nullopt;
  }

  void emit(size_t first_item, size_t end_item, const Ymd& date) {
    if (date.y == 0) return;
    out_.push_back({items_[first_item].first, items_[end_item - 1].end, to_iso(date)});
  }
  std::optional<size_t> emit(size_t first_item, const std::optional<Parsed>& p) {
    if (!p) return std::nullopt;
    emit(first_item, p->end, p->date);
    return p->end;
  }

  std::optional<size_t> parse_at(size_t i) {
    if (is(i, Kind::NotDate)) return i + 1;
    if (auto end = emit(i, numeric_date(i))) return end;
    if (auto end = emit(i, weekday(i))) return end;
    if (auto end = emit(i, day_month(i))) return end;
    if (auto end = emit(i, cued_month(i))) return end;
    if (auto end = year_word(i)) return end;
    if (auto end = bare_year(i)) return end;
    if (auto end = emit(i, relative_unit(i))) return end;
    return emit(i, relative_day(i));
  }

  // «2022/12/19», «19/12/2022», «19-12-2022», «19.12.2022» (one number token).
  std::optional<Parsed> numeric_date(size_t i) const {
    if (i >= items_.size() || items_[i].type != ItemType::Number) return std::nullopt;
    if (std::string_view t = items_[i].text; std::count(t.begin(), t.end(), '.') == 2) {
      size_t p = t.find('.'), q = t.rfind('.');
      auto date = numeric_ymd(t.substr(0, p), t.substr(p + 1, q - p - 1), t.substr(q + 1));
      return date ? std::optional<Parsed>({*date, i + 1}) : std::nullopt;
    }
    for (std::string_view sep : {"/", "-"}) {
      bool chain = is_punct(i + 1, sep) && is_number(i + 2) && is_punct(i + 3, sep) && is_number(i + 4) &&
                   touching(i, i + 1) && touching(i + 1, i + 2) && touching(i + 2, i + 3) && touching(i + 3, i + 4);
      if (!chain) continue;
      // Part of a longer chain (a telephone number, a code): no date.
      if (i > 0 && is_punct(i - 1, sep) && touching(i - 1, i)) return std::nullopt;
      if (is_punct(i + 5, sep) && touching(i + 4, i + 5)) return std::nullopt;
      auto date = numeric_ymd(items_[i].text, items_[i + 2].text, items_[i + 4].text);
      return date ? std::optional<Parsed>({*date, i + 5}) : std::nullopt;
    }
    return std::nullopt;
  }

  // Three numbers as written: year first (2022/12/19) or day first (19/12/2022).
  static std::optional<Ymd> numeric_ymd(std::string_view a, std::string_view b, std::string_view c) {
    if (b.size() > 2) return std::nullopt;
    const bool year_first = a.size() == 4 && c.size() <= 2, day_first = c.size() == 4 && a.size() <= 2;
    if (!year_first && !day_first) return std::nullopt;
    auto y = to_int(year_first ? a : c), m = to_int(b), d = to_int(year_first ? c : a);
    if (!y || !m || !d || !plausible_year(*y) || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) {
      return std::nullopt;
    }
    return Ymd{*y, *m, *d};
  }

  // The year of a month named without one: the most recent such month not after the article's
  // month; with a direction word, strictly before (-1), strictly after (+1) or this year (0).
  int year_of_month(int month, std::optional<int> direction) const {
    if (!anchor_.m) return 0;
    const int y = anchor_.y, now = anchor_.m;
    if (!direction) return now >= month ? y : y - 1;
    if (*direction < 0) return now > month ? y : y - 1;
    if (*direction > 0) return now < month ? y : y + 1;
    return y;
  }

  // A month name at i, its alternative name («مارس/آذار», «يناير (كانون الثاني)») and its year.
  struct MonthExpr {
    Ymd date;  // y == 0 when the year cannot be resolved
    size_t end;
    bool cued;  // an alternative name, a year or a direction word follows
  };
  std::optional<MonthExpr> month_expr(size_t i) const {
    if (!is(i, Kind::Month)) return std::nullopt;
    const int month = items_[i].value;
    auto same_month = [&](size_t j) { return is(j, Kind::Month) && items_[j].value == month; };
    size_t j = i + 1;
    bool cued = false;
    if (is_punct(j, "/") && same_month(j + 1)) j += 2, cued = true;
    else if (is_punct(j, "(") && same_month(j + 1) && is_punct(j + 2, ")")) j += 3, cued = true;
    else if (same_month(j)) j += 1, cued = true;  // «مارس آذار»

    if (auto y = year_at(j)) return MonthExpr{{*y, month}, j + 1, true};
    if (auto y = year_at(j + 1); y && is_punct(j, "/")) return MonthExpr{{*y, month}, j + 2, true};  // «مارس/2015»
    size_t k = is(j, Kind::Of) ? j + 1 : j;  // «يناير من عام 2022»
    if (auto y = year_at(k + 1); y && is(k, Kind::YearWord)) return MonthExpr{{*y, month}, k + 2, true};
    if (auto r = relative_year(k)) return MonthExpr{{r->date.y, month}, r->end, true};  // «من العام الماضي»
    if (auto dir = direction_at(j)) return MonthExpr{{year_of_month(month, dir), month}, j + 1, true};
    return MonthExpr{{year_of_month(month, std::nullopt), month}, j, cued};
  }

  // A day of the month: «5», «العاشر». An ordinal after another noun qualifies it instead
  // («الأسبوع الأول من مارس» is a week, not the first of March).
  std::optional<int> day_at(size_t i) const {
    if (is(i, Kind::Ordinal)) return starts_phrase(i) ? std::optional<int>(items_[i].value) : std::nullopt;
    if (is_number(i) && items_[i].text.size() <= 2 && items_[i].value >= 1 && items_[i].value <= 31) return items_[i].value;
    return std::nullopt;
  }

  bool starts_phrase(size_t i) const {
    if (i == 0 || items_[i - 1].type == ItemType::Punct) return true;
    if (items_[i - 1].type != ItemType::DateWord) return false;
    switch (items_[i - 1].kind) {
      case Kind::Intro: case Kind::Until: case Kind::To: case Kind::Of: case Kind::DayWord: case Kind::DayLink:
      case Kind::Weekday: case Kind::CuedWeekday: case Kind::RelativeDay:
        return true;
      default:
        return false;
    }
  }

  // «5 يناير 2022», «العاشر من أكتوبر».
  std::optional<Parsed> day_month(size_t i) const {
    auto day = day_at(i);
    if (!day) return std::nullopt;
    size_t j = is(i + 1, Kind::Of) ? i + 2 : i + 1;
    auto mx = month_expr(j);
    auto month = mx ? std::optional<Parsed>({mx->date, mx->end}) : relative_month(j);  // «22 من الشهر الجاري»
    if (!month) return std::nullopt;
    Ymd date = month->date;
    if (date.y && *day > days_in_month(date.y, date.m)) return std::nullopt;
    date.d = date.y ? *day : 0;
    return Parsed{date, month->end};
  }

  // A month name with a cue before or after it. «من» is a cue only before a range («من يناير إلى
  // مارس»): it is also «who» («من مارس الضغط») and «of» («من أب تشادي»).
  std::optional<Parsed> cued_month(size_t i) const {
    auto mx = month_expr(i);
    if (!mx) return std::nullopt;
    bool range = (is(mx->end, Kind::To) || is(mx->end, Kind::Until)) && is(mx->end + 1, Kind::Month);
    bool cue_before = i > 0 && (is(i - 1, Kind::Intro) || is(i - 1, Kind::Until) || is(i - 1, Kind::To) ||
                                (is(i - 1, Kind::Of) && range));
    if (!mx->cued && !cue_before) return std::nullopt;
    return Parsed{mx->date, mx->end};
  }

  // «يوم الاثنين», «الثلاثاء الماضي», «الاثنين 19 ديسمبر 2022».
  std::optional<Parsed> weekday(size_t i) const {
    const bool day_word = is(i, Kind::DayWord);
    const size_t w = day_word ? i + 1 : i;
    if (!is(w, Kind::Weekday) && !is(w, Kind::CuedWeekday)) return std::nullopt;
    size_t after = w + 1;
    if (is_punct(after, ",") || is_punct(after, "\u060C") || is(after, Kind::DayLink)) ++after;
    if (auto explicit_date = day_month(after)) return explicit_date;

    auto dir = direction_at(w + 1);
    if (!day_word && !dir && is(w, Kind::CuedWeekday)) return std::nullopt;
    const size_t end = dir ? w + 2 : w + 1;
    if (!full_anchor()) return Parsed{{}, end};
    return Parsed{civil_from_days(weekday_near(anchor_days(), items_[w].value, dir)), end};
  }

  // «عام 2006», «بين عامي 2014 و2022».
  std::optional<size_t> year_word(size_t i) {
    auto y = year_at(i + 1);
    if (!y || !is(i, Kind::YearWord)) return std::nullopt;
    emit(i, i + 2, Ymd{*y});
    return more_years(i + 2);
  }

  // «في 2019», «منتصف 2021», «من 2014 إلى 2022».
  std::optional<size_t> bare_year(size_t i) {
    auto y = year_at(i);
    if (!y || i == 0) return std::nullopt;
    const bool cue = is(i - 1, Kind::Intro) || is(i - 1, Kind::Until) || (is(i - 1, Kind::Of) && range_follows(i + 1));
    if (!cue) return std::nullopt;
    emit(i, i + 1, Ymd{*y});
    return more_years(i + 1);
  }

  // The next year of a range starting at item j: «و2022», «إلى عام 2022», «-2022»; its first item
  // and end.
  std::optional<std::pair<size_t, size_t>> range_year(size_t j) const {
    if (!is(j, Kind::To) && !is(j, Kind::Until) && !is_punct(j, "-")) return std::nullopt;
    size_t k = is(j + 1, Kind::YearWord) ? j + 2 : j + 1;
    if (!year_at(k)) return std::nullopt;
    return std::pair{j + 1, k + 1};
  }
  bool range_follows(size_t j) const { return range_year(j).has_value(); }
  size_t more_years(size_t j) {
    while (auto r = range_year(j)) {
      emit(r->first, r->second, Ymd{items_[r->second - 1].value});
      j = r->second;
    }
    return j;
  }

  // A year, month or week word with a direction word after it or «هذا» before it: its kind, the
  // direction and the item after it.
  struct Relative {
    Kind unit;
    int direction;
    size_t end;
  };
  std::optional<Relative> relative(size_t i) const {
    auto unit = [&](size_t k) { return is(k, Kind::YearWord) || is(k, Kind::MonthWord) || is(k, Kind::WeekWord); };
    if (is(i, Kind::This) && unit(i + 1)) return Relative{items_[i + 1].kind, 0, i + 2};
    if (auto dir = direction_at(i + 1); dir && unit(i)) return Relative{items_[i].kind, *dir, i + 2};
    return std::nullopt;
  }

  // «العام الماضي», «هذا العام».
  std::optional<Parsed> relative_year(size_t i) const {
    auto r = relative(i);
    if (!r || r->unit != Kind::YearWord) return std::nullopt;
    return Parsed{{full_anchor() ? anchor_.y + r->direction : 0}, r->end};
  }

  // «الشهر الماضي», «هذا الشهر».
  std::optional<Parsed> relative_month(size_t i) const {
    auto r = relative(i);
    if (!r || r->unit != Kind::MonthWord) return std::nullopt;
    if (!full_anchor()) return Parsed{{}, r->end};
    const int months = anchor_.y * 12 + (anchor_.m - 1) + r->direction;
    return Parsed{{months / 12, months % 12 + 1}, r->end};
  }

  // Relative years and months; «الأسبوع الماضي» is read and dropped (no precise date).
  std::optional<Parsed> relative_unit(size_t i) const {
    if (auto year = relative_year(i)) return year;
    if (auto month = relative_month(i)) return month;
    if (auto week = relative(i)) return Parsed{{}, week->end};
    return std::nullopt;
  }

  // «أمس», «اليوم», «أول أمس»; a weekday after it names the same day («اليوم الجمعة»); before
  // an ordinal, «اليوم» is «the day» («اليوم التاسع من مارس», «اليوم الأول من الحرب»).
  std::optional<Parsed> relative_day(size_t i) const {
    if (!is(i, Kind::RelativeDay)) return std::nullopt;
    if (is(i + 1, Kind::Ordinal)) return Parsed{{}, i + 1};
    const size_t end = is(i + 1, Kind::Weekday) || is(i + 1, Kind::CuedWeekday) ? i + 2 : i + 1;
    if (!full_anchor()) return Parsed{{}, end};
    return Parsed{civil_from_days(anchor_days() + items_[i].value), end};
  }
};

}  // namespace

DateReader DateReader::load(const std::filesystem::path& dates_tsv) {
  DateReader reader;
  lexicon::read_tsv(dates_tsv, [&](const lexicon::TsvLine& line) {
    Word word = parse_word(line);
    std::optional<uint32_t> existing;
    if (!reader.phrases_.add(line.fields[0], static_cast<uint32_t>(reader.words_.size()), &existing)) {
      line.fail("empty form");
    }
    if (!existing) {
      reader.words_.push_back(word);
    } else if (const Word& was = reader.words_[*existing]; was.kind != word.kind || was.value != word.value) {
      line.fail("the form is listed earlier with another meaning");
    }
  });
  return reader;
}

std::vector<DateMention> DateReader::find(const text::Document& doc, const text::Sentence& s,
                                          std::string_view article_date) const {
  std::vector<Item> items;
  items.reserve(s.end_token - s.first_token);
  for (uint32_t t = s.first_token; t < s.end_token;) {
    const text::Token& tok = doc.tokens[t];
    Item item{ItemType::Other, Kind::NotDate, -1, t, t + 1, doc.word(t), tok.begin, tok.end};
    if (tok.kind == text::TokenKind::Number) {
      item.type = ItemType::Number;
      item.value = item.text.size() <= 4 ? to_int(item.text).value_or(-1) : -1;
    } else if (tok.kind == text::TokenKind::Punct) {
      item.type = ItemType::Punct;
    } else if (auto m = phrases_.longest_at(doc, t, s.end_token)) {
      const Word& w = words_[m->value];
      if (takes_preposition(w.kind) || conjunctions_only(doc.word(t).substr(0, m->stem_offset))) {
        item = {ItemType::DateWord, w.kind, w.value, t, static_cast<uint32_t>(m->end_token), {}, tok.begin,
                doc.tokens[m->end_token - 1].end};
      }
    }
    items.push_back(item);
    t = item.end;
  }
  std::vector<DateMention> out;
  SentenceParser(items, parse_article_date(article_date), out).run();
  return out;
}

}  // namespace rawabit::extract

#include "extract/tagger_features.hpp"

#include <algorithm>
#include <optional>
#include <span>

#include "extract/tagger_hashmap.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace rawabit::extract::ner {

namespace {

// Feature templates. The numbers are part of the model format: append, never renumber.
// clang-format off
enum Template : uint8_t {
  kBias = 1,
  kWord, kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevBigram, kNextBigram,
  kStem, kPrevCore, kNextCore, kBareCore,
  kPrefix, kSuffix, kCorePrefix, kPrevSuffix, kNextSuffix,
  kShape, kShapeLength, kShapeWindow,
  kNisba, kPrevNisba, kNextNisba, kHasArticle,
  kTrigger, kPrevTrigger, kPrev2Trigger, kNextTrigger,
  kGazRole, kGazTag, kPrevGazTag, kNextGazTag, kGazTagWord,
  kFrequency, kCoreFrequency, kArticleShare, kCoreArticleShare, kLeftContext, kRightContext, kCoreLeftContext,
  kCoreRightContext, kUnknownWord, kTaggedShare, kCoreTaggedShare, kPrevTaggedShare, kNextTaggedShare,
};
// clang-format on

enum ShapeBit : uint8_t { kDigit = 1, kLatin = 2, kArabic = 4, kOtherLetter = 8, kSymbol = 16 };

enum TriggerBit : uint8_t { kTitle = 1, kPlaceNoun = 2, kOrgNoun = 4 };

// Words that announce a name after them: titles and offices before a person, nouns before a
// place or an organization. Written in ordinary Arabic; normalized when the table is built.
constexpr std::string_view kTitles[] = {
    "الرئيس", "رئيس",    "رئيسة",  "وزير",      "الوزير",   "وزيرة",   "الناطق",  "المتحدث",    "المتحدثة",
    "السيد",  "السيدة",  "الشيخ",  "الملك",     "الملكة",   "الأمير",  "الأميرة", "الزعيم",     "زعيم",
    "القائد", "قائد",    "نائب",   "النائب",    "المستشار", "مستشار",  "السفير",  "سفير",       "المبعوث",
    "مبعوث",  "الجنرال", "العقيد", "اللواء",    "العميد",   "الدكتور", "د",       "البروفيسور", "المدير",
    "مدير",   "الأمين",  "الحاكم", "حاكم",      "البابا",   "الإمام",  "المرشح",  "الكاتب",     "الصحفي",
    "المفكر", "الشاعر",  "الفنان", "المطرب",    "المطربة",  "الممثل",  "الممثلة", "المخرج",     "اللاعب",
    "لاعب",   "المدرب",  "مدرب",   "المستشارة", "الرئيسة",  "المندوب", "مندوب",   "المفوض",
};
constexpr std::string_view kPlaceNouns[] = {
    "مدينة", "المدينة", "العاصمة", "عاصمة",   "ولاية", "منطقة", "جزيرة", "جزر",  "نهر",  "بحر",   "محافظة",
    "إقليم", "جبل",     "جبال",    "قرية",    "بلدة",  "مطار",  "ميناء", "شمال", "جنوب", "شرق",   "غرب",
    "وسط",   "ضواحي",   "دولة",    "جمهورية", "مملكة", "إمارة", "شبه",   "خليج", "مضيق", "قاعدة", "سواحل",
};
constexpr std::string_view kOrgNouns[] = {
    "شركة",   "وكالة", "منظمة", "حزب",   "حركة", "جامعة", "مجلس",   "وزارة", "اتحاد", "بنك",     "مصرف",
    "جمعية",  "مؤسسة", "جبهة",  "صحيفة", "قناة", "هيئة",  "لجنة",   "نادي",  "فريق",  "معهد",    "مركز",
    "مجموعة", "تحالف", "منتخب", "جيش",   "قوات", "محكمة", "برلمان", "مجلة",  "إذاعة", "تلفزيون",
};

// Normalized trigger word hash → TriggerBit set.
const HashMap<uint8_t>& trigger_table() {
  static const HashMap<uint8_t> table = [] {
    HashMap<uint8_t> t;
    auto add = [&t](std::span<const std::string_view> words, TriggerBit bit) {
      for (std::string_view w : words) t[hash_of(text::normalize_form(w))] |= bit;
    };
    add(kTitles, kTitle);
    add(kPlaceNouns, kPlaceNoun);
    add(kOrgNouns, kOrgNoun);
    return t;
  }();
  return table;
}

uint8_t shape_of(std::string_view word) {
  uint8_t shape = 0;
  for (size_t i = 0; i < word.size();) {
    char32_t cp = text::next_code_point(word, i);
    if (cp >= '0' && cp <= '9') {
      shape |= kDigit;
    } else if (cp >= 'a' && cp <= 'z') {
      shape |= kLatin;
    } else if (text::is_letter(cp)) {
      shape |= (cp >= 0x0600 && cp <= 0x06FF) ? kArabic : kOtherLetter;
    } else {
      shape |= kSymbol;
    }
  }
  return shape;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The nisba ending of a (normalized) stem: 1 ي, 2 يه (ية), 3 يون, 4 يين, or 0. Stems of three
// letters or fewer are not counted (في، علي).
uint8_t nisba_of(const Stem& stem) {
  constexpr std::string_view kEndings[] = {"\u064a\u064a\u0646", "\u064a\u0648\u0646", "\u064a\u0647", "\u064a"};
  constexpr uint8_t kKinds[] = {4, 3, 2, 1};
  if (code_points(stem.rest) + (stem.article ? 2 : 0) <= 3) return 0;
  for (size_t k = 0; k < std::size(kEndings); ++k) {
    if (ends_with(stem.rest, kEndings[k])) return kKinds[k];
  }
  return 0;
}

constexpr std::string_view kArticle = "\u0627\u0644";  // ال

bool has_article(const Stem& s) { return s.article || s.rest.substr(0, kArticle.size()) == kArticle; }

// The shortest stem without its article, when at least two letters remain (الفرنسي → فرنسي).
std::optional<std::string_view> bare_core(const Stem& s) {
  std::string_view rest;
  if (s.article) {
    rest = s.rest;
  } else if (s.rest.substr(0, kArticle.size()) == kArticle) {
    rest = s.rest.substr(kArticle.size());
  }
  if (code_points(rest) < 2) return std::nullopt;
  return rest;
}

}  // namespace

FeatureExtractor::FeatureExtractor(const FeatureResources& resources, unsigned hash_bits)
    : names_(resources.names), stats_(resources.stats), hash_bits_(hash_bits) {}

void FeatureExtractor::extract(std::span<const std::string_view> words, SentenceFeatures& out) {
  describe(words);
  out.clear(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    word_features(i, out);
    out.end_word();
  }
}

void FeatureExtractor::describe(std::span<const std::string_view> words) {
  const auto& triggers = trigger_table();
  info_.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    WordInfo& w = info_[i];
    w = WordInfo{};
    w.word = words[i];
    w.stems = stem_reader_.read(words[i]);
    for (size_t k = 0; k < w.stems.count; ++k) w.stem_hash[k] = hash_of(w.stems.items[k]);
    w.core_hash = w.stem_hash[w.stems.count - 1];
    w.shape = shape_of(words[i]);
    w.length = static_cast<uint8_t>(std::min<size_t>(code_points(words[i]), 10));
    w.nisba = nisba_of(w.stems.shortest());
    for (size_t k = 0; k < w.stems.count; ++k) {
      if (const uint8_t* bits = triggers.find(w.stem_hash[k])) w.trigger |= *bits;
      if (!names_.empty()) w.gaz_roles |= names_.word_roles(w.stem_hash[k]);
    }
    stats_.prefetch(w.stem_hash[0]);
    stats_.prefetch(w.core_hash);
  }
  // A second pass, so that the table's cache misses overlap.
  for (WordInfo& w : info_) {
    if (stats_.empty()) break;
    w.stats = stats_.find(w.stem_hash[0]);
    if (w.stems.count > 1) w.core_stats = stats_.find(w.core_hash);
  }
  if (!names_.empty()) mark_name_matches(words);
}

void FeatureExtractor::mark_name_matches(std::span<const std::string_view> words) {
  for (size_t i = 0; i < words.size();) {
    std::optional<NameMatch> match = names_.longest_match(words, i, info_[i].stems);
    if (!match) {
      ++i;
      continue;
    }
    info_[i].gaz_tag = begin_tag(match->type);
    for (size_t j = i + 1; j < match->end; ++j) info_[j].gaz_tag = inside_tag(match->type);
    i = match->end;
  }
}

const FeatureExtractor::WordInfo& FeatureExtractor::at(size_t i, int offset) const {
  auto boundary = [](std::string_view form) {
    WordInfo w;
    w.word = form;
    w.stems.items[0] = {false, form};
    w.stems.count = 1;
    w.stem_hash[0] = w.core_hash = hash_of(form);
    return w;
  };
  static const WordInfo kBefore = boundary("<s>"), kAfter = boundary("</s>");
  auto j = static_cast<ptrdiff_t>(i) + offset;
  if (j < 0) return kBefore;
  if (j >= static_cast<ptrdiff_t>(info_.size())) return kAfter;
  return info_[static_cast<size_t>(j)];
}

void FeatureExtractor::word_features(size_t i, SentenceFeatures& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
    out.add(feature_row(hash_bits_, templ, a, b, c));
  };
  const WordInfo &w = at(i, 0), &prev = at(i, -1), &next = at(i, 1), &prev2 = at(i, -2), &next2 = at(i, 2);
  const Stem& core = w.stems.shortest();
  const uint64_t word = w.stem_hash[0];

  emit(kBias);
  emit(kWord, word);
  emit(kPrevWord, prev.stem_hash[0]);
  emit(kNextWord, next.stem_hash[0]);
  emit(kPrev2Word, prev2.stem_hash[0]);
  emit(kNext2Word, next2.stem_hash[0]);
  emit(kPrevBigram, prev.stem_hash[0], word);
  emit(kNextBigram, word, next.stem_hash[0]);
  for (size_t k = 1; k < w.stems.count; ++k) emit(kStem, w.stem_hash[k]);
  emit(kPrevCore, prev.core_hash);
  emit(kNextCore, next.core_hash);
  if (auto bare = bare_core(core)) emit(kBareCore, hash_of(*bare));

  for (uint8_t n = 1; n <= 4; ++n) {
    if (w.length <= n) break;
    emit(kPrefix, n, hash_of(first_code_points(w.word, n)));
    emit(kSuffix, n, hash_of(last_code_points(w.word, n)));
    if (w.stems.count > 1) emit(kCorePrefix, n, hash_of(first_code_points(core.rest, n)));
  }
  emit(kPrevSuffix, hash_of(last_code_points(prev.word, 2)));
  emit(kNextSuffix, hash_of(last_code_points(next.word, 2)));

  emit(kShape, w.shape);
  emit(kShapeLength, w.shape, w.length);
  emit(kShapeWindow, prev.shape, w.shape, next.shape);

  emit(kNisba, w.nisba);
  emit(kPrevNisba, prev.nisba);
  emit(kNextNisba, next.nisba);
  emit(kHasArticle, has_article(core));

  emit(kTrigger, w.trigger);
  emit(kPrevTrigger, prev.trigger);
  emit(kPrev2Trigger, prev2.trigger);
  emit(kNextTrigger, next.trigger);

  if (!stats_.empty()) {
    stats_features(w, out);
    neighbour_shares(prev, kPrevTaggedShare, out);
    neighbour_shares(next, kNextTaggedShare, out);
  }
  if (names_.empty()) return;
  for (unsigned bit = 0; bit < kRoleBits * kNerTypes; ++bit) {
    if (w.gaz_roles & (1u << bit)) emit(kGazRole, bit);
  }
  emit(kGazTag, w.gaz_tag);
  emit(kPrevGazTag, prev.gaz_tag);
  emit(kNextGazTag, next.gaz_tag);
  if (w.gaz_tag != kOutside) emit(kGazTagWord, w.gaz_tag, word);
}

void FeatureExtractor::neighbour_shares(const WordInfo& w, uint8_t templ, SentenceFeatures& out) const {
  const WordStats::Entry* e = w.stats ? w.stats : w.core_stats;
  if (!e) return;
  for (uint8_t t = 0; t < kNerTypes; ++t) {
    if (e->tagged[t] > 1) out.add(feature_row(hash_bits_, templ, t, e->tagged[t]));
  }
}

void FeatureExtractor::stats_features(const WordInfo& w, SentenceFeatures& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0) { out.add(feature_row(hash_bits_, templ, a, b)); };
  auto describe = [&](const WordStats::Entry& e, Template frequency, Template article, Template left, Template right,
                      Template tagged) {
    emit(frequency, e.frequency);
    for (uint8_t t = 0; t < kNerTypes; ++t) {
      if (e.tagged[t]) emit(tagged, t, e.tagged[t]);
    }
    emit(article, e.article);
    for (size_t k = 0; k < 2 * WordStats::kContextsPerSide; ++k) {
      if (e.contexts[k] == WordStats::kNoContext) continue;
      emit(k < WordStats::kContextsPerSide ? left : right, stats_.context_hash(e.contexts[k]));
    }
  };
  if (w.stats) describe(*w.stats, kFrequency, kArticleShare, kLeftContext, kRightContext, kTaggedShare);
  if (w.core_stats) {
    describe(*w.core_stats, kCoreFrequency, kCoreArticleShare, kCoreLeftContext, kCoreRightContext, kCoreTaggedShare);
  }
  if (!w.stats && !w.core_stats) emit(kUnknownWord);
}

}  // namespace rawabit::extract::ner

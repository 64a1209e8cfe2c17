#include "ner/stats.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "lexicon/tsv.hpp"

#include "text/document.hpp"
#include "text/input.hpp"

namespace rawabit::ner {

namespace {

constexpr uint32_t kMinCount = 2;                      // rarer words get no entry
constexpr uint32_t kMinPairCount = 3;                  // rarer neighbours are not salient
constexpr size_t kContextWords = 5000;                 // the most frequent words serve as contexts
constexpr std::string_view kArticle = "\u0627\u0644";  // ال

// A co-occurrence key: the word id, the side (0 left, 1 right), the context id.
uint64_t pair_key(uint32_t word, unsigned side, uint16_t context) {
  return (uint64_t{word} << 17) | (uint64_t{side} << 16) | context;
}

uint8_t article_bucket(uint32_t with_article, uint32_t without) {
  uint32_t total = with_article + without;
  if (total < kMinCount) return 0;
  double share = double(with_article) / total;
  return share < 0.02 ? 1 : share < 0.1 ? 2 : share < 0.5 ? 3 : 4;
}

uint8_t tagged_bucket(uint32_t tagged, uint32_t count) {
  if (tagged == 0) return 1;
  double share = double(tagged) / count;
  return share < 0.1 ? 2 : share < 0.5 ? 3 : 4;
}

// The context vocabulary: the boundary, then the most frequent words (ties in form order).
std::vector<uint32_t> context_vocabulary(const Corpus& corpus) {
  std::vector<uint32_t> ids(corpus.distinct() - 1);
  for (uint32_t i = 0; i < ids.size(); ++i) ids[i] = i + 1;
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    return corpus.count(a) != corpus.count(b) ? corpus.count(a) > corpus.count(b) : corpus.form(a) < corpus.form(b);
  });
  ids.resize(std::min(ids.size(), kContextWords));
  ids.insert(ids.begin(), Corpus::kBoundary);
  return ids;
}

}  // namespace

uint32_t Corpus::id_of(std::string_view form) {
  auto [it, added] = ids_.try_emplace(std::string(form), static_cast<uint32_t>(forms_.size()));
  if (added) {
    forms_.push_back(it->first);
    counts_.push_back(0);
  }
  return it->second;
}

void Corpus::add_sentence(std::span<const std::string_view> tokens) {
  if (stream_.empty()) {
    forms_.assign(1, "<s>");
    counts_.assign(1, 0);
    stream_.push_back(kBoundary);
  }
  for (std::string_view t : tokens) {
    uint32_t id = id_of(t);
    ++counts_[id];
    stream_.push_back(id);
  }
  ++counts_[kBoundary];
  stream_.push_back(kBoundary);
}

uint32_t Corpus::count(const std::string& form) const {
  auto it = ids_.find(form);
  return it == ids_.end() ? 0 : counts_[it->second];
}

void Corpus::for_each_sentence(
    const std::function<void(std::span<const std::string_view>, std::span<const uint32_t>)>& visit) const {
  std::vector<std::string_view> words;
  for (size_t i = 1; i < stream_.size();) {
    size_t end = i;
    while (stream_[end] != kBoundary) ++end;
    words.clear();
    for (size_t k = i; k < end; ++k) words.push_back(forms_[stream_[k]]);
    visit(words, std::span<const uint32_t>(stream_.data() + i, end - i));
    i = end + 1;
  }
}

size_t Corpus::for_each_input_sentence(const std::vector<std::filesystem::path>& inputs,
                                       const std::function<void(const std::string&)>& log,
                                       const std::function<void(std::span<const std::string_view>)>& visit) {
  std::vector<std::string_view> words;
  size_t documents = 0;
  text::read_inputs(
      inputs,
      [&](text::Document&& doc) {
        text::analyze_text(doc);
        for (const text::Sentence& s : doc.sentences) {
          words.clear();
          for (uint32_t t = s.first_token; t < s.end_token; ++t) words.push_back(doc.word(t));
          visit(words);
        }
        if (++documents % 10000 == 0) log(std::to_string(documents) + " documents read");
      },
      log);
  return documents;
}

Corpus Corpus::read(const std::vector<std::filesystem::path>& inputs,
                    const std::function<void(const std::string&)>& log) {
  Corpus corpus;
  size_t documents =
      for_each_input_sentence(inputs, log, [&corpus](std::span<const std::string_view> words) {
        corpus.add_sentence(words);
      });
  log("corpus: " + std::to_string(documents) + " documents, " + std::to_string(corpus.stream_.size()) + " tokens");
  return corpus;
}

WordStats WordStats::from_corpus(const Corpus& corpus) {
  WordStats stats;
  if (corpus.distinct() == 0) return stats;

  std::vector<uint32_t> context_ids = context_vocabulary(corpus);
  std::vector<uint16_t> context_of(corpus.distinct(), kNoContext);
  for (uint16_t c = 0; c < context_ids.size(); ++c) {
    context_of[context_ids[c]] = c;
    stats.add_context_word(corpus.form(context_ids[c]));
  }

  std::vector<bool> has_entry(corpus.distinct(), false);
  for (uint32_t id = 1; id < corpus.distinct(); ++id) {
    if (corpus.count(id) < kMinCount) continue;
    std::string_view form = corpus.form(id);
    std::string bare(form.substr(0, kArticle.size()) == kArticle ? form.substr(kArticle.size()) : form);
    Entry e;
    e.frequency = static_cast<uint8_t>(std::bit_width(corpus.count(id)));
    e.article = bare.empty() ? 0 : article_bucket(corpus.count(std::string(kArticle) + bare), corpus.count(bare));
    e.contexts.fill(kNoContext);
    stats.entries_.insert(hash_of(form), e);
    has_entry[id] = true;
  }

  // Salient neighbours: count the (word, side, context) triples, rank each word's contexts.
  const std::vector<uint32_t>& stream = corpus.stream();
  std::vector<uint64_t> keys;
  keys.reserve(2 * stream.size());
  for (size_t p = 1; p + 1 < stream.size(); ++p) {
    uint32_t w = stream[p];
    if (!has_entry[w]) continue;
    if (uint16_t c = context_of[stream[p - 1]]; c != kNoContext) keys.push_back(pair_key(w, 0, c));
    if (uint16_t c = context_of[stream[p + 1]]; c != kNoContext) keys.push_back(pair_key(w, 1, c));
  }
  std::sort(keys.begin(), keys.end());
  const double total = static_cast<double>(stream.size());
  std::vector<std::pair<double, uint16_t>> ranked;  // (−score, context) for the current word and side
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    uint64_t group = keys[i] >> 16;  // word and side
    auto word = static_cast<uint32_t>(group >> 1);
    auto context = static_cast<uint16_t>(keys[i] & 0xFFFF);
    double n = static_cast<double>(j - i);
    double score = n * std::log(n * total / (double(corpus.count(word)) * corpus.count(context_ids[context])));
    if (n >= kMinPairCount && score > 0) ranked.emplace_back(-score, context);
    if (j == keys.size() || (keys[j] >> 16) != group) {
      std::sort(ranked.begin(), ranked.end());
      size_t side = group & 1;
      Entry& e = *stats.entries_.find(hash_of(corpus.form(word)));
      for (size_t k = 0; k < ranked.size() && k < kContextsPerSide; ++k)
        e.contexts[side * kContextsPerSide + k] = ranked[k].second;
      ranked.clear();
    }
    i = j;
  }
  return stats;
}

void WordStats::add_tagged_shares(const Corpus& corpus, const SentenceTagger& tag) {
  std::vector<std::array<uint32_t, kNerTypes>> tagged(corpus.distinct());
  std::vector<Tag> tags;
  corpus.for_each_sentence([&](std::span<const std::string_view> words, std::span<const uint32_t> ids) {
    tag(words, tags);
    for (size_t i = 0; i < ids.size(); ++i) {
      if (tags[i] != kOutside) ++tagged[ids[i]][static_cast<size_t>(tag_type(tags[i]))];
    }
  });
  for (uint32_t id = 1; id < corpus.distinct(); ++id) {
    Entry* e = entries_.find(hash_of(corpus.form(id)));
    if (!e) continue;
    for (size_t t = 0; t < kNerTypes; ++t) e->tagged[t] = tagged_bucket(tagged[id][t], corpus.count(id));
  }
}

void WordStats::add_context_word(std::string_view form) {
  context_words_.emplace_back(form);
  context_hashes_.push_back(hash_of(form));
}

const WordStats::Entry* WordStats::find(uint64_t word_hash) const { return entries_.find(word_hash); }

size_t WordStats::add_clusters(const std::filesystem::path& tsv) {
  size_t given = 0;
  lexicon::read_tsv(tsv, [&](const lexicon::TsvLine& line) {
    line.expect_fields(1 + kClusterLevels, 1 + kClusterLevels);
    std::array<uint16_t, kClusterLevels> classes{};
    for (size_t k = 0; k < kClusterLevels; ++k) {
      std::optional<unsigned> value = lexicon::parse_number<unsigned>(line.fields[1 + k]);
      if (!value || *value >= UINT16_MAX) line.fail("a word class must be a number below 65535");
      classes[k] = static_cast<uint16_t>(*value + 1);
    }
    if (Entry* e = entries_.find(hash_of(line.fields[0]))) {
      e->clusters = classes;
      ++given;
    }
  });
  return given;
}

void WordStats::write(ByteWriter& out) const {
  out.u32(static_cast<uint32_t>(context_words_.size()));
  for (const std::string& c : context_words_) {
    out.u16(static_cast<uint16_t>(c.size()));
    out.bytes(c);
  }
  std::vector<uint64_t> hashes;
  entries_.for_each([&hashes](uint64_t h, const Entry&) { hashes.push_back(h); });
  std::sort(hashes.begin(), hashes.end());  // a deterministic file
  out.u32(static_cast<uint32_t>(hashes.size()));
  for (uint64_t h : hashes) {
    const Entry& e = *entries_.find(h);
    out.u64(h);
    out.u8(e.frequency);
    out.u8(e.article);
    for (uint16_t c : e.contexts) out.u16(c);
    for (uint8_t t : e.tagged) out.u8(t);
    for (uint16_t c : e.clusters) out.u16(c);
  }
}

WordStats WordStats::read(ByteReader& in) {
  WordStats stats;
  for (uint32_t n = in.u32(); n > 0; --n) stats.add_context_word(in.bytes(in.u16()));
  for (uint32_t n = in.u32(); n > 0; --n) {
    uint64_t h = in.u64();
    Entry e;
    e.frequency = in.u8();
    e.article = in.u8();
    for (uint16_t& c : e.contexts) {
      c = in.u16();
      if (c != kNoContext && c >= stats.context_words_.size()) in.fail("malformed model file (context word)");
    }
    for (uint8_t& t : e.tagged) t = in.u8();
    for (uint16_t& c : e.clusters) c = in.u16();
    stats.entries_.insert(h, e);
  }
  return stats;
}

}  // namespace rawabit::ner

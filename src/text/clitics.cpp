#include "text/clitics.hpp"

namespace rawabit::text {

namespace {

constexpr std::string_view kWaw = "\u0648", kFa = "\u0641";                    // و ف
constexpr std::string_view kBa = "\u0628", kLam = "\u0644", kKaf = "\u0643";  // ب ل ك
constexpr std::string_view kLamLam = "\u0644\u0644";                          // لل
constexpr std::string_view kArticle = "\u0627\u0644";                         // ال
constexpr size_t kMinStemBytes = 4;                                           // two Arabic letters

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Readings of a word with the conjunction already removed (`offset` bytes before it).
void after_conjunction(std::string_view w, size_t offset, std::vector<Reading>& out) {
  if (starts_with(w, kLamLam) && w.size() >= kLamLam.size() + kMinStemBytes) {
    std::string_view rest = w.substr(kLamLam.size());
    out.push_back({std::string(kArticle) + std::string(rest), offset + kLamLam.size()});
    return;
  }
  for (std::string_view prep : {kBa, kLam, kKaf}) {
    if (starts_with(w, prep) && w.size() >= prep.size() + kMinStemBytes) {
      out.push_back({std::string(w.substr(prep.size())), offset + prep.size()});
    }
  }
}

}  // namespace

void clitic_readings(std::string_view word, std::vector<Reading>& out) {
  out.clear();
  out.push_back({std::string(word), 0});
  after_conjunction(word, 0, out);
  for (std::string_view conj : {kWaw, kFa}) {
    if (starts_with(word, conj) && word.size() >= conj.size() + kMinStemBytes) {
      std::string_view rest = word.substr(conj.size());
      out.push_back({std::string(rest), conj.size()});
      after_conjunction(rest, conj.size(), out);
    }
  }
}

}  // namespace rawabit::text

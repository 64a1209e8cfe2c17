#include "common/huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "common/malloc_settings.hpp"

namespace rawabit {

HugePagePolicy parse_huge_page_policy(std::string_view enabled_file) {
  const size_t open = enabled_file.find('['), close = enabled_file.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return HugePagePolicy::Never;
  const std::string_view chosen = enabled_file.substr(open + 1, close - open - 1);
  if (chosen == "always") return HugePagePolicy::Always;
  if (chosen == "madvise") return HugePagePolicy::Madvise;
  return HugePagePolicy::Never;
}

HugePagePolicy huge_page_policy() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return parse_huge_page_policy(content);
}

std::optional<std::string> malloc_hugetlb_tunable(std::string_view tunables) {
  constexpr std::string_view kName = "glibc.malloc.hugetlb=";
  while (!tunables.empty()) {
    const size_t end = tunables.find(':');
    const std::string_view item = tunables.substr(0, end);
    if (item.starts_with(kName)) return std::string(item.substr(kName.size()));
    if (end == std::string_view::npos) break;
    tunables.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::optional<std::string> tunables_asking_for_huge_pages(const char* current, HugePagePolicy policy) {
  if (policy != HugePagePolicy::Madvise) return std::nullopt;
  const std::string_view now = current ? current : "";
  if (malloc_hugetlb_tunable(now)) return std::nullopt;
  return (now.empty() ? "" : std::string(now) + ":") + "glibc.malloc.hugetlb=1";
}

void restart_with_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  const char* before = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> after = tunables_asking_for_huge_pages(before, huge_page_policy());
  if (!after) return;
  const std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
  if (setenv("GLIBC_TUNABLES", after->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the second start failed (no /proc, say). Go on as we are.
  if (saved) setenv("GLIBC_TUNABLES", saved->c_str(), 1);
  else unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

namespace {

// Whether GLIBC_TUNABLES sets glibc.malloc.hugetlb to a nonzero value.
bool tunable_asks_for_huge_pages() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> value = malloc_hugetlb_tunable(tunables ? tunables : "");
  return value && !value->empty() && *value != "0";
}

}  // namespace

void ask_huge_pages_for_thread_heap() {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
  if (!tunable_asks_for_huge_pages() || huge_page_policy() != HugePagePolicy::Madvise) return;
  void* probe = std::malloc(64);
  const auto at = reinterpret_cast<uintptr_t>(probe);
  std::free(probe);
  if (!probe || at < reinterpret_cast<uintptr_t>(sbrk(0))) return;  // the main heap, below the break
  madvise(reinterpret_cast<void*>(at & ~(kGlibcArenaHeapSize - 1)), kGlibcArenaHeapSize, MADV_HUGEPAGE);  // advice only
#endif
}

bool malloc_uses_huge_pages() {
  switch (huge_page_policy()) {
    case HugePagePolicy::Always: return true;
    case HugePagePolicy::Never: return false;
    case HugePagePolicy::Madvise: return tunable_asks_for_huge_pages();
  }
  return false;
}

}  // namespace rawabit

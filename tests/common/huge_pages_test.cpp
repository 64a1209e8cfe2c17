// Huge pages for malloc: the kernel's policy read from its sysfs file, the glibc tunable found
// in GLIBC_TUNABLES, and when the program must start again to set it.
#include "common/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

namespace {

using rawabit::HugePagePolicy;

struct PolicyCase {
  const char* file;
  HugePagePolicy expected;
};

TEST(HugePages, PolicyIsTheBracketedWord) {
  const PolicyCase cases[] = {
      {"always [madvise] never\n", HugePagePolicy::Madvise},
      {"[always] madvise never\n", HugePagePolicy::Always},
      {"always madvise [never]\n", HugePagePolicy::Never},
      {"always inherit madvise [never]\n", HugePagePolicy::Never},
      {"", HugePagePolicy::Never},                         // no such file (no THP in the kernel)
      {"always madvise never\n", HugePagePolicy::Never},  // nothing chosen
      {"[madvise\n", HugePagePolicy::Never},               // cut short
  };
  for (const PolicyCase& c : cases) EXPECT_EQ(rawabit::parse_huge_page_policy(c.file), c.expected) << c.file;
}

struct TunableCase {
  const char* tunables;
  std::optional<std::string> hugetlb;
};

TEST(HugePages, FindsTheMallocTunableAmongOthers) {
  const TunableCase cases[] = {
      {"", std::nullopt},
      {"glibc.malloc.hugetlb=1", "1"},
      {"glibc.malloc.hugetlb=0", "0"},
      {"glibc.malloc.check=3:glibc.malloc.hugetlb=2", "2"},
      {"glibc.malloc.hugetlb=1:glibc.malloc.check=3", "1"},
      {"glibc.malloc.check=3", std::nullopt},
      {"glibc.malloc.hugetlbx=1", std::nullopt},
      {"xglibc.malloc.hugetlb=1", std::nullopt},
      {"glibc.malloc.hugetlb=", ""},
  };
  for (const TunableCase& c : cases) EXPECT_EQ(rawabit::malloc_hugetlb_tunable(c.tunables), c.hugetlb) << c.tunables;
}

struct RestartCase {
  const char* current;  // null: GLIBC_TUNABLES unset
  HugePagePolicy policy;
  std::optional<std::string> wanted;  // nullopt: no second start
};

TEST(HugePages, AsksOnlyWhenTheKernelWaitsToBeAskedAndTheUserHasNotChosen) {
  const RestartCase cases[] = {
      {nullptr, HugePagePolicy::Madvise, "glibc.malloc.hugetlb=1"},
      {"", HugePagePolicy::Madvise, "glibc.malloc.hugetlb=1"},
      {"glibc.malloc.check=3", HugePagePolicy::Madvise, "glibc.malloc.check=3:glibc.malloc.hugetlb=1"},
      {"glibc.malloc.hugetlb=0", HugePagePolicy::Madvise, std::nullopt},  // the user's way to turn it off
      {"glibc.malloc.hugetlb=1", HugePagePolicy::Madvise, std::nullopt},  // already started again
      {nullptr, HugePagePolicy::Always, std::nullopt},                     // the kernel gives them anyway
      {nullptr, HugePagePolicy::Never, std::nullopt},
  };
  for (const RestartCase& c : cases) {
    EXPECT_EQ(rawabit::tunables_asking_for_huge_pages(c.current, c.policy), c.wanted) << (c.current ? c.current : "(unset)");
  }
}

// The VmFlags line of the mapping of /proc/self/smaps that holds `address`.
std::string vm_flags_of(const void* address) {
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') {  // a mapping's first line: "from-to perms ..."
      inside = from <= at && at < to;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

TEST(HugePages, AThreadsArenaHeapIsAdvised) {
#ifdef __SANITIZE_ADDRESS__
  GTEST_SKIP() << "AddressSanitizer's allocator has no glibc arenas";
#endif
  if (rawabit::huge_page_policy() != HugePagePolicy::Madvise) GTEST_SKIP() << "the kernel's policy is not madvise";
  const char* before = std::getenv("GLIBC_TUNABLES");
  const std::string saved = before ? before : "";
  setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);  // as after the restart; glibc itself read it at start
  std::string flags_before, flags_after;
  std::thread([&] {
    void* block = std::malloc(1000);
    flags_before = vm_flags_of(block);
    rawabit::ask_huge_pages_for_thread_heap();
    flags_after = vm_flags_of(block);
    std::free(block);
  }).join();
  if (before) setenv("GLIBC_TUNABLES", saved.c_str(), 1);
  else unsetenv("GLIBC_TUNABLES");
  ASSERT_NE(flags_after, "") << "the block's mapping is in /proc/self/smaps";
  EXPECT_EQ(flags_before.find(" hg"), std::string::npos) << flags_before;
  EXPECT_NE(flags_after.find(" hg"), std::string::npos) << flags_after;
}

}  // namespace

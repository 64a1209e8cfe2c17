// Huge pages for malloc: the kernel's policy read from its sysfs file, the glibc tunable found
// in GLIBC_TUNABLES, and when the program must start again to set it.
#include "common/huge_pages.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

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

}  // namespace

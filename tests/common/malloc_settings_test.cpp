// configure_malloc(): a thread's heap is made writable whole when its arena creates it.
#include "common/malloc_settings.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

namespace {

// The size of the mapping of /proc/self/maps that holds `address` if it is readable and
// writable; 0 otherwise.
size_t writable_extent_of(const void* address) {
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    uintptr_t from = 0, to = 0;
    char dash = 0;
    std::string perms;
    std::istringstream fields(line);  // "from-to perms offset device inode path"
    if (fields >> std::hex >> from >> dash >> to >> perms && from <= at && at < to) {
      return perms.starts_with("rw") ? to - from : 0;
    }
  }
  return 0;
}

// Allocates in a new thread, which stays alive (holding its arena) until `release` is set, and
// gives the writable extent around the allocation.
struct ThreadHeap {
  std::promise<void> release;
  std::promise<size_t> extent;
  std::thread thread{[this] {
    void* block = std::malloc(1000);
    extent.set_value(writable_extent_of(block));
    release.get_future().wait();
    std::free(block);
  }};
  size_t measure() { return extent.get_future().get(); }
  ~ThreadHeap() {
    release.set_value();
    thread.join();
  }
};

TEST(MallocSettings, AThreadsNewHeapIsWritableWhole) {
#ifdef __SANITIZE_ADDRESS__
  GTEST_SKIP() << "AddressSanitizer's allocator has no glibc arenas";
#endif
  // In a process of its own, started afresh, so that no arena freed by an earlier test is
  // reused. Each thread lives until both have measured, so the second gets an arena of its own.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        ThreadHeap before;
        const size_t by_default = before.measure();
        rawabit::configure_malloc();
        ThreadHeap after;
        const size_t configured = after.measure();
        std::cerr << "writable: " << by_default << " bytes by default, " << configured << " configured\n";
        std::exit(by_default < rawabit::kMallocTopPad / 2 && configured >= rawabit::kMallocTopPad / 2 ? 0 : 1);
      },
      testing::ExitedWithCode(0), "writable: ");
}

}  // namespace

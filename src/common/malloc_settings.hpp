// How glibc's malloc is set up for rawabit. configure_malloc() is called first thing in main(),
// before any thread starts; it changes nothing under AddressSanitizer, whose allocator is not
// glibc's.
//
// - Freed memory stays with the allocator instead of going back to the kernel, which would zero
//   it again when it is next used: the writer frees its in-memory full-text index (tens of MB) at
//   every commit, the workers their documents' analyses (the kernel's page zeroing was 3 % of a
//   build's CPU). Costs peak RSS.
// - A thread's heap is made writable whole when the thread's arena creates it (kMallocTopPad is
//   glibc's heap size). glibc otherwise makes it writable as it grows, a few pages
//   at a time: on 10,000 ANT articles a build's worker made 20,844 mprotect calls, each a system
//   call that also splits the mapping, and 2 MB pages cannot span the splits. With the pad: 37.
//   Pinned to one core, a build of ANT took 3-6 % less CPU in six pairs of runs; peak RSS +20 MB.
#pragma once
#include <cstddef>

namespace rawabit {

inline constexpr size_t kMallocMmapThreshold = size_t{32} << 20;  // glibc's maximum on 64-bit
inline constexpr size_t kMallocTrimThreshold = size_t{256} << 20;
// glibc's HEAP_MAX_SIZE (64 MB on 64-bit systems): a thread arena's heap is reserved this large,
// at an address that is a multiple of it.
inline constexpr size_t kGlibcArenaHeapSize = size_t{2} * 4 * 1024 * 1024 * sizeof(long);
inline constexpr size_t kMallocTopPad = kGlibcArenaHeapSize;

void configure_malloc();

}  // namespace rawabit

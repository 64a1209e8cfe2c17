// Transparent huge pages for the memory allocator.
//
// The hot data of a build are tables of tens of MB probed at random: the lexicon's and the
// tagger's hash tables, the tagger's word cache, SQLite's page cache, FTS5's pending index.
// With 4 KB pages most of those probes also miss the TLB, and on a virtual machine each miss
// walks two levels of page tables. With 2 MB pages, `rawabit extract` takes a quarter less CPU
// and a build about a tenth less (docs/performance.md).
//
// Linux gives huge pages to every anonymous mapping ("always") or only to those that ask with
// madvise ("madvise", the default of many distributions). glibc's malloc asks when its tunable
// glibc.malloc.hugetlb is 1, and reads tunables only when a program starts. So main() runs
// the program again, once, with the tunable added to GLIBC_TUNABLES. A GLIBC_TUNABLES that
// already names glibc.malloc.hugetlb is left alone: glibc.malloc.hugetlb=0 turns this off
// (under valgrind, say, which would not follow the second start).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rawabit {

// The kernel's policy, as read from /sys/kernel/mm/transparent_hugepage/enabled (its
// bracketed word): Always, Madvise, or Never (also when the file is absent or unreadable).
enum class HugePagePolicy { Always, Madvise, Never };
HugePagePolicy parse_huge_page_policy(std::string_view enabled_file);
HugePagePolicy huge_page_policy();

// The value of glibc.malloc.hugetlb in a GLIBC_TUNABLES string ("name=value:name=value"),
// or nullopt when it is not named.
std::optional<std::string> malloc_hugetlb_tunable(std::string_view tunables);

// What GLIBC_TUNABLES should become so that malloc asks for huge pages, given its current
// value (null when unset); nullopt when it should stay as it is: the policy is not Madvise,
// or the tunable is already named.
std::optional<std::string> tunables_asking_for_huge_pages(const char* current, HugePagePolicy policy);

// Runs this program again (/proc/self/exe, the same arguments) with tunables_asking_for_huge_pages().
// Returns only when there is nothing to change or the second start failed, with the
// environment as it was. Call first thing in main(), before any thread starts.
void restart_with_huge_pages(char** argv);

// Asks for huge pages for the heap of the calling thread's malloc arena. glibc asks for its
// main heap only, which the main thread uses; another thread allocates from an arena of its own,
// whose heap glibc maps at a multiple of its maximum size (64 MB on 64-bit systems) and grows
// within it. So the whole 64 MB that holds a fresh allocation of the thread is advised (pinned
// to one core, a build of ANT took 0-11 % less CPU in four pairs of runs).
// Does nothing unless malloc_uses_huge_pages() with the Madvise policy, or when the allocation
// lies in the main heap. Call at the start of a long-lived thread.
void ask_huge_pages_for_thread_heap();

// Whether this process's malloc gets huge pages: policy Always, or Madvise with the tunable
// set to a nonzero value.
bool malloc_uses_huge_pages();

}  // namespace rawabit

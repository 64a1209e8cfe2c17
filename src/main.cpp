// rawabit: the command-line entry point. Only this function turns errors into exit codes.
#include <malloc.h>

#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/huge_pages.hpp"

int main(int argc, char** argv) {
  rawabit::restart_with_huge_pages(argv);  // before anything is allocated (common/huge_pages.hpp)
  // Standard streams unsynchronized with C stdio: reading JSON Lines on stdin line by line
  // (rawabit extract, load) is otherwise several times slower. Output goes through iostreams only.
  std::ios::sync_with_stdio(false);
  // Memory freed stays with the allocator instead of going back to the kernel, which would zero
  // it again when it is next used: the writer frees its in-memory full-text index (tens of MB)
  // at every commit, the workers their documents' analyses (the kernel's page zeroing was 3% of
  // a build's CPU). Setting either threshold stops glibc from adjusting the other, so the mmap
  // threshold (at most 32 MB on 64-bit) goes first, and the trim threshold only if it took:
  // alone, it would leave every allocation of 128 KB or more to mmap and the kernel.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1) mallopt(M_TRIM_THRESHOLD, 256 << 20);
  try {
    return rawabit::cli::run(argc, argv);
  } catch (const rawabit::Error& e) {
    std::cerr << "rawabit: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "rawabit: internal error: " << e.what() << "\n";
    return 2;
  }
}

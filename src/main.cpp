// rawabit: the command-line entry point. Only this function turns errors into exit codes.
#include <malloc.h>

#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"

int main(int argc, char** argv) {
  // Standard streams unsynchronized with C stdio: reading JSON Lines on stdin line by line
  // (rawabit extract, load) is otherwise several times slower. Output goes through iostreams only.
  std::ios::sync_with_stdio(false);
  // Memory freed stays with the allocator instead of going back to the kernel, which would zero
  // it again when it is next used: the writer builds up to 16 MB of full-text index in memory
  // and frees it at every batch's commit (the kernel's page zeroing was 6% of the writer's time).
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
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

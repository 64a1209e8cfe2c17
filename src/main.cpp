// rawabit: the command-line entry point. Only this function turns errors into exit codes.
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/exit_status.hpp"
#include "common/huge_pages.hpp"
#include "common/malloc_settings.hpp"

int main(int argc, char** argv) {
  rawabit::restart_with_huge_pages(argv);  // before anything is allocated (common/huge_pages.hpp)
  // Standard streams unsynchronized with C stdio: reading JSON Lines on stdin line by line
  // (rawabit extract, load) is otherwise several times slower. Output goes through iostreams only.
  std::ios::sync_with_stdio(false);
  rawabit::configure_malloc();  // before any thread starts (common/malloc_settings.hpp)
  try {
    return rawabit::cli::run(argc, argv);
  } catch (const rawabit::Error& e) {
    std::cerr << "rawabit: error: " << rawabit::terminal_safe(e.what()) << "\n";
    return rawabit::kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "rawabit: internal error: " << rawabit::terminal_safe(e.what()) << "\n";
    return rawabit::kExitInternalError;
  }
}

// rawabit: the command-line entry point. Only this function turns errors into exit codes.
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"

int main(int argc, char** argv) {
  // Standard streams unsynchronized with C stdio: reading JSON Lines on stdin line by line
  // (rawabit extract, load) is otherwise several times slower. Output goes through iostreams only.
  std::ios::sync_with_stdio(false);
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

// The process exit statuses of rawabit, one mapping for every command (README, "Exit status").
// Only main() and cli::run() return them; everything else throws.
#pragma once

namespace rawabit {

enum ExitStatus : int {
  kExitSuccess = 0,
  // rawabit::Error: an input, database or output problem (nothing could be read, a database
  // locked, read-only or on a full disk, a missing folder), the message naming the path.
  kExitFailure = 1,
  // Anything else: a defect of rawabit.
  kExitInternalError = 2,
  // The command line: an unknown command or option, a bad or missing value (sysexits' EX_USAGE).
  kExitUsage = 64,
};

}  // namespace rawabit

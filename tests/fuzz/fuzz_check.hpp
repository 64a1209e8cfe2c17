// Helpers shared by the fuzz targets: an invariant check that stops the fuzzer, and a UTF-8
// validity test that does not rely on the code under test (it uses ICU's U8_NEXT).
#pragma once
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace rawabit::fuzz {

// A broken invariant is a finding: stop here, so libFuzzer saves the input.
inline void check(bool ok) {
  if (!ok) __builtin_trap();
}

inline bool valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) return false;
  }
  return true;
}

}  // namespace rawabit::fuzz

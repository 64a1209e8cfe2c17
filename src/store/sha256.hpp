// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits. Documents are keyed by it.
#pragma once
#include <string>
#include <string_view>

namespace rawabit::store {

std::string sha256_hex(std::string_view data);

}  // namespace rawabit::store

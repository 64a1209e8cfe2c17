// SHA-256 of document texts: the FIPS 180-4 examples, the padding edges (55, 56 and 64 bytes),
// a long input and Arabic UTF-8, against values from Python's hashlib.
#include "store/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

struct Case {
  std::string input;
  const char* digest;
};

TEST(Sha256, MatchesReferenceDigests) {
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(55, 'x'), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {std::string(56, 'x'), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {std::string(64, 'x'), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
      {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {"روسيا وبيلاروسيا", "dbe2c8216863f7db939acfc0f045287e865dc65b56e4af4d015fe48e021a4487"},
  };
  for (const Case& c : cases) EXPECT_EQ(rawabit::store::sha256_hex(c.input), c.digest) << c.input.size() << " bytes";
}

TEST(Sha256, AnEmbeddedNulIsPartOfTheInput) {
  std::string with_nul("a\0b", 3);
  EXPECT_NE(rawabit::store::sha256_hex(with_nul), rawabit::store::sha256_hex("a"));
  EXPECT_EQ(rawabit::store::sha256_hex(with_nul).size(), 64u);
}

}  // namespace

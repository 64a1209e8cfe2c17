// Compressed inputs and the streaming line reader.
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "input_helpers.hpp"
#include "text/compressed_stream.hpp"

namespace rawabit::text {
namespace {

using testing::ingest;
using testing::ScratchDir;

std::string gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string xz(std::string_view data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  size_t pos = 0;
  lzma_easy_buffer_encode(1, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(data.data()), data.size(),
                          reinterpret_cast<uint8_t*>(out.data()), &pos, out.size());
  out.resize(pos);
  return out;
}

std::string zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1);  // so that corruption is detected
  out.resize(ZSTD_compress2(ctx, out.data(), out.size(), data.data(), data.size()));
  ZSTD_freeCCtx(ctx);
  return out;
}


struct Codec {
  const char* suffix;
  std::string (*compress)(std::string_view);
};
const Codec kCodecs[] = {{".gz", gzip}, {".xz", xz}, {".zst", zstd}};

// Text that compresses little, so that damage hits the compressed data rather than a header.
std::string varied_text(size_t words, uint32_t seed = 12345) {
  static const char* const kWords[] = {"روسيا", "بيلاروسيا", "الرئيس", "مينسك", "موسكو", "اتفاق", "قوات", "زيارة"};
  std::string out;
  uint32_t x = seed;
  for (size_t i = 0; i < words; ++i) {
    x = x * 1103515245 + 12345;
    out += kWords[(x >> 16) % 8];
    out += std::to_string(x % 977);
    out += (x >> 8) % 11 == 0 ? ". " : " ";
  }
  return out;
}

std::string jsonl_records(size_t n) {
  std::string out;
  for (size_t i = 1; i <= n; ++i)
    out += R"({"id":")" + std::to_string(i) + R"(","title":"عنوان )" + std::to_string(i) + R"(","text":")" +
           varied_text(20, static_cast<uint32_t>(i)) + "\"}\n";
  return out;
}

TEST(CompressedInput, InnerTypeFromTheNameWithoutTheSuffix) {
  ScratchDir dir;
  for (const Codec& c : kCodecs) {
    dir.write(std::string("a.txt") + c.suffix, c.compress("2022-12-19\nبوتين في مينسك\nالنص."));
    dir.write(std::string("x.jsonl") + c.suffix, c.compress(jsonl_records(3)));
    dir.write(std::string("other.csv") + c.suffix, c.compress("a,b"));
  }
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 3u * (1 + 3)) << r.all_warnings();
  EXPECT_EQ(r.warned("not a .txt or .jsonl file"), 3u);
  for (const Document& d : r.documents) {
    if (d.source.find("a.txt") == std::string::npos) continue;
    EXPECT_EQ(d.title, "بوتين في مينسك");
    EXPECT_EQ(d.date, "2022-12-19");
  }
}

TEST(CompressedInput, ConcatenatedStreamsAreReadWhole) {
  ScratchDir dir;
  for (const Codec& c : kCodecs) {
    std::string records = jsonl_records(4);
    size_t half = records.find('\n', records.size() / 2) + 1;
    dir.write(std::string("x.jsonl") + c.suffix, c.compress(records.substr(0, half)) + c.compress(records.substr(half)));
  }
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 3u * 4) << r.all_warnings();
  EXPECT_TRUE(r.warnings.empty()) << r.all_warnings();
}

TEST(CompressedInput, TruncatedJsonlKeepsTheRecordsBeforeTheDamage) {
  ScratchDir dir;
  const std::string records = jsonl_records(2000);  // larger than one decoder chunk of output
  for (const Codec& c : kCodecs) {
    std::string packed = c.compress(records);
    auto p = dir.write(std::string("x.jsonl") + c.suffix, packed.substr(0, packed.size() * 3 / 4));
    auto r = ingest(p);
    SCOPED_TRACE(c.suffix);
    EXPECT_GT(r.summary.documents, 0u);
    EXPECT_LT(r.summary.documents, 2000u);
    ASSERT_EQ(r.warnings.size(), 1u) << r.all_warnings();  // the record cut in half is not reported apart
    EXPECT_EQ(r.warned(": skipped: truncated"), 1u) << r.all_warnings();
    EXPECT_EQ(r.warned("record(s) before it are kept"), 1u) << r.all_warnings();
  }
}

TEST(CompressedInput, CorruptOrTruncatedTxtIsSkippedWithTheReason) {
  ScratchDir dir;
  const std::string article = "عنوان\n" + varied_text(20000);
  for (const Codec& c : kCodecs) {
    std::string packed = c.compress(article);
    std::string corrupt = packed;
    for (size_t i = corrupt.size() / 3; i < corrupt.size() / 3 + 16; ++i) corrupt[i] = static_cast<char>(~corrupt[i]);
    SCOPED_TRACE(c.suffix);
    auto truncated = ingest(dir.write(std::string("t.txt") + c.suffix, packed.substr(0, packed.size() / 2)));
    EXPECT_EQ(truncated.summary.documents, 0u);
    EXPECT_EQ(truncated.warned(": skipped: truncated"), 1u) << truncated.all_warnings();
    auto damaged = ingest(dir.write(std::string("c.txt") + c.suffix, corrupt));
    EXPECT_EQ(damaged.summary.documents, 0u);
    EXPECT_EQ(damaged.warnings.size(), 1u) << damaged.all_warnings();
    EXPECT_EQ(damaged.summary.skipped, 1u);
  }
}

TEST(CompressedInput, NotCompressedDataUnderACompressedNameIsSkipped) {
  ScratchDir dir;
  for (const Codec& c : kCodecs) dir.write(std::string("plain.jsonl") + c.suffix, jsonl_records(2));
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 0u);
  EXPECT_EQ(r.warned(": skipped: "), 3u) << r.all_warnings();
}

TEST(CompressedInput, EmptyCompressedFilesAreSkippedAsEmpty) {
  ScratchDir dir;
  for (const Codec& c : kCodecs) {
    dir.write(std::string("e.jsonl") + c.suffix, c.compress(""));
    dir.write(std::string("e.txt") + c.suffix, c.compress("  \n"));
    dir.write(std::string("zero.txt") + c.suffix, "");
  }
  auto r = ingest(dir.path());
  EXPECT_EQ(r.summary.documents, 0u);
  EXPECT_EQ(r.summary.skipped, 9u);
  EXPECT_EQ(r.warned(": skipped: empty"), 6u) << r.all_warnings();
  EXPECT_EQ(r.warned(": skipped: only white space"), 3u) << r.all_warnings();
}

// A stream that hands out a string in small pieces, to cross buffer boundaries everywhere.
class PieceStream : public ByteStream {
 public:
  PieceStream(std::string data, size_t piece) : data_(std::move(data)), piece_(piece) {}
  size_t read(char* out, size_t n) override {
    size_t k = std::min({n, piece_, data_.size() - at_});
    data_.copy(out, k, at_);
    at_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t piece_, at_ = 0;
};

TEST(LineReader, SplitsAtNewlinesDropsCrAndBoundsLongLines) {
  const std::string long_line(1000, 'y');
  for (size_t piece : {1, 7, 4096}) {
    PieceStream in("one\r\n\ntwo\n" + long_line + "\nthree", piece);
    LineReader reader(in, /*max_bytes=*/100);
    std::vector<std::string> texts;
    std::vector<bool> too_long;
    LineReader::Line line;
    while (reader.next(line)) {
      texts.emplace_back(line.text);
      too_long.push_back(line.too_long);
    }
    ASSERT_EQ(texts.size(), 5u) << "piece " << piece;
    EXPECT_EQ(texts[0], "one");
    EXPECT_EQ(texts[1], "");
    EXPECT_EQ(texts[2], "two");
    EXPECT_TRUE(too_long[3]);
    EXPECT_LE(texts[3].size(), 1000u);
    EXPECT_EQ(texts[4], "three");
    EXPECT_FALSE(too_long[4]);
  }
}

TEST(LineReader, ReportsLineNumbersAndOffsets) {
  PieceStream in("ab\ncde\n\nf", 2);
  LineReader reader(in, 100);
  LineReader::Line line;
  std::vector<std::pair<size_t, size_t>> seen;
  while (reader.next(line)) seen.emplace_back(line.number, line.offset);
  EXPECT_EQ(seen, (std::vector<std::pair<size_t, size_t>>{{1, 0}, {2, 3}, {3, 7}, {4, 8}}));
}

}  // namespace
}  // namespace rawabit::text

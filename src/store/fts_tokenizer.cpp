#include "store/fts_tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "common/error.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace {

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(s);
  }
  sqlite3_finalize(s);
  if (!api) throw Error("this SQLite has no FTS5 (the full-text index needs it)");
  return api;
}

// A tokenizer module as FTS5 keeps it: its methods and the context they are created with.
struct Module {
  void* context = nullptr;
  fts5_tokenizer methods{};
};

Module find_unicode61(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  Module m;
  if (api->xFindTokenizer(api, "unicode61", &m.context, &m.methods) != SQLITE_OK)
    throw Error("FTS5 has no unicode61 tokenizer");
  return m;
}

int collect(void* out, int, const char* token, int size, int begin, int end) {
  static_cast<std::vector<FtsToken>*>(out)->push_back({std::string(token, static_cast<size_t>(size)), begin, end});
  return SQLITE_OK;
}

// An instance of a tokenizer module with default options.
class TokenizerInstance {
 public:
  explicit TokenizerInstance(const Module& m) : m_(m) {
    if (m.methods.xCreate(m.context, nullptr, 0, &instance_) != SQLITE_OK) throw Error("cannot create a unicode61 tokenizer");
  }
  ~TokenizerInstance() { m_.methods.xDelete(instance_); }
  TokenizerInstance(const TokenizerInstance&) = delete;
  TokenizerInstance& operator=(const TokenizerInstance&) = delete;

  std::vector<FtsToken> tokens(std::string_view text) const {
    std::vector<FtsToken> out;
    if (m_.methods.xTokenize(instance_, &out, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
                             collect) != SQLITE_OK)
      throw Error("unicode61 could not tokenize the text");
    return out;
  }

 private:
  Module m_;
  Fts5Tokenizer* instance_ = nullptr;
};

// What unicode61 does with each character of the Basic Multilingual Plane: whether it starts a
// token (a letter, a digit...), whether it continues one (those, and some combining accents),
// and the bytes it puts in the token (its folded form, possibly nothing).
class CharTable {
 public:
  static constexpr uint8_t kStarts = 1, kContinues = 2, kSlow = 4;  // kSlow: leave the text to SQLite
  struct Entry {
    std::array<char, 3> bytes{};
    uint8_t length = 0;
    uint8_t flags = kSlow;
  };

  // Read off SQLite's own tokenizer: each character alone (does it start a token?) and after
  // an "a" (does it continue one, and into what?).
  explicit CharTable(const Module& builtin) : entries_(0x10000) {
    TokenizerInstance sqlite_tokenizer(builtin);
    for (uint32_t cp = 0; cp < 0x10000; ++cp) {
      // Surrogates and the two non-characters are read as U+FFFD by SQLite: not on the fast path.
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp >= 0xFFFE) continue;
      std::string c;
      text::append_utf8(c, cp);
      const int n = static_cast<int>(c.size());
      std::vector<FtsToken> alone = sqlite_tokenizer.tokens(c), after_a = sqlite_tokenizer.tokens("a" + c);
      bool starts = alone.size() == 1 && alone[0].begin == 0 && alone[0].end == n;
      bool continues = after_a.size() == 1 && after_a[0].end == n + 1 && after_a[0].text.starts_with('a');
      Entry& e = entries_[cp];
      if (!starts && !continues) {
        e.flags = 0;
        continue;
      }
      std::string folded = continues ? after_a[0].text.substr(1) : alone[0].text;
      if (folded.size() > 3 || (starts && (!continues || alone[0].text != folded))) continue;  // kSlow
      e.flags = static_cast<uint8_t>((starts ? kStarts : 0) | kContinues);
      e.length = static_cast<uint8_t>(folded.size());
      std::copy(folded.begin(), folded.end(), e.bytes.begin());
    }
  }

  const Entry& operator[](uint32_t cp) const { return entries_[cp]; }

 private:
  std::vector<Entry> entries_;
};

// The code point at p (p < end) and its length; 0 when it is not on the fast path: malformed or
// overlong UTF-8, or a character beyond the Basic Multilingual Plane.
inline int decode(const unsigned char* p, const unsigned char* end, uint32_t& cp) {
  const unsigned char b = p[0];
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  if (b >= 0xC2 && b < 0xE0) {
    if (end - p < 2 || (p[1] & 0xC0) != 0x80) return 0;
    cp = (uint32_t(b & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b >= 0xE0 && b < 0xF0) {
    if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    cp = (uint32_t(b & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return cp >= 0x800 ? 3 : 0;
  }
  return 0;
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// A tokenizer instance: SQLite's own, created with the same arguments (it answers for texts off
// the fast path, and for any non-default options), and the fast path when the options are the
// defaults.
struct Instance {
  const Module* builtin;
  Fts5Tokenizer* builtin_instance = nullptr;
  const CharTable* table = nullptr;  // null: every text goes to SQLite's tokenizer
  std::vector<char> folded;          // the text's tokens as they are built, reused

  int builtin_tokenize(void* context, int flags, const char* text, int size, TokenCallback emit) {
    return builtin->methods.xTokenize(builtin_instance, context, flags, text, size, emit);
  }

  bool on_fast_path(const unsigned char* p, const unsigned char* end) const {
    uint32_t cp;
    while (p < end) {
      int n = decode(p, end, cp);
      if (n == 0 || ((*table)[cp].flags & CharTable::kSlow)) return false;
      p += n;
    }
    return true;
  }

  // unicode61's loop: skip separators, then take characters while they continue the token.
  int tokenize(void* context, int flags, const char* text, int size, TokenCallback emit) {
    const auto* begin = reinterpret_cast<const unsigned char*>(text);
    const auto* end = begin + size;
    // The whole text is checked first: tokens already handed to FTS5 could not be taken back.
    if (!table || !on_fast_path(begin, end)) return builtin_tokenize(context, flags, text, size, emit);
    const unsigned char* p = begin;
    uint32_t cp = 0;
    int n = 0;
    while (true) {
      while (true) {
        if (p >= end) return SQLITE_OK;
        n = decode(p, end, cp);
        if ((*table)[cp].flags & CharTable::kStarts) break;
        p += n;
      }
      const int token_begin = static_cast<int>(p - begin);
      size_t length = 0;
      while (true) {
        // Room for 3 more bytes (a folded character is at most 3), grown with the longest token.
        if (length + 3 > folded.size()) folded.resize(std::max<size_t>(64, 2 * folded.size()));
        const CharTable::Entry& e = (*table)[cp];
        std::memcpy(folded.data() + length, e.bytes.data(), 3);  // whole, then counted: no branch on the length
        length += e.length;
        p += n;
        if (p >= end) break;
        n = decode(p, end, cp);
        if (!((*table)[cp].flags & CharTable::kContinues)) break;
      }
      int rc = emit(context, 0, folded.data(), static_cast<int>(length), token_begin, static_cast<int>(p - begin));
      if (rc != SQLITE_OK) return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  }
};

const CharTable& char_table(const Module& builtin) {
  static const CharTable table(builtin);  // built once per process, thread-safely
  return table;
}

int fast_create(void* context, const char** args, int nargs, Fts5Tokenizer** out) {
  try {
    const auto* builtin = static_cast<const Module*>(context);
    auto instance = std::make_unique<Instance>();
    instance->builtin = builtin;
    int rc = builtin->methods.xCreate(builtin->context, args, nargs, &instance->builtin_instance);
    if (rc != SQLITE_OK) return rc;
    if (nargs == 0) instance->table = &char_table(*builtin);
    *out = reinterpret_cast<Fts5Tokenizer*>(instance.release());
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void fast_delete(Fts5Tokenizer* t) {
  auto* instance = reinterpret_cast<Instance*>(t);
  if (instance->builtin_instance) instance->builtin->methods.xDelete(instance->builtin_instance);
  delete instance;
}

int fast_tokenize(Fts5Tokenizer* t, void* context, int flags, const char* text, int size, TokenCallback emit) {
  try {
    return reinterpret_cast<Instance*>(t)->tokenize(context, flags, text, size, emit);
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

void delete_module(void* m) { delete static_cast<Module*>(m); }

}  // namespace

void install_fast_unicode61(sqlite3* db) {
  Module builtin = find_unicode61(db);
  if (builtin.methods.xCreate == fast_create) return;  // installed already
  fts5_api* api = fts5_of(db);
  static fts5_tokenizer fast{fast_create, fast_delete, fast_tokenize};
  auto module = std::make_unique<Module>(builtin);
  if (api->xCreateTokenizer(api, "unicode61", module.get(), &fast, delete_module) != SQLITE_OK)
    throw Error("cannot register the full-text tokenizer");
  module.release();  // FTS5 owns it now (delete_module)
}

std::vector<FtsToken> unicode61_tokens(sqlite3* db, std::string_view text) {
  return TokenizerInstance(find_unicode61(db)).tokens(text);
}

}  // namespace rawabit::store

#include "common/malloc_settings.hpp"

#include <malloc.h>

namespace rawabit {

void configure_malloc() {
  // Setting either threshold stops glibc from adjusting the other, so the mmap threshold goes
  // first, and the trim threshold only if it took: alone, it would leave every allocation of
  // 128 KB or more to mmap and the kernel.
  if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMallocMmapThreshold)) == 1)
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(kMallocTrimThreshold));
  // What a heap grows by beyond a request and keeps when it shrinks; a thread's new heap gets
  // min(request + pad, 64 MB) writable at once.
  mallopt(M_TOP_PAD, static_cast<int>(kMallocTopPad));
}

}  // namespace rawabit

#include "text/clitics.hpp"

namespace rawabit::text {

void clitic_readings(std::string_view word, std::vector<Reading>& out) {
  out.clear();
  for_each_reading(word, [&](std::string_view form, size_t stem_offset) { out.push_back({std::string(form), stem_offset}); });
}

}  // namespace rawabit::text

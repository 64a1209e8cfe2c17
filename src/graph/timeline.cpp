#include "graph/timeline.hpp"

#include <algorithm>
#include <charconv>

namespace rawabit::graph {
namespace {

using namespace std::chrono;

// The digits of s[begin, begin + n) as a number; nullopt unless all n are ASCII digits.
std::optional<unsigned> digits(std::string_view s, size_t begin, size_t n) {
  unsigned value = 0;
  if (begin + n > s.size()) return std::nullopt;
  const auto r = std::from_chars(s.data() + begin, s.data() + begin + n, value);
  if (r.ec != std::errc() || r.ptr != s.data() + begin + n) return std::nullopt;
  return value;
}

void append_digits(std::string& out, unsigned value, int width) {
  char text[4];
  for (int i = width - 1; i >= 0; --i, value /= 10) text[i] = static_cast<char>('0' + value % 10);
  out.append(text, static_cast<size_t>(width));
}

}  // namespace

std::optional<Period> date_period(std::string_view date) {
  const auto y = digits(date, 0, 4);
  if (!y) return std::nullopt;
  const year yr{static_cast<int>(*y)};
  if (date.size() == 4) return Period{sys_days{yr / January / 1}, sys_days{yr / December / last}};
  const auto m = date.size() >= 7 && date[4] == '-' ? digits(date, 5, 2) : std::nullopt;
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  const year_month ym = yr / month{*m};
  if (date.size() == 7) return Period{sys_days{ym / 1}, sys_days{ym / last}};
  const auto d = date.size() == 10 && date[7] == '-' ? digits(date, 8, 2) : std::nullopt;
  if (!d) return std::nullopt;
  const year_month_day ymd = ym / day{*d};
  if (!ymd.ok()) return std::nullopt;
  return Period{sys_days{ymd}, sys_days{ymd}};
}

std::vector<Period> merged_periods(const std::vector<std::string>& dates) {
  std::vector<Period> periods;
  periods.reserve(dates.size());
  for (const std::string& date : dates)
    if (const auto period = date_period(date)) periods.push_back(*period);
  std::sort(periods.begin(), periods.end(), [](const Period& a, const Period& b) { return a.start < b.start; });
  size_t merged = 0;
  for (const Period& p : periods) {
    if (merged > 0 && p.start <= periods[merged - 1].end + days{1}) {
      periods[merged - 1].end = std::max(periods[merged - 1].end, p.end);
    } else {
      periods[merged++] = p;
    }
  }
  periods.resize(merged);
  return periods;
}

void append_iso_date(std::string& out, sys_days day) {
  const year_month_day ymd{day};
  append_digits(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
}

}  // namespace rawabit::graph

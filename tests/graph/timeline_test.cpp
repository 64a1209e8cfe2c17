#include <gtest/gtest.h>

#include <cstdio>

#include "graph/timeline.hpp"

namespace rawabit::graph {
namespace {

// A full ISO date, parsed independently of the code under test.
std::chrono::sys_days day(const char* iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(iso, "%d-%u-%u", &y, &m, &d);
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

Period days(const char* start, const char* end) { return {day(start), day(end)}; }

std::string iso(std::chrono::sys_days day) {
  std::string out;
  append_iso_date(out, day);
  return out;
}

struct PeriodCase {
  const char* date;
  std::optional<Period> expected;
};

TEST(DatePeriod, FullAndPartialIsoDates) {
  const PeriodCase cases[] = {
      {"2023-05-10", days("2023-05-10", "2023-05-10")},
      {"2023-05", days("2023-05-01", "2023-05-31")},
      {"2024-02", days("2024-02-01", "2024-02-29")},  // leap year
      {"2023-02", days("2023-02-01", "2023-02-28")},
      {"2023", days("2023-01-01", "2023-12-31")},
      {"0999", days("0999-01-01", "0999-12-31")},
      {"2023-02-30", std::nullopt},
      {"2023-13", std::nullopt},
      {"2023-5-1", std::nullopt},
      {"20230510", std::nullopt},
      {"2023-05-10T12:00", std::nullopt},
      {"", std::nullopt},
      {"unknown", std::nullopt},
      {"٢٠٢٣", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(date_period(c.date), c.expected) << c.date;
}

struct MergeCase {
  std::vector<std::string> dates;
  std::vector<Period> expected;
  const char* why;
};

TEST(MergedPeriods, MergesOverlappingAndAdjacentPeriods) {
  const MergeCase cases[] = {
      {{}, {}, "no dates"},
      {{"2023-03-25"}, {days("2023-03-25", "2023-03-25")}, "one day"},
      {{"2023-03-25", "2023-05-25"}, {days("2023-03-25", "2023-03-25"), days("2023-05-25", "2023-05-25")}, "recurring"},
      {{"2023-03-25", "2023-03-26", "2023-03-27"}, {days("2023-03-25", "2023-03-27")}, "consecutive days"},
      {{"2023-05", "2023-05-10"}, {days("2023-05-01", "2023-05-31")}, "a day inside a month"},
      {{"2023-05", "2023-06-01"}, {days("2023-05-01", "2023-06-01")}, "a month and the next day"},
      {{"2023-07-01", "2023", "2024-01-01"}, {days("2023-01-01", "2024-01-01")}, "unsorted, a year"},
      {{"garbage", "2023-03-25"}, {days("2023-03-25", "2023-03-25")}, "invalid dates skipped"},
  };
  for (const auto& c : cases) EXPECT_EQ(merged_periods(c.dates), c.expected) << c.why;
}

TEST(AppendIsoDate, WritesFourDigitYearsAndTwoDigitMonthsAndDays) {
  using namespace std::chrono;
  EXPECT_EQ(iso(sys_days{2023y / May / 10}), "2023-05-10");
  EXPECT_EQ(iso(sys_days{year{999} / December / 31}), "0999-12-31");
  EXPECT_EQ(iso(sys_days{2024y / February / last}), "2024-02-29");
}

}  // namespace
}  // namespace rawabit::graph

// Evidence dates as time intervals, for the dynamic GEXF export. Dates in the database are ISO
// dates, possibly partial: "2023-05-10", "2023-05" (the month) or "2023" (the year).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::graph {

// Whole days, both ends included.
struct Period {
  std::chrono::sys_days start, end;
  bool operator==(const Period&) const = default;
};

// The days a date covers; nullopt for text that is not a valid (partial) ISO date.
std::optional<Period> date_period(std::string_view date);

// The periods `dates` cover, in order, with overlapping and adjacent ones merged: one period for a
// fact seen continuously, several for a fact that recurs. Invalid dates are skipped.
std::vector<Period> merged_periods(const std::vector<std::string>& dates);

// Appends the day as "YYYY-MM-DD" (years 0 to 9999, as date_period produces them).
void append_iso_date(std::string& out, std::chrono::sys_days day);

}  // namespace rawabit::graph

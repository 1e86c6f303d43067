// The valid range of every quantity a model or scenario file gives, checked where it is read, so
// that no value can overflow simulated time (integer seconds, at most 2^47) or make a process
// take no time. models/README.md and scenarios/README.md list them. The bounds are wide: each
// is far outside what the real corridor shows (../shared/corridor-facts.md) and inside what the
// engine and the result files can hold.
#pragma once
#include <string_view>

namespace corridor::scenario::detail {

/// [low, high], or (low, high] when `low_open`; `unit` names it in messages ("km/h").
struct Range {
    double low;
    double high;
    bool low_open;
    std::string_view unit;
};

// assumption: no single process, wait or crossing in a corridor model lasts longer than a year.
inline constexpr Range kProcessHours{0, 8760, false, "h"};
inline constexpr Range kPositiveProcessHours{0, 8760, true, "h"};
// Freight moves at a walking pace at least (1 km/h) and no faster than an airliner.
inline constexpr Range kSpeedKmh{1, 1200, false, "km/h"};
// Half the Earth's circumference: no link is longer.
inline constexpr Range kLengthKm{0, 20000, true, "km"};
inline constexpr Range kGaugeMm{500, 2000, false, "mm"};
// From one path every 100 days to one every second.
inline constexpr Range kPathsPerDay{0.01, 86400, false, "paths a day"};
inline constexpr Range kUnitsPerCraneHour{0.01, 100000, false, "units an hour"};
inline constexpr Range kUsdPerUnitKm{0, 1000, false, "USD per unit-km"};
inline constexpr Range kUsdPerUnit{0, 1e7, false, "USD per unit"};
inline constexpr Range kGramsPerTonneKm{0, 10000, false, "g CO2e per tonne-km"};
inline constexpr Range kTonnesPerUnit{0, 100000, true, "t"};
inline constexpr Range kHazardClass{1, 9, false, ""};
inline constexpr Range kCapacityUnits{0, 1e6, true, "units"};
inline constexpr Range kShare{0, 1, false, ""};
inline constexpr Range kPositiveShare{0, 1, true, ""};
// assumption: a timetable runs no more often than every 6 minutes (a denser one is a line's
// capacity, not a service's).
inline constexpr Range kEveryHours{0.1, 8760, false, "h"};
inline constexpr Range kLatitude{-90, 90, false, "degrees"};
inline constexpr Range kLongitude{-180, 180, false, "degrees"};
inline constexpr Range kYear{1900, 2200, false, ""};
inline constexpr Range kDistributionShape{0, 1000, true, ""};
inline constexpr Range kWeight{0, 1e9, false, ""};

// Scenarios. A horizon of up to 20 years of simulated time (assumption: corridor plans look
// two decades ahead at most); days within it.
inline constexpr Range kHorizonDays{1, 7305, false, "days"};
inline constexpr Range kDays{0, 7305, false, "days"};
inline constexpr Range kPositiveDays{0, 7305, true, "days"};
// A flow's rate, in whichever period it is given (about the same bound in each).
inline constexpr Range kUnitsPerDay{0, 3e5, false, "units a day"};
inline constexpr Range kUnitsPerWeek{0, 2e6, false, "units a week"};
inline constexpr Range kUnitsPerMonth{0, 1e7, false, "units a month"};
inline constexpr Range kUnitsPerYear{0, 1e8, false, "units a year"};
inline constexpr Range kBatchUnits{0, 1e6, true, "units"};
inline constexpr Range kLogitScale{0, 1e6, true, ""};
inline constexpr Range kUsdPerHour{0, 1e6, false, "USD/h"};
inline constexpr Range kUsdPerTonne{0, 1e5, false, "USD/t"};

} // namespace corridor::scenario::detail

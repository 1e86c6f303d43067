// Physical quantities used by the model. Cross-unit relations are named functions, written once.
#pragma once
#include <chrono>
#include <compare>
#include <cstdint>

namespace corridor::core {

/// A number with a unit. Same-unit addition and subtraction, scaling by a plain number and a
/// same-unit ratio are allowed; nothing else, so Km + Tonnes does not compile.
template <class Tag, class Rep = double>
class Quantity {
public:
    using rep = Rep;
    constexpr Quantity() = default;
    constexpr explicit Quantity(Rep value) : value_{value} {}
    [[nodiscard]] constexpr Rep value() const { return value_; }

    constexpr Quantity& operator+=(Quantity rhs) {
        value_ += rhs.value_;
        return *this;
    }
    constexpr Quantity& operator-=(Quantity rhs) {
        value_ -= rhs.value_;
        return *this;
    }
    friend constexpr Quantity operator+(Quantity a, Quantity b) { return a += b; }
    friend constexpr Quantity operator-(Quantity a, Quantity b) { return a -= b; }
    friend constexpr Quantity operator*(Quantity q, Rep k) { return Quantity{q.value_ * k}; }
    friend constexpr Quantity operator*(Rep k, Quantity q) { return Quantity{q.value_ * k}; }
    friend constexpr double operator/(Quantity a, Quantity b) { // a ratio has no unit
        return static_cast<double>(a.value_) / static_cast<double>(b.value_);
    }
    friend constexpr auto operator<=>(const Quantity&, const Quantity&) = default;

private:
    Rep value_{};
};

using Km = Quantity<struct KmTag>;
using KmPerHour = Quantity<struct KmPerHourTag>;
using Tonnes = Quantity<struct TonnesTag>;
using Usd = Quantity<struct UsdTag>;
using KgCo2e = Quantity<struct KgCo2eTag>;
/// Latitude or longitude (WGS 84).
using Degrees = Quantity<struct DegreesTag>;
/// Cargo in its class's unit: TEU, wagons, trucks or tonnes (fractional where a batch's last
/// consignment takes the remainder).
using Units = Quantity<struct UnitsTag>;
using UnitsPerDay = Quantity<struct UnitsPerDayTag>;
using UnitsPerHour = Quantity<struct UnitsPerHourTag>;
/// Vehicles or train paths a day (a link's capacity).
using PerDay = Quantity<struct PerDayTag>;
/// A price per unit of cargo and km.
using UsdPerUnitKm = Quantity<struct UsdPerUnitKmTag>;
/// Emissions: grams of CO2e per tonne of cargo and km.
using GramsPerTonneKm = Quantity<struct GramsPerTonneKmTag>;
/// The value of time of one unit of cargo.
using UsdPerHour = Quantity<struct UsdPerHourTag>;
/// A carbon price, per tonne of CO2e.
using UsdPerTonne = Quantity<struct UsdPerTonneTag>;

/// Model inputs in hours and days; rounded to simulation ticks once, in time.hpp.
using Hours = std::chrono::duration<double, std::ratio<3600>>;
using Days = std::chrono::duration<double, std::ratio<86400>>;

/// The number a quantity holds in its unit, for output (CSV, JSON, text).
template <class Tag, class Rep>
constexpr Rep magnitude(Quantity<Tag, Rep> q) {
    return q.value();
}
template <class Rep, class Period>
constexpr Rep magnitude(std::chrono::duration<Rep, Period> d) {
    return d.count();
}
constexpr double magnitude(double x) { return x; }

constexpr Hours travel_time(Km distance, KmPerHour speed) {
    return Hours{distance.value() / speed.value()};
}

/// What riding `distance` costs one unit of cargo.
constexpr Usd cost_over(UsdPerUnitKm price, Km distance) { return Usd{price.value() * distance.value()}; }

/// The CO2e of carrying `mass` over `distance`.
constexpr KgCo2e emissions(GramsPerTonneKm factor, Tonnes mass, Km distance) {
    return KgCo2e{factor.value() * mass.value() * distance.value() / 1000.0};
}

} // namespace corridor::core

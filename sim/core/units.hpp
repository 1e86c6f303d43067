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
using TonneKm = Quantity<struct TonneKmTag>;
using Usd = Quantity<struct UsdTag>;
using KgCo2e = Quantity<struct KgCo2eTag>;
using Teu = Quantity<struct TeuTag, std::int64_t>; // containers are counted, not measured

/// Model inputs in hours; rounded to simulation ticks once, in time.hpp.
using Hours = std::chrono::duration<double, std::ratio<3600>>;

constexpr Hours travel_time(Km distance, KmPerHour speed) {
    return Hours{distance.value() / speed.value()};
}

constexpr TonneKm tonne_km(Tonnes mass, Km distance) {
    return TonneKm{mass.value() * distance.value()};
}

} // namespace corridor::core

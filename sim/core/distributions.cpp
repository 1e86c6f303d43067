// Sampling and moments of the distributions in distributions.hpp.
#include "sim/core/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace corridor::core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double normal_pdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI); }

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

// Marsaglia & Tsang (2000); shape < 1 through the shape + 1 boost.
double sample_gamma(double shape, double scale, RandomStream& stream) {
    if (shape < 1.0) {
        const double u = stream.uniform_open01();
        return sample_gamma(shape + 1.0, scale, stream) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0;
        double v = 0;
        do {
            x = normal_quantile(stream.uniform_open01());
            v = 1.0 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const double u = stream.uniform_open01();
        if (u < 1.0 - 0.0331 * x * x * x * x ||
            std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) {
            return d * v * scale;
        }
    }
}

struct Checker {
    std::optional<std::string> operator()(const Deterministic& d) const {
        if (!std::isfinite(d.value)) return "deterministic value must be finite";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Exponential& d) const {
        if (!finite_positive(d.mean)) return "exponential mean must be > 0";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Uniform& d) const {
        if (!std::isfinite(d.low) || !std::isfinite(d.high) || !(d.low <= d.high))
            return "uniform needs finite low <= high";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const TruncatedNormal& d) const {
        if (!std::isfinite(d.mean) || !finite_positive(d.sd)) return "normal needs a finite mean and sd > 0";
        if (!(d.low < d.high)) return "normal truncation needs low < high";
        const double mass = normal_cdf((d.high - d.mean) / d.sd) - normal_cdf((d.low - d.mean) / d.sd);
        if (!(mass > 1e-12)) return "normal truncation [low, high] holds almost no probability";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Lognormal& d) const {
        if (!finite_positive(d.mean) || !finite_positive(d.sd)) return "lognormal needs mean > 0 and sd > 0";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Triangular& d) const {
        if (!std::isfinite(d.low) || !std::isfinite(d.high) || !(d.low <= d.mode) ||
            !(d.mode <= d.high) || !(d.low < d.high))
            return "triangular needs low <= mode <= high and low < high";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Gamma& d) const {
        if (!finite_positive(d.shape) || !finite_positive(d.scale)) return "gamma needs shape > 0 and scale > 0";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Weibull& d) const {
        if (!finite_positive(d.shape) || !finite_positive(d.scale)) return "weibull needs shape > 0 and scale > 0";
        return std::nullopt;
    }
    std::optional<std::string> operator()(const Empirical& d) const {
        if (d.values.empty()) return "empirical needs at least one value";
        if (d.values.size() != d.weights.size()) return "empirical needs one weight per value";
        double total = 0;
        for (std::size_t i = 0; i < d.values.size(); ++i) {
            if (!std::isfinite(d.values[i])) return "empirical values must be finite";
            if (!std::isfinite(d.weights[i]) || d.weights[i] < 0) return "empirical weights must be >= 0";
            total += d.weights[i];
        }
        if (!(total > 0)) return "empirical weights must not all be zero";
        return std::nullopt;
    }
};

} // namespace

std::optional<std::string> check(const DistributionSpec& spec) { return std::visit(Checker{}, spec); }

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_quantile(double p) {
    // Wichura, M. J. (1988) Algorithm AS 241: PPND16. Applied Statistics 37, 477-484.
    if (p <= 0) return -kInf;
    if (p >= 1) return kInf;
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q *
               (((((((2509.0809287301226727 * r + 33430.575583588128105) * r +
                     67265.770927008700853) * r + 45921.953931549871457) * r +
                   13731.693765509461125) * r + 1971.5909503065514427) * r +
                 133.14166789178437745) * r + 3.387132872796366608) /
               (((((((5226.495278852545925 * r + 28729.085735721942674) * r +
                     39307.89580009271061) * r + 21213.794301586595867) * r +
                   5394.1960214247511077) * r + 687.1870074920579083) * r +
                 42.313330701600911252) * r + 1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    r = std::sqrt(-std::log(r));
    double value = 0;
    if (r <= 5.0) {
        r -= 1.6;
        value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r +
                      0.24178072517745061177) * r + 1.27045825245236838258) * r +
                    3.64784832476320460504) * r + 5.7694972214606914055) * r +
                  4.6303378461565452959) * r + 1.42343711074968357734) /
                (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
                      0.0151986665636164571966) * r + 0.14810397642748007459) * r +
                    0.68976733498510000455) * r + 1.6763848301838038494) * r +
                  2.05319162663775882187) * r + 1.0);
    } else {
        r -= 5.0;
        value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                      0.0012426609473880784386) * r + 0.026532189526576123093) * r +
                    0.29656057182850489123) * r + 1.7848265399172913358) * r +
                  5.4637849111641143699) * r + 6.6579046435011037772) /
                (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
                      1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
                    0.0148753612908506148525) * r + 0.13692988092273580531) * r +
                  0.59983220655588793769) * r + 1.0);
    }
    return q < 0 ? -value : value;
}

Distribution::Distribution(DistributionSpec spec) : spec_{std::move(spec)} {
    if (auto problem = check(spec_)) {
        throw std::invalid_argument(*problem);
    }
    struct MeanOf {
        Distribution& self;
        double operator()(const Deterministic& d) const { return d.value; }
        double operator()(const Exponential& d) const { return d.mean; }
        double operator()(const Uniform& d) const { return 0.5 * (d.low + d.high); }
        double operator()(const TruncatedNormal& d) const {
            const double a = (d.low - d.mean) / d.sd;
            const double b = (d.high - d.mean) / d.sd;
            self.cdf_low_ = normal_cdf(a);
            self.cdf_high_ = normal_cdf(b);
            const double pa = std::isfinite(a) ? normal_pdf(a) : 0.0;
            const double pb = std::isfinite(b) ? normal_pdf(b) : 0.0;
            return d.mean + d.sd * (pa - pb) / (self.cdf_high_ - self.cdf_low_);
        }
        double operator()(const Lognormal& d) const {
            const double ratio = d.sd / d.mean;
            self.log_sigma_ = std::sqrt(std::log1p(ratio * ratio));
            self.log_mu_ = std::log(d.mean) - 0.5 * self.log_sigma_ * self.log_sigma_;
            return d.mean;
        }
        double operator()(const Triangular& d) const { return (d.low + d.mode + d.high) / 3.0; }
        double operator()(const Gamma& d) const { return d.shape * d.scale; }
        double operator()(const Weibull& d) const { return d.scale * std::tgamma(1.0 + 1.0 / d.shape); }
        double operator()(const Empirical& d) const {
            self.cumulative_.resize(d.weights.size());
            std::partial_sum(d.weights.begin(), d.weights.end(), self.cumulative_.begin());
            double sum = 0;
            for (std::size_t i = 0; i < d.values.size(); ++i) sum += d.values[i] * d.weights[i];
            return sum / self.cumulative_.back();
        }
    };
    mean_ = std::visit(MeanOf{*this}, spec_);
    struct VarianceOf {
        const Distribution& self;
        double operator()(const Deterministic&) const { return 0.0; }
        double operator()(const Exponential& d) const { return d.mean * d.mean; }
        double operator()(const Uniform& d) const { return (d.high - d.low) * (d.high - d.low) / 12.0; }
        double operator()(const TruncatedNormal& d) const {
            // σ² [1 + (a φ(a) − b φ(b)) / Z − ((φ(a) − φ(b)) / Z)²], Z = Φ(b) − Φ(a).
            const double a = (d.low - d.mean) / d.sd;
            const double b = (d.high - d.mean) / d.sd;
            const double pa = std::isfinite(a) ? normal_pdf(a) : 0.0;
            const double pb = std::isfinite(b) ? normal_pdf(b) : 0.0;
            const double apa = std::isfinite(a) ? a * pa : 0.0;
            const double bpb = std::isfinite(b) ? b * pb : 0.0;
            const double z = self.cdf_high_ - self.cdf_low_;
            const double shift = (pa - pb) / z;
            return std::max(0.0, d.sd * d.sd * (1.0 + (apa - bpb) / z - shift * shift));
        }
        double operator()(const Lognormal& d) const { return d.sd * d.sd; }
        double operator()(const Triangular& d) const {
            return (d.low * d.low + d.mode * d.mode + d.high * d.high - d.low * d.mode - d.low * d.high - d.mode * d.high) / 18.0;
        }
        double operator()(const Gamma& d) const { return d.shape * d.scale * d.scale; }
        double operator()(const Weibull& d) const {
            const double g1 = std::tgamma(1.0 + 1.0 / d.shape);
            return d.scale * d.scale * std::max(0.0, std::tgamma(1.0 + 2.0 / d.shape) - g1 * g1);
        }
        double operator()(const Empirical& d) const {
            double sum = 0;
            for (std::size_t i = 0; i < d.values.size(); ++i) {
                const double dev = d.values[i] - self.mean_;
                sum += dev * dev * d.weights[i];
            }
            return sum / self.cumulative_.back();
        }
    };
    variance_ = std::visit(VarianceOf{*this}, spec_);
}

double Distribution::sample(RandomStream& stream) const {
    struct Sampler {
        const Distribution& self;
        RandomStream& stream;
        double operator()(const Deterministic& d) const { return d.value; }
        double operator()(const Exponential& d) const {
            return -d.mean * std::log(stream.uniform_open01());
        }
        double operator()(const Uniform& d) const {
            return d.low + (d.high - d.low) * stream.uniform01();
        }
        double operator()(const TruncatedNormal& d) const {
            const double u = stream.uniform_open01();
            const double p = self.cdf_low_ + u * (self.cdf_high_ - self.cdf_low_);
            const double x = d.mean + d.sd * normal_quantile(p);
            return std::clamp(x, d.low, d.high); // guards the last ulp of the inverse CDF
        }
        double operator()(const Lognormal&) const {
            return std::exp(self.log_mu_ + self.log_sigma_ * normal_quantile(stream.uniform_open01()));
        }
        double operator()(const Triangular& d) const {
            const double u = stream.uniform01();
            const double width = d.high - d.low;
            const double split = (d.mode - d.low) / width;
            if (u < split) return d.low + std::sqrt(u * width * (d.mode - d.low));
            return d.high - std::sqrt((1.0 - u) * width * (d.high - d.mode));
        }
        double operator()(const Gamma& d) const { return sample_gamma(d.shape, d.scale, stream); }
        double operator()(const Weibull& d) const {
            return d.scale * std::pow(-std::log(stream.uniform_open01()), 1.0 / d.shape);
        }
        double operator()(const Empirical& d) const {
            const double target = stream.uniform01() * self.cumulative_.back();
            const auto it = std::upper_bound(self.cumulative_.begin(), self.cumulative_.end(), target);
            const auto index = std::min<std::size_t>(
                static_cast<std::size_t>(it - self.cumulative_.begin()), d.values.size() - 1);
            return d.values[index];
        }
    };
    return std::visit(Sampler{*this, stream}, spec_);
}

} // namespace corridor::core

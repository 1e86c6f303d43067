// Diagnostics (errors and warnings from loading a model or a scenario), one line each.
#pragma once
#include <ostream>
#include <vector>

#include "sim/scenario/diagnostics.hpp"

namespace corridor::cli::detail {

inline void print(std::ostream& err, const std::vector<scenario::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) err << scenario::to_string(d) << '\n';
}

} // namespace corridor::cli::detail

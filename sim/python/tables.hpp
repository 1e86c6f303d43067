// Result tables handed to Python: each column as a NumPy array (float64, int64), a list of str,
// or a categorical's codes and names; corridor/__init__.py makes them DataFrames.
#pragma once
#include <pybind11/pybind11.h>

#include "sim/report/table.hpp"

namespace corridor::python {

/// {"name": ..., "columns": [(name, kind, values)]} with kind "float64", "int64", "str" or
/// "category" (values then (codes, names)).
pybind11::dict to_python(const report::Table& table);

} // namespace corridor::python

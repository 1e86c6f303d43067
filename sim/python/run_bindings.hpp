// corridor.load_scenario, corridor.run, corridor.compare and corridor.sweep.
#pragma once
#include <pybind11/pybind11.h>

namespace corridor::python {
void bind_runs(pybind11::module_& module);
} // namespace corridor::python

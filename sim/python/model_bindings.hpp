// corridor.load_model and corridor.route.
#pragma once
#include <pybind11/pybind11.h>

namespace corridor::python {
void bind_model(pybind11::module_& module);
} // namespace corridor::python

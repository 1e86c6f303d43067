// The extension module corridor._corridor; corridor/__init__.py is its face.
#include <pybind11/pybind11.h>

#include "sim/python/errors.hpp"
#include "sim/python/model_bindings.hpp"
#include "sim/python/run_bindings.hpp"

PYBIND11_MODULE(_corridor, module) {
    module.doc() = "corridor's simulation, routing and result tables (use the corridor package)";
    corridor::python::register_errors(module);
    corridor::python::bind_model(module);
    corridor::python::bind_runs(module);
}

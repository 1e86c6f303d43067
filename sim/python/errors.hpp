// Input errors as Python sees them: corridor.InputError, carrying every diagnostic.
#pragma once
#include <pybind11/pybind11.h>

namespace corridor::python {

/// Defines corridor.InputError (a ValueError) on `module` and turns scenario::InputError into it:
/// its message is every diagnostic, one a line, as the command line prints them; its
/// `diagnostics` a list of dicts with file, line, column, severity, message and suggestion (the
/// near-miss name of a "did you mean", else None).
void register_errors(pybind11::module_& module);

} // namespace corridor::python

// corridor.InputError.
#include "sim/python/errors.hpp"

#include <string>

#include "sim/scenario/diagnostics.hpp"

namespace corridor::python {

namespace py = pybind11;

namespace {

PyObject* input_error_type = nullptr; // created once with the module, kept for the process

py::object suggestion_of(const std::string& message) {
    const std::string marker = "did you mean '";
    const auto at = message.rfind(marker);
    if (at == std::string::npos) return py::none();
    const auto start = at + marker.size();
    const auto end = message.find('\'', start);
    if (end == std::string::npos) return py::none();
    return py::str(message.substr(start, end - start));
}

} // namespace

void register_errors(py::module_& module) {
    input_error_type = PyErr_NewExceptionWithDoc(
        "corridor.InputError",
        "Bad input: every problem found in the files, each with file, line, column and message (diagnostics).",
        PyExc_ValueError, nullptr);
    module.add_object("InputError", py::handle(input_error_type));
    // pybind11 hands translators the pointer by value.
    py::register_exception_translator([](std::exception_ptr p) { // NOLINT(performance-unnecessary-value-param)
        try {
            if (p) std::rethrow_exception(p);
        } catch (const scenario::InputError& e) {
            py::gil_scoped_acquire gil;
            py::list diagnostics;
            std::string text;
            for (const auto& d : e.diagnostics()) {
                py::dict item;
                item["file"] = d.where.file;
                item["line"] = d.where.line;
                item["column"] = d.where.column;
                item["severity"] = d.severity == scenario::Severity::error ? "error" : "warning";
                item["message"] = d.message;
                item["suggestion"] = suggestion_of(d.message);
                diagnostics.append(item);
                text += (text.empty() ? "" : "\n") + scenario::to_string(d);
            }
            py::object error = py::reinterpret_borrow<py::object>(input_error_type)(text);
            error.attr("diagnostics") = diagnostics;
            PyErr_SetObject(input_error_type, error.ptr());
        }
    });
}

} // namespace corridor::python

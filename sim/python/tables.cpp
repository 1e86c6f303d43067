// Result tables as NumPy arrays.
#include "sim/python/tables.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace corridor::python {

namespace py = pybind11;

namespace {

template <class T>
py::array_t<T> array_of(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

} // namespace

py::dict to_python(const report::Table& table) {
    py::list columns;
    for (const auto& column : table.columns()) {
        const auto& values = column.values;
        if (const auto* numbers = std::get_if<report::Column::Numbers>(&values)) {
            columns.append(py::make_tuple(column.name, "float64", array_of(*numbers)));
        } else if (const auto* integers = std::get_if<report::Column::Integers>(&values)) {
            columns.append(py::make_tuple(column.name, "int64", array_of(*integers)));
        } else if (const auto* texts = std::get_if<report::Column::Texts>(&values)) {
            columns.append(py::make_tuple(column.name, "str", py::cast(*texts)));
        } else {
            const auto& cats = std::get<report::Categories>(values);
            columns.append(py::make_tuple(column.name, "category", py::make_tuple(array_of(cats.codes), py::cast(cats.names))));
        }
    }
    py::dict out;
    out["name"] = table.name();
    out["columns"] = columns;
    return out;
}

} // namespace corridor::python

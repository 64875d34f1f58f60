#pragma once
// Between nlohmann::json and Python objects, through the text both sides read and write
// exactly (numbers as the shortest text that reads back to the same double).
#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace eqlab::python {

pybind11::object to_python(const nlohmann::ordered_json& value);
pybind11::object to_python(const nlohmann::json& value);
// A dict, list, number, string, bool or None; TypeError for anything json.dumps refuses.
nlohmann::json from_python(const pybind11::handle& value);

}  // namespace eqlab::python

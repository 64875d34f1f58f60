#include "json_bridge.hpp"

namespace py = pybind11;

namespace eqlab::python {

namespace {

py::object json_module() { return py::module_::import("json"); }

}  // namespace

py::object to_python(const nlohmann::ordered_json& value) { return json_module().attr("loads")(value.dump()); }

py::object to_python(const nlohmann::json& value) { return json_module().attr("loads")(value.dump()); }

nlohmann::json from_python(const py::handle& value) {
  const std::string text = py::cast<std::string>(json_module().attr("dumps")(value, py::arg("allow_nan") = false));
  return nlohmann::json::parse(text);
}

}  // namespace eqlab::python

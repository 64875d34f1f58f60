#include "param_args.hpp"

namespace eqlab::cli {

nlohmann::json param_values(const Args& args, const std::string& command) {
  nlohmann::json params = nlohmann::json::object();
  for (const std::string& pair : args.all("--param")) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) throw CommandLineError(command, "--param needs KEY=VALUE, not '" + pair + "'");
    const std::string value = pair.substr(eq + 1);
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    params[pair.substr(0, eq)] =
        parsed.is_discarded() || parsed.is_object() || parsed.is_array() ? nlohmann::json(value) : parsed;
  }
  return params;
}

}  // namespace eqlab::cli

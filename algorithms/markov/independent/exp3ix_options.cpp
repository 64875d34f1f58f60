#include <eqlab/algorithms/markov/independent/exp3ix_options.hpp>

#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

Exp3IxOptions parse_exp3ix_options(const nlohmann::json& params, const std::string& solver) {
  if (!params.is_null() && !params.is_object())
    throw UsageError("solver " + solver + ": the parameters must be a JSON object");
  Exp3IxOptions options;
  if (params.is_null()) return options;
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& key = it.key();
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (key == "lr_scale") {
      options.lr_scale = positive_number_param(value, solver, key);
    } else if (key == "ix_scale") {
      options.ix_scale = positive_number_param(value, solver, key);
    } else if (key == "log" && (value == "true" || value == "1" || value == "false" || value == "0")) {
      options.log = value == "true" || value == "1";
    } else if (key == "log") {
      throw UsageError("solver " + solver + ": log must be true or false, not " + value);
    } else {
      throw UsageError("solver " + solver + ": unknown parameter " + key + " (lr_scale, ix_scale, log)");
    }
  }
  return options;
}

nlohmann::json to_json(const Exp3IxOptions& options) {
  return {{"lr_scale", options.lr_scale}, {"ix_scale", options.ix_scale}, {"log", options.log}};
}

}  // namespace eqlab

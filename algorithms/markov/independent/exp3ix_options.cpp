#include <eqlab/algorithms/markov/independent/exp3ix_options.hpp>

#include <eqlab/algorithms/json_option_reader.hpp>

namespace eqlab {

Exp3IxOptions parse_exp3ix_options(const nlohmann::json& params, const std::string& solver) {
  const JsonOptionReader in(params, solver, {"lr_scale", "ix_scale", "log"});
  Exp3IxOptions options;
  options.lr_scale = in.positive("lr_scale", options.lr_scale);
  options.ix_scale = in.positive("ix_scale", options.ix_scale);
  options.log = in.flag("log", options.log);
  return options;
}

nlohmann::json to_json(const Exp3IxOptions& options) {
  return {{"lr_scale", options.lr_scale}, {"ix_scale", options.ix_scale}, {"log", options.log}};
}

}  // namespace eqlab

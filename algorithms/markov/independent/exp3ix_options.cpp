#include <eqlab/algorithms/markov/independent/exp3ix_options.hpp>

#include <cmath>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

double exp3ix_eta_factor(const Exp3IxOptions& options) {
  return options.preset == "paper" ? std::sqrt(2.0) : options.lr_scale;
}

double exp3ix_gamma_factor(const Exp3IxOptions& options) {
  return options.preset == "paper" ? std::sqrt(2.0) / 2.0 : options.ix_scale;
}

Exp3IxOptions parse_exp3ix_options(const nlohmann::json& params, const std::string& solver) {
  const JsonOptionReader in(params, solver, {"preset", "lr_scale", "ix_scale", "log"});
  Exp3IxOptions options;
  options.preset = in.preset();
  if (options.preset == "paper")
    for (const char* fixed : {"lr_scale", "ix_scale"})
      if (in.has(fixed))
        throw UsageError("solver " + solver + ": preset paper fixes " + fixed + "; use preset practical to set it");
  options.lr_scale = in.positive("lr_scale", options.lr_scale);
  options.ix_scale = in.positive("ix_scale", options.ix_scale);
  options.log = in.flag("log", options.log);
  return options;
}

nlohmann::json to_json(const Exp3IxOptions& options) {
  nlohmann::json j = {{"preset", options.preset}, {"lr_scale", options.lr_scale}, {"ix_scale", options.ix_scale},
                      {"log", options.log}};
  if (options.preset == "paper") {
    j["eta_factor"] = exp3ix_eta_factor(options);
    j["gamma_factor"] = exp3ix_gamma_factor(options);
  }
  return j;
}

std::vector<ParamSpec> exp3ix_param_specs() {
  ParamSpec preset =
      choice_param("preset", {"practical", "paper"}, "practical",
                   "paper: eta_t = 2 gamma_t = sqrt(2 ln A_i / (A_i t)), t the visits of (h, s) (it fixes lr_scale "
                   "and ix_scale); practical: eta_t = gamma_t = sqrt(ln A_i / (A_i t)) times the scales");
  preset.source = "Neu 2015, arXiv:1506.03271, Thm 1 (eta = 2 gamma = sqrt(2 log K / (K T))), T read as the visits";
  return {
      preset,
      positive_param("lr_scale", "1", "the multiple of eta_t = sqrt(ln A_i / (A_i t))"),
      positive_param("ix_scale", "1", "the multiple of the implicit exploration gamma_t (same base value)"),
      flag_param("log", "true", "keep the played distributions (visit-averaged and episode-mixture outputs)"),
  };
}

}  // namespace eqlab

#include <eqlab/algorithms/solver.hpp>

#include <cmath>
#include <string>

#include <eqlab/algorithms/cfr/cfr.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// Applies solver-specific overrides from options.extra to a CFR configuration.
CfrConfig with_overrides(CfrConfig config, const nlohmann::json& extra, const std::string& solver) {
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (it.key() == "regret_matching" && (value == "rm" || value == "rm+")) {
      config.regret_matching_plus = value == "rm+";
    } else if (it.key() == "updates" && (value == "alternating" || value == "simultaneous")) {
      config.alternating = value == "alternating";
    } else if (it.key() == "averaging" && (value == "uniform" || value == "linear" || value == "quadratic")) {
      config.averaging = value == "linear"      ? CfrConfig::Averaging::linear
                         : value == "quadratic" ? CfrConfig::Averaging::quadratic
                                                : CfrConfig::Averaging::uniform;
    } else {
      throw UsageError("solver " + solver + ": unknown parameter or value " + it.key() + "=" + value +
                       " (regret_matching=rm|rm+, updates=alternating|simultaneous, averaging=uniform|linear|quadratic)");
    }
  }
  return config;
}

OmdConfig omd_config(const nlohmann::json& extra) {
  OmdConfig config;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (it.key() == "form" && (value == "ftrl" || value == "omd")) {
      config.form = value == "ftrl" ? DilatedEntropyLearner::Form::ftrl : DilatedEntropyLearner::Form::omd;
    } else if (it.key() == "step" && (value == "practical" || value == "theory")) {
      config.theory_step = value == "theory";
    } else if (it.key() == "eta_scale") {
      std::size_t used = 0;
      double scale = 0.0;
      try {
        scale = std::stod(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != value.size() || !(scale > 0.0) || !std::isfinite(scale))
        throw UsageError("solver omd: eta_scale must be a positive number, not " + value);
      config.eta_scale = scale;
    } else {
      throw UsageError("solver omd: unknown parameter or value " + it.key() + "=" + value +
                       " (form=ftrl|omd, step=practical|theory, eta_scale=NUMBER)");
    }
  }
  return config;
}

}  // namespace

const std::vector<SolverInfo>& solver_list() {
  static const std::vector<SolverInfo> list = {
      {"cfr", "counterfactual regret minimisation: regret matching, alternating updates, uniform averaging", false},
      {"cfr+", "CFR+: regret matching+, alternating updates, linear averaging", false},
      {"rm", "regret matching for normal-form games: simultaneous updates, uniform averaging", true},
      {"pcfr+", "predictive CFR+: regret matching+ on regrets plus the last regret, alternating updates, "
                "quadratic averaging", false},
      {"omd", "dilated-entropy online mirror descent (Hedge over pure plans), simultaneous updates, "
              "uniform averaging", false},
  };
  return list;
}

std::unique_ptr<Solver> make_solver(const std::string& name, const CompiledGame& game,
                                    const SolverOptions& options, bool normal_form) {
  if (name == "omd") return std::make_unique<OmdSolver>(game, omd_config(options.extra), options.seed);
  CfrConfig config;
  if (name == "cfr") {
    // The defaults of CfrConfig.
  } else if (name == "cfr+") {
    config.regret_matching_plus = true;
    config.averaging = CfrConfig::Averaging::linear;
  } else if (name == "pcfr+") {
    config.regret_matching_plus = true;
    config.predictive = true;
    config.averaging = CfrConfig::Averaging::quadratic;
  } else if (name == "rm") {
    if (!normal_form)
      throw UsageError("solver rm is for normal-form games; use cfr or cfr+ for extensive games");
    config.alternating = false;
  } else {
    std::string names;
    for (const SolverInfo& s : solver_list()) names += (names.empty() ? "" : ", ") + s.name;
    throw UsageError("unknown solver \"" + name + "\" (known: " + names + ")");
  }
  return std::make_unique<CfrSolver>(game, name, with_overrides(config, options.extra, name), options.seed);
}

}  // namespace eqlab

#include <eqlab/algorithms/solver.hpp>

#include <cmath>
#include <string>

#include <eqlab/algorithms/cfr/cfr.hpp>
#include <eqlab/algorithms/kefce/kefr_options.hpp>
#include <eqlab/algorithms/kefce/kefr_solver.hpp>
#include <eqlab/algorithms/omd/efce_omd_solver.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_params.hpp>
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


// Applies overrides to the configuration of omd, omd-balanced or optimistic-omd. The
// optimistic learner has a constant step in FTRL form, so only eta_scale applies there.
OmdConfig omd_config(OmdConfig config, const nlohmann::json& extra, const std::string& solver) {
  const bool step_options = !config.optimistic;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (step_options && it.key() == "form" && (value == "ftrl" || value == "omd")) {
      config.form = value == "ftrl" ? DilatedEntropyLearner::Form::ftrl : DilatedEntropyLearner::Form::omd;
    } else if (step_options && it.key() == "step" && (value == "practical" || value == "theory")) {
      config.theory_step = value == "theory";
    } else if (it.key() == "eta_scale") {
      config.eta_scale = positive_number_param(value, solver, "eta_scale");
    } else {
      throw UsageError("solver " + solver + ": unknown parameter or value " + it.key() + "=" + value + " (" +
                       (step_options ? "form=ftrl|omd, step=practical|theory, " : "") + "eta_scale=NUMBER)");
    }
  }
  return config;
}

// Applies overrides to the configuration of efce-omd or efce-omd-balanced.
EfceOmdConfig efce_omd_config(EfceOmdConfig config, const nlohmann::json& extra, const std::string& solver) {
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (it.key() == "step" && (value == "practical" || value == "theory")) {
      config.theory_step = value == "theory";
    } else if (it.key() == "eta_scale") {
      config.eta_scale = positive_number_param(value, solver, "eta_scale");
    } else {
      throw UsageError("solver " + solver + ": unknown parameter or value " + it.key() + "=" + value +
                       " (step=practical|theory, eta_scale=NUMBER)");
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
              "uniform averaging", false, true},
      {"omd-balanced", "online mirror descent with the balanced dilated entropy (local steps weighted by the "
                       "balanced exploration policy), simultaneous updates, uniform averaging", false, true},
      {"optimistic-omd", "optimistic FTRL with the dilated entropy (the last utility as prediction), constant step, "
                         "simultaneous updates, uniform averaging", false, true},
      {"efce-omd", "EFCE-OMD (Phi-Hedge over trigger deviations): the mixture of the profiles played is an "
                   "extensive-form correlated equilibrium", false, true},
      {"efce-omd-balanced", "EFCE-OMD with the balanced dilated entropy in every trigger learner and the Hedge "
                            "over triggers tempered by their number", false, true},
      {"kefr", "K-EFR: per-infoset wide-range regret over timed recommendation histories (--k K, default 1); "
               "the mixture of the profiles played is a K-EFCE", false, true},
  };
  return list;
}

std::unique_ptr<Solver> make_solver(const std::string& name, const CompiledGame& game,
                                    const SolverOptions& options, bool normal_form) {
  if (name == "omd") return std::make_unique<OmdSolver>(game, omd_config({}, options.extra, name), options.seed);
  if (name == "omd-balanced")
    return std::make_unique<OmdSolver>(game, omd_config(balanced_omd_config(), options.extra, name), options.seed);
  if (name == "efce-omd" || name == "efce-omd-balanced") {
    EfceOmdConfig config;
    config.balanced = name == "efce-omd-balanced";
    return std::make_unique<EfceOmdSolver>(game, efce_omd_config(config, options.extra, name), options.seed);
  }
  if (name == "kefr") return std::make_unique<KefrSolver>(game, kefr_options(options.extra, name), options.seed);
  if (name == "optimistic-omd")
    return std::make_unique<OmdSolver>(game, omd_config(optimistic_omd_config(), options.extra, name), options.seed);
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

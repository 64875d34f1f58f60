#include <eqlab/algorithms/solver.hpp>

#include <eqlab/algorithms/cfr/cfr.hpp>
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
    } else if (it.key() == "averaging" && (value == "uniform" || value == "linear")) {
      config.averaging = value == "linear" ? CfrConfig::Averaging::linear : CfrConfig::Averaging::uniform;
    } else {
      throw UsageError("solver " + solver + ": unknown parameter or value " + it.key() + "=" + value +
                       " (regret_matching=rm|rm+, updates=alternating|simultaneous, averaging=uniform|linear)");
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
  };
  return list;
}

std::unique_ptr<Solver> make_solver(const std::string& name, const CompiledGame& game,
                                    const SolverOptions& options, bool normal_form) {
  CfrConfig config;
  if (name == "cfr") {
    // The defaults of CfrConfig.
  } else if (name == "cfr+") {
    config.regret_matching_plus = true;
    config.averaging = CfrConfig::Averaging::linear;
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

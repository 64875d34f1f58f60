#include <eqlab/algorithms/cfr/cfr.hpp>

#include <algorithm>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

namespace eqlab {

CfrSolver::CfrSolver(const CompiledGame& game, std::string name, CfrConfig config, std::uint64_t seed)
    : game_(game),
      name_(std::move(name)),
      config_(config),
      seed_(seed),
      current_(game.uniform_profile()),
      average_(current_) {
  const int n = game.num_players();
  for (int p = 0; p < n; ++p) {
    const int m = game.treeplex[p].num_sequences();
    regret_.emplace_back(m, 0.0);
    last_regret_.emplace_back(config.predictive ? m : 0, 0.0);
    gradient_.emplace_back(m, 0.0);
    behavioural_.emplace_back(m, 0.0);
    game.treeplex[p].to_behavioural(current_[p], behavioural_[p]);
  }
}

void CfrSolver::step() {
  ++iteration_;
  const double t = static_cast<double>(iteration_);
  const double weight = config_.averaging == CfrConfig::Averaging::linear      ? t
                        : config_.averaging == CfrConfig::Averaging::quadratic ? t * t
                                                                               : 1.0;
  const int n = game_.num_players();
  if (config_.alternating) {
    for (int p = 0; p < n; ++p) {
      average_.add(p, current_[p], weight);
      game_.utility_gradient(p, current_, gradient_[p]);
      update_regrets(p);
      refresh_strategy(p);
    }
  } else {
    // Every gradient is taken against the same profile before anyone moves.
    for (int p = 0; p < n; ++p) {
      average_.add(p, current_[p], weight);
      game_.utility_gradient(p, current_, gradient_[p]);
    }
    for (int p = 0; p < n; ++p) {
      update_regrets(p);
      refresh_strategy(p);
    }
  }
}

namespace {

// The two passes of an iteration, one instance per configuration so that the loops carry
// no test of it (the arithmetic, and so every result, is the same as with the tests).

// Bottom-up: counterfactual values in place of the gradient, and the cumulative regrets.
template <bool Plus, bool Predictive>
void regret_pass(const Treeplex& tp, std::vector<double>& value, const std::vector<double>& b,
                 std::vector<double>& regret, std::vector<double>& last_regret) {
  for (int j = tp.num_infosets() - 1; j >= 0; --j) {
    const int s0 = tp.first_seq[j], s1 = s0 + tp.num_actions[j];
    double infoset_value = 0.0;
    for (int s = s0; s < s1; ++s) infoset_value += b[s] * value[s];
    for (int s = s0; s < s1; ++s) {
      const double instant = value[s] - infoset_value;
      const double r = regret[s] + instant;
      regret[s] = Plus ? std::max(r, 0.0) : r;
      if constexpr (Predictive) last_regret[s] = instant;
    }
    value[tp.parent_seq[j]] += infoset_value;
  }
}

// Top-down: regret matching to the behavioural strategy and, in the same walk, its
// sequence form (what Treeplex::to_sequence_form computes, in the same order).
template <bool Predictive>
void matching_pass(const Treeplex& tp, const std::vector<double>& regret, const std::vector<double>& prediction,
                   std::vector<double>& b, std::vector<double>& x) {
  auto score = [&](int s) { return std::max(Predictive ? regret[s] + prediction[s] : regret[s], 0.0); };
  x[0] = 1.0;
  for (int j = 0; j < tp.num_infosets(); ++j) {
    const int s0 = tp.first_seq[j], s1 = s0 + tp.num_actions[j];
    const double reach = x[tp.parent_seq[j]];
    double positive = 0.0;
    for (int s = s0; s < s1; ++s) positive += score(s);
    if (positive > 0.0) {
      for (int s = s0; s < s1; ++s) b[s] = score(s) / positive;
    } else {
      const double uniform = 1.0 / (s1 - s0);
      for (int s = s0; s < s1; ++s) b[s] = uniform;
    }
    for (int s = s0; s < s1; ++s) x[s] = reach * b[s];
  }
}

}  // namespace

void CfrSolver::update_regrets(int player) {
  const Treeplex& tp = game_.treeplex[player];
  std::vector<double>& value = gradient_[player];  // becomes counterfactual values in place
  std::vector<double>& last = last_regret_[player];
  if (config_.regret_matching_plus) {
    if (config_.predictive) regret_pass<true, true>(tp, value, behavioural_[player], regret_[player], last);
    else regret_pass<true, false>(tp, value, behavioural_[player], regret_[player], last);
  } else {
    if (config_.predictive) regret_pass<false, true>(tp, value, behavioural_[player], regret_[player], last);
    else regret_pass<false, false>(tp, value, behavioural_[player], regret_[player], last);
  }
}

void CfrSolver::refresh_strategy(int player) {
  const Treeplex& tp = game_.treeplex[player];
  if (config_.predictive)
    matching_pass<true>(tp, regret_[player], last_regret_[player], behavioural_[player], current_[player]);
  else
    matching_pass<false>(tp, regret_[player], last_regret_[player], behavioural_[player], current_[player]);
}

Profile CfrSolver::output_profile() const { return average_.value(current_); }

nlohmann::json CfrSolver::params() const {
  return {{"seed", seed_},
          {"regret_matching", config_.regret_matching_plus ? "rm+" : "rm"},
          {"updates", config_.alternating ? "alternating" : "simultaneous"},
          {"averaging", config_.averaging == CfrConfig::Averaging::linear      ? "linear"
                        : config_.averaging == CfrConfig::Averaging::quadratic ? "quadratic"
                                                                               : "uniform"},
          {"prediction", config_.predictive ? "last regret" : "none"},
          {"initial_strategy", "uniform"}};
}

// Registration: cfr, cfr+, pcfr+ and rm are one class with four configurations; each
// takes the three switches below, so that any combination can be tried from its name.
namespace {

CfrConfig with_overrides(CfrConfig config, const SolverRequest& request, const std::string& solver) {
  const JsonOptionReader in(request.params, solver, {"regret_matching", "updates", "averaging"});
  config.regret_matching_plus =
      in.choice("regret_matching", config.regret_matching_plus ? "rm+" : "rm", {"rm", "rm+"}) == "rm+";
  config.alternating =
      in.choice("updates", config.alternating ? "alternating" : "simultaneous", {"alternating", "simultaneous"}) ==
      "alternating";
  const std::string averaging = in.choice("averaging", "", {"uniform", "linear", "quadratic"});
  if (averaging == "uniform") config.averaging = CfrConfig::Averaging::uniform;
  if (averaging == "linear") config.averaging = CfrConfig::Averaging::linear;
  if (averaging == "quadratic") config.averaging = CfrConfig::Averaging::quadratic;
  return config;
}

SolverEntry cfr_family_entry(std::string name, CfrConfig config, std::string summary) {
  const auto text = [](bool plus) { return plus ? std::string("rm+") : std::string("rm"); };
  const std::string averaging = config.averaging == CfrConfig::Averaging::linear      ? "linear"
                                : config.averaging == CfrConfig::Averaging::quadratic ? "quadratic"
                                                                                      : "uniform";
  SolverEntry e = make_entry(name, GameKind::extensive, Feedback::full, Concept::nash, "cfr.md", std::move(summary));
  e.params = {
      choice_param("regret_matching", {"rm", "rm+"}, text(config.regret_matching_plus),
                   "regret matching, or regret matching+ (cumulative regrets clamped at 0)"),
      choice_param("updates", {"alternating", "simultaneous"}, config.alternating ? "alternating" : "simultaneous",
                   "players update in turn, each seeing the last update, or all at once"),
      choice_param("averaging", {"uniform", "linear", "quadratic"}, averaging,
                   "the weight of iteration t in the average strategy: 1, t or t^2"),
  };
  e.make = [name, config](const SolverRequest& request) {
    return std::make_unique<CfrSolver>(request.game, name, with_overrides(config, request, name), request.seed);
  };
  e.learner_bytes = sequence_learner_bytes;
  return e;
}

SolverEntry cfr_entry() {
  return cfr_family_entry("cfr", CfrConfig{},
                          "counterfactual regret minimisation: regret matching, alternating updates, uniform "
                          "averaging");
}

SolverEntry cfr_plus_entry() {
  CfrConfig config;
  config.regret_matching_plus = true;
  config.averaging = CfrConfig::Averaging::linear;
  return cfr_family_entry("cfr+", config, "CFR+: regret matching+, alternating updates, linear averaging");
}

SolverEntry predictive_cfr_plus_entry() {
  CfrConfig config;
  config.regret_matching_plus = true;
  config.predictive = true;
  config.averaging = CfrConfig::Averaging::quadratic;
  return cfr_family_entry("pcfr+", config,
                          "predictive CFR+: regret matching+ on regrets plus the last regret, alternating updates, "
                          "quadratic averaging");
}

SolverEntry regret_matching_entry() {
  CfrConfig config;
  config.alternating = false;
  SolverEntry e = cfr_family_entry(
      "rm", config, "regret matching for normal-form games: simultaneous updates, uniform averaging");
  e.normal_form_only = true;
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(cfr_entry)
EQLAB_REGISTER_SOLVER(cfr_plus_entry)
EQLAB_REGISTER_SOLVER(regret_matching_entry)
EQLAB_REGISTER_SOLVER(predictive_cfr_plus_entry)

}  // namespace eqlab

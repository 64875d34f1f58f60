#include <eqlab/algorithms/omd/omd_solver.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

OmdSolver::OmdSolver(const CompiledGame& game, OmdConfig config, std::uint64_t seed)
    : game_(game), config_(config), seed_(seed) {
  if (config.optimistic && config.form != DilatedEntropyLearner::Form::ftrl)
    throw UsageError("solver optimistic-omd: optimistic updates need the FTRL form");
  payoff_range_ = game.payoff_span();
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    const int actions = std::max(2, tp.max_actions());  // log A ≥ log 2
    const double log_actions = std::log(static_cast<double>(actions));
    if (config.balanced) {
      const TreeplexSubtrees subtrees(tp);
      const BalancedPolicy policy(subtrees);
      const auto weights = policy.root_weights();
      learners_.emplace_back(tp, config.form, std::vector<double>(weights.begin(), weights.end()));
      const int sequences = std::max(1, tp.num_sequences() - 1);
      base_rate_.push_back(std::sqrt(sequences * log_actions / std::max(1, subtrees.max_depth())));
    } else {
      learners_.emplace_back(tp, config.form);
      base_rate_.push_back(std::sqrt(2.0 * std::max(1, DilatedEntropyLearner::max_reached_infosets(tp)) * log_actions));
    }
    current_.emplace_back(learners_.back().sequence_form().begin(), learners_.back().sequence_form().end());
    gradient_.emplace_back(tp.num_sequences(), 0.0);
  }
  average_ = AverageStrategy(current_);
  played_ = current_;
}

Concept OmdSolver::solution_concept() const {
  return game_.num_players() == 2 && game_.constant_sum ? Concept::nash : Concept::nfcce;
}

std::string OmdSolver::name() const {
  return config_.optimistic ? "optimistic-omd" : config_.balanced ? "omd-balanced" : "omd";
}

double OmdSolver::step_size(int player, std::int64_t t) const {
  if (config_.optimistic) {
    // The RVU condition of Syrgkanis et al. (Thm 4): η ≤ 1/(2(n-1)) for utilities in
    // [0, 1]; L rescales losses totalling L to that range.
    if (config_.paper.on) return config_.eta_scale / (2.0 * (game_.num_players() - 1) * config_.paper.loss_bound);
    return config_.eta_scale * base_rate_[player];
  }
  if (config_.paper.on) return config_.paper.step(config_.eta_scale, base_rate_[player], config_.horizon);
  const double scale = config_.theory_step ? 1.0 : config_.eta_scale;
  const std::int64_t round = config_.form == DilatedEntropyLearner::Form::omd ? 1 : t;
  return scale * base_rate_[player] / std::sqrt(static_cast<double>(round));
}

void OmdSolver::step() {
  ++iteration_;
  const int n = game_.num_players();
  for (int p = 0; p < n; ++p) {
    std::copy(current_[p].begin(), current_[p].end(), played_[p].begin());
    average_.add(p, current_[p], 1.0);
    game_.utility_gradient(p, current_, gradient_[p]);
  }
  for (int p = 0; p < n; ++p) {
    // Utilities in units of the payoff range: losses in [0, 1] up to a constant that does
    // not change the iterates (every plan collects the same total reach).
    for (double& g : gradient_[p]) g /= payoff_range_;
    if (config_.optimistic) learners_[p].update(gradient_[p], step_size(p, iteration_), gradient_[p]);
    else learners_[p].update(gradient_[p], step_size(p, iteration_));
    std::copy(learners_[p].sequence_form().begin(), learners_[p].sequence_form().end(), current_[p].begin());
  }
}

Profile OmdSolver::output_profile() const { return average_.value(current_); }

nlohmann::json OmdSolver::params() const {
  nlohmann::json params = {{"seed", seed_},
                           {"form", config_.form == DilatedEntropyLearner::Form::ftrl ? "ftrl" : "omd"},
                           {"step", config_.paper.on      ? "paper"
                                    : config_.optimistic  ? "constant"
                                    : config_.theory_step ? "theory"
                                                          : "practical"},
                           {"eta_scale", config_.theory_step ? 1.0 : config_.eta_scale},
                           {"updates", "simultaneous"},
                           {"losses", "terminal payoffs divided by the payoff range"}};
  if (config_.balanced) params["weights"] = "balanced";
  if (config_.optimistic) params["prediction"] = "last utility";
  record_paper_preset(params, config_.paper);
  if (config_.paper.on) {
    params["horizon"] = config_.horizon;
    params["eta"] = nlohmann::json::array();
    for (int p = 0; p < game_.num_players(); ++p) params["eta"].push_back(step_size(p, 1));
  }
  return params;
}

OmdConfig balanced_omd_config() {
  OmdConfig config;
  config.balanced = true;
  config.eta_scale = 300.0;
  return config;
}

OmdConfig optimistic_omd_config() {
  OmdConfig config;
  config.optimistic = true;
  config.eta_scale = 5.0;
  return config;
}

// Registration: omd, omd-balanced and optimistic-omd. The optimistic learner has a
// constant step in FTRL form, so only the preset and eta_scale apply there.
namespace {

OmdConfig with_overrides(OmdConfig config, const SolverRequest& request, const std::string& solver) {
  const bool step_options = !config.optimistic;
  const JsonOptionReader in(request.params, solver,
                            step_options ? std::vector<std::string>{"preset", "form", "step", "eta_scale", "loss_bound"}
                                         : std::vector<std::string>{"preset", "eta_scale", "loss_bound"});
  config.paper = read_paper_preset(in, solver, /*fixes_step=*/step_options);
  if (step_options) {
    config.horizon = std::max<std::int64_t>(1, request.horizon);
    config.form = in.choice("form", "ftrl", {"ftrl", "omd"}) == "ftrl" ? DilatedEntropyLearner::Form::ftrl
                                                                      : DilatedEntropyLearner::Form::omd;
    config.theory_step = in.choice("step", "practical", {"practical", "theory"}) == "theory";
  }
  config.eta_scale = in.positive("eta_scale", config.paper.on ? 1.0 : config.eta_scale);
  return config;
}

std::string scale_text(double scale) {
  std::string text = std::to_string(scale);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

SolverEntry omd_family_entry(std::string name, OmdConfig config, std::string summary) {
  SolverEntry e =
      make_entry(name, GameKind::extensive, Feedback::full, Concept::nfcce, "phi-hedge-omd.md", std::move(summary));
  e.nash_on_two_player_zero_sum = true;
  e.plays_mixture = true;
  if (config.optimistic) {
    e.params = paper_preset_specs("paper: the constant step 1/(2 (n - 1)) of the RVU bound in self-play (sum of the "
                                  "players' regrets bounded in T), eta_scale 1 unless given; practical: eta_scale "
                                  "times sqrt(2 ||Pi||_1 log A)",
                                  "Syrgkanis, Agarwal, Luo, Schapire 2015, arXiv:1507.00407, Thm 4 (RVU with beta = eta, gamma = 1/(4 eta))");
  } else {
    e.params = paper_preset_specs("paper: the bound's constant step for the run's horizon T, the same in both forms, "
                                  "eta_scale 1 unless given; practical: the step and eta_scale below",
                                  "Bai et al. 2022, arXiv:2205.15294, eq. (2) and proof of Thm 5");
    e.params.push_back(choice_param("form", {"ftrl", "omd"}, "ftrl",
                                    "follow the regularised leader over the cumulative utility, or mirror descent "
                                    "from the last iterate"));
    e.params.push_back(choice_param("step", {"practical", "theory"}, "practical",
                                    "theory: the rate of the full-information bound for losses in [0, 1] (Bai et al. "
                                    "2022, arXiv:2205.15294, Thm 5 and eq. (2)); practical: eta_scale times the "
                                    "range-adapted rate"));
  }
  ParamSpec eta = positive_param("eta_scale", scale_text(config.eta_scale),
                                 config.optimistic ? "the multiple of the constant step size of optimistic FTRL "
                                                     "(practical: of sqrt(2 ||Pi||_1 log A); with preset=paper, of "
                                                     "1/(2 (n - 1)), default 1)"
                                                   : "the multiple of the practical step size (measured defaults: "
                                                     "see the solver's header); with preset=paper, of the paper's "
                                                     "step (default 1)");
  e.params.push_back(eta);
  e.make = [name, config](const SolverRequest& request) {
    return std::make_unique<OmdSolver>(request.game, with_overrides(config, request, name), request.seed);
  };
  e.learner_bytes = sequence_learner_bytes;
  return e;
}

SolverEntry omd_entry() {
  return omd_family_entry("omd", OmdConfig{},
                          "dilated-entropy online mirror descent (Hedge over pure plans), simultaneous updates, "
                          "uniform averaging");
}

SolverEntry balanced_omd_entry() {
  return omd_family_entry("omd-balanced", balanced_omd_config(),
                          "online mirror descent with the balanced dilated entropy (local steps weighted by the "
                          "balanced exploration policy), simultaneous updates, uniform averaging");
}

SolverEntry optimistic_omd_entry() {
  return omd_family_entry("optimistic-omd", optimistic_omd_config(),
                          "optimistic FTRL with the dilated entropy (the last utility as prediction), constant step, "
                          "simultaneous updates, uniform averaging");
}

}  // namespace

EQLAB_REGISTER_SOLVER(omd_entry)
EQLAB_REGISTER_SOLVER(balanced_omd_entry)
EQLAB_REGISTER_SOLVER(optimistic_omd_entry)

}  // namespace eqlab

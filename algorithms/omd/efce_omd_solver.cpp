#include <eqlab/algorithms/omd/efce_omd_solver.hpp>

#include <algorithm>
#include <cmath>

#include <tbb/parallel_for.h>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/parallel.hpp>

namespace eqlab {

namespace {

constexpr std::size_t kPlayerTaskThreshold = 4096;

}  // namespace

EfceOmdSolver::EfceOmdSolver(const CompiledGame& game, EfceOmdConfig config, std::uint64_t seed)
    : game_(game), config_(config), seed_(seed) {
  eta_scale_ = config.theory_step ? 1.0
               : config.paper.on  ? config.eta_scale.value_or(1.0)
                                  : config.eta_scale.value_or(config.balanced ? EfceOmdConfig::kDefaultBalancedScale
                                                                              : EfceOmdConfig::kDefaultScale);
  payoff_range_ = game.payoff_span();
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    TriggerLearnerOptions options;
    const double triggers = std::max(1, tp.num_sequences() - 1);
    if (config.balanced) {
      const TreeplexSubtrees subtrees(tp);
      const BalancedPolicy policy(subtrees);
      options.member_weight.assign(policy.all_trigger_weights().begin(), policy.all_trigger_weights().end());
      options.temperature = 1.0 / triggers;
    }
    learners_.push_back(std::make_unique<TriggerRegretLearner>(tp, std::move(options)));
    const int actions = std::max(2, tp.max_actions());  // log A ≥ log 2
    const double plans = std::max(1, DilatedEntropyLearner::max_reached_infosets(tp));
    base_rate_.push_back(std::sqrt(2.0 * (plans * std::log(static_cast<double>(actions)) + std::log(triggers))) *
                         (config.balanced && !config.paper.on ? triggers : 1.0));
    const auto plan = learners_.back()->sequence_form();
    current_.emplace_back(plan.begin(), plan.end());
    gradient_.emplace_back(tp.num_sequences(), 0.0);
    scratch_.emplace_back(tp.num_sequences(), 0.0);
  }
  played_ = current_;
  squared_ranges_.assign(game.num_players(), 0.0);
  average_ = AverageStrategy(current_);
  work_ = static_cast<std::size_t>(game.terminals.size()) * game.num_players();
  for (const auto& learner : learners_) work_ += learner->subtrees().trigger_storage();
}

double EfceOmdSolver::step_size(int player, std::int64_t t) const {
  if (config_.paper.on) return config_.paper.step(eta_scale_, base_rate_[player], config_.horizon);
  if (!config_.theory_step && squared_ranges_[player] > 0.0)
    return eta_scale_ * base_rate_[player] / std::sqrt(squared_ranges_[player]);
  return eta_scale_ * base_rate_[player] / std::sqrt(static_cast<double>(t));
}

void EfceOmdSolver::step() {
  ++iteration_;
  const int n = game_.num_players();
  for (int p = 0; p < n; ++p) {
    std::copy(current_[p].begin(), current_[p].end(), played_[p].begin());
    average_.add(p, played_[p], 1.0);
  }
  // Every gradient is taken at the played profile before any player moves on. Players
  // run in parallel once a player's work (about 20 ns per entry) dwarfs a task's cost of
  // a few microseconds; Leduc's 25,000 entries per round already qualify.
  const auto for_players = [&](auto&& body) {
    if (work_ < kPlayerTaskThreshold) {
      for (int p = 0; p < n; ++p) body(p);
    } else {
      tbb::parallel_for(0, n, body);
    }
  };
  for_players([&](int p) {
    game_.utility_gradient(p, played_, gradient_[p]);
    for (double& g : gradient_[p]) g /= payoff_range_;
  });
  for_players([&](int p) {
    // The round's utility range over pure plans: best plan minus worst plan.
    const Treeplex& tp = game_.treeplex[p];
    std::vector<double>& negated = scratch_[p];
    const double best = tp.best_response(gradient_[p], negated);
    for (std::size_t k = 0; k < negated.size(); ++k) negated[k] = -gradient_[p][k];
    const double range = best + tp.best_response(negated, negated);
    squared_ranges_[p] += range * range;
    learners_[p]->update(gradient_[p], step_size(p, iteration_));
    const auto plan = learners_[p]->sequence_form();
    std::copy(plan.begin(), plan.end(), current_[p].begin());
  });
}

std::vector<std::pair<std::string, double>> EfceOmdSolver::own_metrics() const {
  if (iteration_ == 0) return {{"trigger_regret", 0.0}};
  double worst = 0.0;
  for (const auto& learner : learners_) worst = std::max(worst, learner->trigger_regret());
  return {{"trigger_regret", worst * payoff_range_ / static_cast<double>(iteration_)}};
}

nlohmann::json EfceOmdSolver::params() const {
  nlohmann::json params = {{"seed", seed_},
                           {"form", "ftrl"},
                           {"step", config_.paper.on ? "paper" : config_.theory_step ? "theory" : "practical"},
                           {"eta_scale", eta_scale_},
                           {"balanced", config_.balanced},
                           {"updates", "simultaneous"},
                           {"losses", "terminal payoffs divided by the payoff range"}};
  record_paper_preset(params, config_.paper);
  if (config_.paper.on) {
    params["horizon"] = config_.horizon;
    params["eta"] = nlohmann::json::array();
    for (int p = 0; p < game_.num_players(); ++p) params["eta"].push_back(step_size(p, 1));
  }
  return params;
}

// Registration: efce-omd and efce-omd-balanced (full feedback).
namespace {

SolverEntry efce_omd_family_entry(std::string name, bool balanced, std::string summary) {
  SolverEntry e =
      make_entry(name, GameKind::extensive, Feedback::full, Concept::efce, "phi-hedge-omd.md", std::move(summary));
  e.plays_mixture = true;
  e.params = paper_preset_specs("paper: Thm 5's constant step for the run's horizon T, eta_scale 1 unless given "
                                "(and, for the balanced variant, without eqlab's factor N); practical: the step and "
                                "eta_scale below",
                                "Bai et al. 2022, arXiv:2205.15294, eq. (2) and Thm 5");
  e.params.push_back(choice_param("step", {"practical", "theory"}, "practical",
                                  "theory: the rate of the full-information trigger-regret bound for losses in [0, 1] "
                                  "(Bai et al. 2022, arXiv:2205.15294, Thm 5 and eq. (2)); practical: eta_scale times "
                                  "the rate adapted to each round's utility range"));
  e.params.push_back(positive_param("eta_scale", balanced ? "1" : "3",
                                    "the multiple of the practical step size (measured defaults: see "
                                    "efce_omd_solver.hpp); with preset=paper, of the paper's step (default 1)"));
  e.make = [name, balanced](const SolverRequest& request) {
    EfceOmdConfig config;
    config.balanced = balanced;
    const JsonOptionReader in(request.params, name, {"preset", "loss_bound", "step", "eta_scale"});
    config.paper = read_paper_preset(in, name, /*fixes_step=*/true);
    config.horizon = std::max<std::int64_t>(1, request.horizon);
    config.theory_step = in.choice("step", "practical", {"practical", "theory"}) == "theory";
    if (in.has("eta_scale")) config.eta_scale = in.positive("eta_scale", 1.0);
    return std::make_unique<EfceOmdSolver>(request.game, config, request.seed);
  };
  e.learner_bytes = trigger_learner_bytes;
  return e;
}

SolverEntry efce_omd_entry() {
  return efce_omd_family_entry("efce-omd", false,
                               "EFCE-OMD (Phi-Hedge over trigger deviations): the mixture of the profiles played is "
                               "an extensive-form correlated equilibrium");
}

SolverEntry balanced_efce_omd_entry() {
  return efce_omd_family_entry("efce-omd-balanced", true,
                               "EFCE-OMD with the balanced dilated entropy in every trigger learner and the Hedge over "
                               "triggers tempered by their number");
}

}  // namespace

EQLAB_REGISTER_SOLVER(efce_omd_entry)
EQLAB_REGISTER_SOLVER(balanced_efce_omd_entry)

}  // namespace eqlab

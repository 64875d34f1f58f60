#include <eqlab/algorithms/kefce/kefr_solver.hpp>

#include <eqlab/algorithms/kefce/kefr_options.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>

#include <tbb/parallel_for.h>

namespace eqlab {

namespace {

// Players update in parallel once one player's work (entries touched per round) is large
// enough to pay for a task.
constexpr std::size_t kPlayerTaskThreshold = 4096;

}  // namespace

KefrSolver::KefrSolver(const CompiledGame& game, KefrOptions options, std::uint64_t seed)
    : game_(game), options_(options), seed_(seed) {
  payoff_range_ = game.payoff_span();
  work_ = static_cast<std::size_t>(game.terminals.size()) * game.num_players();
  for (int p = 0; p < game.num_players(); ++p) {
    learners_.push_back(std::make_unique<KefrLearner>(game.treeplex[p], options));
    const auto plan = learners_.back()->sequence_form();
    current_.emplace_back(plan.begin(), plan.end());
    const auto behavioural = learners_.back()->behavioural();
    played_behavioural_.emplace_back(behavioural.begin(), behavioural.end());
    gradient_.emplace_back(game.treeplex[p].num_sequences(), 0.0);
    work_ += static_cast<std::size_t>(learners_.back()->states().num_states()) * game.treeplex[p].max_actions();
  }
  played_ = current_;
  average_ = AverageStrategy(current_);
}

void KefrSolver::step() {
  ++iteration_;
  const int n = game_.num_players();
  for (int p = 0; p < n; ++p) {
    std::copy(current_[p].begin(), current_[p].end(), played_[p].begin());
    const auto behavioural = learners_[p]->behavioural();
    std::copy(behavioural.begin(), behavioural.end(), played_behavioural_[p].begin());
    average_.add(p, played_[p], 1.0);
  }
  const auto update = [&](int p) {
    game_.utility_gradient(p, played_, gradient_[p]);
    for (double& g : gradient_[p]) g /= payoff_range_;
    learners_[p]->update(gradient_[p]);
    const auto plan = learners_[p]->sequence_form();
    std::copy(plan.begin(), plan.end(), current_[p].begin());
  };
  // Every gradient is taken at the played profile, which no update changes.
  if (work_ < kPlayerTaskThreshold) {
    for (int p = 0; p < n; ++p) update(p);
  } else {
    tbb::parallel_for(0, n, update);
  }
}

std::optional<double> KefrSolver::gap_bound() const {
  if (iteration_ == 0) return 0.0;
  double worst = 0.0;
  for (const auto& learner : learners_) worst = std::max(worst, learner->regret_bound());
  return worst * payoff_range_ / static_cast<double>(iteration_);
}

std::vector<std::pair<std::string, double>> KefrSolver::own_metrics() const {
  return {{"kefr_regret_bound", *gap_bound()}};
}

nlohmann::json KefrSolver::params() const {
  nlohmann::json params = {{"seed", seed_},
                           {"k", options_.k},
                           {"histories", "timed"},
                           {"potential", options_.potential == KefrOptions::Potential::hedge ? "hedge" : "rm"}};
  if (options_.potential == KefrOptions::Potential::hedge) params["eta_scale"] = options_.eta_scale;
  params["preset"] = options_.preset;
  params["max_states"] = options_.max_states;
  params["updates"] = "simultaneous";
  params["losses"] = "terminal payoffs divided by the payoff range";
  return params;
}

// Registration.
namespace {

SolverEntry full_kefr_entry() {
  SolverEntry e = kefr_entry(Feedback::full,
                             "K-EFR: per-infoset wide-range regret over timed recommendation histories (--k K, default "
                             "1); the mixture of the profiles played is a K-EFCE");
  e.make = [](const SolverRequest& request) {
    return std::make_unique<KefrSolver>(request.game, kefr_options(request.params, "kefr"), request.seed);
  };
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(full_kefr_entry)

}  // namespace eqlab

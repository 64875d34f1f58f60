#include <eqlab/algorithms/kefce/bandit_kefr_solver.hpp>

#include <eqlab/algorithms/kefce/kefr_options.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

ExplorationPlayer::ExplorationPlayer(const Treeplex& treeplex) : treeplex_(treeplex) {
  const TreeplexSubtrees subtrees(treeplex);
  const BalancedPolicy balanced(subtrees);
  max_depth_ = subtrees.max_depth();
  depth_.resize(treeplex.num_infosets());
  for (int x = 0; x < treeplex.num_infosets(); ++x) depth_[x] = subtrees.depth(x);
  layer_policy_.resize(max_depth_ + 1);
  for (int h = 1; h <= max_depth_; ++h) layer_policy_[h] = balanced.layer_policy(h);
}

void ExplorationPlayer::set_policy(std::span<const double> behavioural, std::span<const double> sequence_form) {
  if (static_cast<int>(behavioural.size()) != treeplex_.num_sequences() ||
      static_cast<int>(sequence_form.size()) != treeplex_.num_sequences())
    throw UsageError("exploration player: a policy needs one entry per sequence (" +
                     std::to_string(treeplex_.num_sequences()) + ")");
  policy_ = behavioural;
  plan_ = sequence_form;
}

void ExplorationPlayer::explore(int depth) {
  if (depth < 0 || depth > max_depth_)
    throw UsageError("exploration player: depth " + std::to_string(depth) + " is not in 0.." +
                     std::to_string(max_depth_));
  explore_depth_ = depth;
}

void ExplorationPlayer::begin_episode() {
  path_probability_ = 1.0;
  sampled_sequence_ = -1;
  reward_ = 0.0;
}

int ExplorationPlayer::act(int infoset, RngStream& rng) {
  const int first = treeplex_.first_seq[infoset];
  const int count = treeplex_.num_actions[infoset];
  const int depth = depth_[infoset];
  const bool exploring = depth <= explore_depth_;
  const double* probability = (exploring ? layer_policy_[explore_depth_].data() : policy_.data()) + first;
  // Inverse-CDF sampling; the last action with positive probability takes any rounding
  // remainder.
  double u = rng.uniform();
  int pick = -1;
  for (int a = 0; a < count; ++a) {
    if (probability[a] <= 0.0) continue;
    pick = a;
    if (u < probability[a]) break;
    u -= probability[a];
  }
  if (pick < 0) throw UsageError("exploration player: a policy gives no action positive probability");
  if (exploring) {
    path_probability_ *= probability[pick];
    if (depth == explore_depth_) sampled_sequence_ = first + pick;
  }
  return pick;
}

void ExplorationPlayer::end_episode(double reward) { reward_ = reward; }

BanditKefrSolver::BanditKefrSolver(const CompiledGame& game, KefrOptions options, std::uint64_t seed,
                                   std::int64_t episodes)
    : game_(game),
      options_(options),
      seed_(seed),
      horizon_(episodes),
      simulator_(game),
      chance_rng_(seed, kBanditKefrChancePurpose, 0) {
  const int n = game.num_players();
  for (int p = 0; p < n; ++p) {
    const Treeplex& tp = game.treeplex[p];
    learners_.push_back(std::make_unique<KefrLearner>(tp, options));
    players_.push_back(std::make_unique<ExplorationPlayer>(tp));
    player_view_.push_back(players_.back().get());
    player_rng_.emplace_back(seed, kBanditKefrPlayerPurpose, static_cast<std::uint64_t>(p));
    for (int h = 1; h <= players_.back()->max_depth(); ++h) schedule_.emplace_back(p, h);
    estimate_.emplace_back(tp.num_sequences(), 0.0);
    const auto behavioural = learners_.back()->behavioural();
    behavioural_.emplace_back(behavioural.begin(), behavioural.end());
    const auto plan = learners_.back()->sequence_form();
    played_.emplace_back(plan.begin(), plan.end());
  }
  // A game without decisions still plays episodes; nobody learns anything from them.
  if (schedule_.empty()) schedule_.emplace_back(-1, 0);
  average_ = AverageStrategy(played_);
  for (int p = 0; p < n; ++p) players_[p]->set_policy(behavioural_[p], played_[p]);
}

void BanditKefrSolver::begin_iteration() {
  for (std::size_t p = 0; p < learners_.size(); ++p) {
    const auto behavioural = learners_[p]->behavioural();
    const auto plan = learners_[p]->sequence_form();
    std::copy(behavioural.begin(), behavioural.end(), behavioural_[p].begin());
    std::copy(plan.begin(), plan.end(), played_[p].begin());
    std::fill(estimate_[p].begin(), estimate_[p].end(), 0.0);
  }
}

void BanditKefrSolver::end_iteration() {
  // Every player's Q̂ comes from episodes played with π^t, so the updates are simultaneous.
  for (std::size_t p = 0; p < learners_.size(); ++p) learners_[p]->update_counterfactual(estimate_[p]);
  ++iterations_;
}

void BanditKefrSolver::step() {
  if (position_ == 0) begin_iteration();
  const auto [explorer, depth] = schedule_[position_];
  for (std::size_t p = 0; p < players_.size(); ++p)
    players_[p]->explore(static_cast<int>(p) == explorer ? depth : 0);
  simulator_.play(player_view_, chance_rng_, player_rng_);
  if (explorer >= 0) {
    const ExplorationPlayer& player = *players_[explorer];
    if (player.estimated_sequence() >= 0) estimate_[explorer][player.estimated_sequence()] += player.estimate();
  }
  for (std::size_t p = 0; p < played_.size(); ++p) average_.add(static_cast<int>(p), played_[p], 1.0);
  ++episodes_;
  if (++position_ == schedule_.size()) {
    end_iteration();
    position_ = 0;
  }
}

Profile BanditKefrSolver::current_profile() const {
  Profile current;
  for (const auto& learner : learners_) {
    const auto plan = learner->sequence_form();
    current.emplace_back(plan.begin(), plan.end());
  }
  return current;
}

nlohmann::json BanditKefrSolver::params() const {
  nlohmann::json params = {{"seed", seed_},
                           {"feedback", "bandit"},
                           {"episodes", horizon_},
                           {"k", options_.k},
                           {"histories", "timed"},
                           {"potential", options_.potential == KefrOptions::Potential::hedge ? "hedge" : "rm"}};
  if (options_.potential == KefrOptions::Potential::hedge) params["eta_scale"] = options_.eta_scale;
  params["preset"] = options_.preset;
  params["max_states"] = options_.max_states;
  params["episodes_per_iteration"] = schedule_.size();
  params["exploration"] =
      "balanced: per iteration one episode per (player, own depth h), mu*h at own depths <= h, "
      "the current policy below";
  params["estimates"] = "Q(x_h,a_h) = reward / mu*_{1:h}(x_h,a_h), other depth-h entries 0";
  params["updates"] = "simultaneous, once per iteration";
  params["losses"] = "terminal-only: reward (u - U_min)/(U_max - U_min)";
  return params;
}



// Registration.
namespace {

SolverEntry bandit_kefr_entry() {
  SolverEntry e = kefr_entry(Feedback::bandit,
                             "bandit K-EFR: K-EFR on counterfactual values estimated from balanced exploration "
                             "episodes, one per (player, own depth) per iteration (--k K, default 1); the mixture of "
                             "the profiles played is a K-EFCE");
  e.make = [](const SolverRequest& request) {
    return std::make_unique<BanditKefrSolver>(request.game, kefr_options(request.params, "kefr"), request.seed, request.horizon);
  };
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(bandit_kefr_entry)

}  // namespace eqlab

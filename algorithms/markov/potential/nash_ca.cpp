#include <eqlab/algorithms/markov/potential/nash_ca.hpp>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>

namespace eqlab {

NashCa::NashCa(const MarkovModel& model, const nlohmann::json& options, std::uint64_t seed)
    : model_(model),
      options_(read_nash_ca_options(options, model)),
      seed_(seed),
      simulator_(model, seed),
      policy_(model) {
  const int m = model.num_players();
  const std::size_t steps_states = static_cast<std::size_t>(model.horizon()) * model.num_states();
  learners_.reserve(m);
  for (int i = 0; i < m; ++i) learners_.emplace_back(model, i);
  profile_.assign(steps_states * m, 0);
  deviation_.assign(profile_.size(), 0);
  candidates_.assign(steps_states * m, 0);
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s)
      for (int i = 0; i < m; ++i) policy_.set_pure(h, s, i, 0);
  base_sums_.assign(m, 0.0);
  deviation_sums_.assign(m, 0.0);
  deltas_.assign(m, 0.0);
  step_rewards_.assign(m, 0.0);
  joint_.assign(m, 0);
}

void NashCa::play(std::span<const int> profile, std::span<double> sums) {
  const int m = model_.num_players(), S = model_.num_states();
  int s = simulator_.reset();
  for (int h = 0; h < model_.horizon(); ++h) {
    const std::size_t k = (static_cast<std::size_t>(h) * S + s) * m;
    std::copy(profile.begin() + static_cast<std::ptrdiff_t>(k), profile.begin() + static_cast<std::ptrdiff_t>(k + m),
              joint_.begin());
    s = simulator_.step(h, s, joint_, step_rewards_);
    for (int i = 0; i < m; ++i) sums[i] += step_rewards_[i];
  }
  ++evaluated_;
  ++evaluation_played_;
}

void NashCa::start_learning() {
  UcbviOptions o;
  o.bonus_scale = options_.bonus_scale;
  o.iota = options_.iota;
  o.max_episodes = options_.learner_episodes[learner_];
  o.target_gap = options_.learner_target * options_.epsilon;
  o.bonus_states = options_.bonus_with_states ? model_.num_states() : 1.0;
  learners_[learner_].start(profile_, o);
  phase_ = Phase::kLearn;
}

void NashCa::next_player() {
  if (++learner_ < model_.num_players()) {
    start_learning();
    return;
  }
  decide();
}

void NashCa::decide() {
  ++rounds_;
  int best = 0;
  for (int i = 1; i < model_.num_players(); ++i)
    if (deltas_[i] > deltas_[best]) best = i;  // strict: the lowest player wins ties
  if (!(deltas_[best] > options_.epsilon / 2.0)) {
    converged_ = true;
    phase_ = Phase::kDone;
    return;
  }
  if (rounds_ >= options_.max_rounds) {
    phase_ = Phase::kDone;
    return;
  }
  const int m = model_.num_players(), S = model_.num_states();
  const std::size_t steps_states = static_cast<std::size_t>(model_.horizon()) * S;
  for (std::size_t k = 0; k < steps_states; ++k) {
    const int a = candidates_[best * steps_states + k];
    profile_[k * m + best] = a;
    policy_.set_pure(static_cast<int>(k / S), static_cast<int>(k % S), best, a);
  }
  ++improvements_;
  phase_ = Phase::kEvaluateBase;
  evaluated_ = 0;
  std::fill(base_sums_.begin(), base_sums_.end(), 0.0);
}

bool NashCa::run_episode() {
  const int m = model_.num_players();
  const std::size_t steps_states = static_cast<std::size_t>(model_.horizon()) * model_.num_states();
  // Phase changes play nothing, so loop until an episode is played or the end.
  while (true) {
    switch (phase_) {
      case Phase::kDone:
        return false;
      case Phase::kEvaluateBase:
        if (evaluated_ < options_.evaluation_episodes) {
          play(profile_, base_sums_);
          return true;
        }
        learner_ = 0;
        start_learning();
        break;
      case Phase::kLearn: {
        Ucbvi& learner = learners_[learner_];
        if (learner.run_episode(simulator_)) {
          ++learner_episodes_;
          return true;
        }
        const std::span<const int> policy = learner.best_policy();
        bool same = true;
        for (std::size_t k = 0; k < steps_states; ++k) {
          candidates_[learner_ * steps_states + k] = policy[k];
          same = same && policy[k] == profile_[k * m + learner_];
        }
        if (same && !options_.evaluate_unchanged) {
          deltas_[learner_] = 0.0;
          next_player();
          break;
        }
        deviation_ = profile_;
        for (std::size_t k = 0; k < steps_states; ++k) deviation_[k * m + learner_] = policy[k];
        std::fill(deviation_sums_.begin(), deviation_sums_.end(), 0.0);
        evaluated_ = 0;
        phase_ = Phase::kEvaluateDeviation;
        break;
      }
      case Phase::kEvaluateDeviation:
        if (evaluated_ < options_.evaluation_episodes) {
          play(deviation_, deviation_sums_);
          return true;
        }
        {
          const double n = static_cast<double>(options_.evaluation_episodes);
          deltas_[learner_] = deviation_sums_[learner_] / n - base_sums_[learner_] / n;
        }
        next_player();
        break;
    }
  }
}

nlohmann::json NashCa::params() const {
  nlohmann::json p = options_.to_json();
  p["seed"] = seed_;
  return p;
}

std::size_t NashCa::memory_bytes() const {
  std::size_t bytes = sizeof(int) * (profile_.size() + deviation_.size() + candidates_.size() + joint_.size()) +
                      sizeof(double) * (base_sums_.size() + deviation_sums_.size() + deltas_.size() +
                                        step_rewards_.size() + policy_.data().size());
  for (const Ucbvi& l : learners_) bytes += l.memory_bytes();
  return bytes;
}

// Registration.
namespace {

SolverEntry nash_ca_entry() {
  const std::string paper = "Song, Mei, Bai 2022, arXiv:2110.04184, Algorithm 3 and Thm 8";
  SolverEntry e = make_entry("nash-ca", GameKind::markov, Feedback::bandit, Concept::nash, "markov-learning.md",
                             "Nash-CA for Markov potential games: players improve one at a time with a UCBVI "
                             "learner while the others replay fixed policies; returns a pure epsilon-Nash "
                             "equilibrium");
  e.params = {
      choice_param("preset", {"practical", "paper", "theory"}, "practical",
                   "paper (or its former name theory): Algorithm 3 as analysed, evaluation_scale 32, learner_scale 1, "
                   "bonus_scale 1 with the factor S, every learned policy evaluated; practical: 1, 0.02, 0.05"),
      positive_param("epsilon", "0.1", "the target epsilon", paper),
      probability_param("delta", "0.1", "the failure probability inside iota", paper),
      whole_param("evaluation_episodes", 1, 1'000'000'000'000LL, "evaluation_scale H^2 iota / epsilon^2",
                  "episodes per evaluation of a policy"),
      positive_param("evaluation_scale", "1 (paper: 32)", "the constant of the evaluation episodes", paper),
      whole_param("learner_episodes", 1, 1'000'000'000'000LL, "learner_scale (H^3 S A iota/eps^2 + H^3 S^2 "
          "A iota^2/eps)",
                  "episodes of each UCBVI best-response learner"),
      positive_param("learner_scale", "0.02 (paper: 1)", "the constant of the learner episodes", paper),
      nonnegative_param("bonus_scale", "0.05 (paper: 1)", "the constant of UCBVI's Hoeffding bonus"),
      positive_param("learner_target", "0.25", "the accuracy asked of a best-response learner, as a share of "
          "epsilon"),
      whole_param("max_rounds", 1, 1'000'000'000'000LL, "4 m H / epsilon + 1", "the most rounds of "
          "coordinate ascent"),
  };
  e.make_markov = [](const MarkovSolverRequest& request) {
    return std::make_unique<NashCa>(request.model, request.params, request.seed);
  };
  e.markov_memory = ucbvi_learner_memory;
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(nash_ca_entry)

}  // namespace eqlab

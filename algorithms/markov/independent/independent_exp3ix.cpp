#include <eqlab/algorithms/markov/independent/independent_exp3ix.hpp>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

IndependentExp3Ix::IndependentExp3Ix(const MarkovModel& model, const Exp3IxOptions& options, std::uint64_t seed)
    : model_(model),
      options_(options),
      m_(model.num_players()),
      horizon_(model.horizon()),
      states_(model.num_states()),
      simulator_(model, seed),
      current_(model),
      log_(model, model.horizon()) {
  loss_sum_.assign(current_.data().size(), 0.0);
  count_.assign(static_cast<std::size_t>(horizon_) * states_ * m_, 0);
  for (int i = 0; i < m_; ++i) {
    rng_.emplace_back(seed, markov_stream::kLearner, static_cast<std::uint64_t>(i));
    const double A = model.num_actions(i);
    rate_factor_.push_back(std::sqrt(std::log(A) / A));
  }
  path_states_.resize(horizon_);
  path_actions_.resize(static_cast<std::size_t>(horizon_) * m_);
  path_rewards_.resize(static_cast<std::size_t>(horizon_) * m_);
  path_probs_.resize(static_cast<std::size_t>(horizon_) * m_);
  actions_.resize(m_);
  rewards_.resize(m_);
}

bool IndependentExp3Ix::run_episode() {
  if (episodes_ >= std::numeric_limits<std::uint32_t>::max())
    throw UsageError("exp3-ix: the play log counts at most 2^32 - 1 episodes");
  const auto episode = static_cast<std::uint32_t>(episodes_);
  int s = simulator_.reset();
  for (int h = 0; h < horizon_; ++h) {
    const std::size_t width = static_cast<std::size_t>(model_.total_actions());
    const std::span<const double> all = current_.data().subspan(cell(h, s) * width, width);
    if (options_.log) {
      const std::span<float> row = log_.add_visit(h, s, episode);
      std::transform(all.begin(), all.end(), row.begin(), [](double p) { return static_cast<float>(p); });
    }
    for (int i = 0; i < m_; ++i) {
      const std::span<const double> mu = current_.at(h, s, i);
      actions_[i] = draw_index(mu, rng_[i].uniform());
      path_actions_[static_cast<std::size_t>(h) * m_ + i] = actions_[i];
      path_probs_[static_cast<std::size_t>(h) * m_ + i] = mu[actions_[i]];
    }
    path_states_[h] = s;
    const int next = simulator_.step(h, s, actions_, rewards_);
    std::copy(rewards_.begin(), rewards_.end(), path_rewards_.begin() + static_cast<std::ptrdiff_t>(h) * m_);
    s = next;
  }
  // The return-to-go is known only once the episode is over; every (h, s) is visited at
  // most once per episode, so learning now changes no distribution played in it.
  for (int i = 0; i < m_; ++i) learn_from_episode(i);
  ++episodes_;
  log_.set_episodes(episodes_);
  return true;
}

double IndependentExp3Ix::learning_rate(int player, std::int64_t visit) const {
  return exp3ix_eta_factor(options_) * rate_factor_[player] / std::sqrt(static_cast<double>(visit));
}

double IndependentExp3Ix::exploration(int player, std::int64_t visit) const {
  return exp3ix_gamma_factor(options_) * rate_factor_[player] / std::sqrt(static_cast<double>(visit));
}

void IndependentExp3Ix::learn_from_episode(int i) {
  double to_come = 0.0;  // Σ_{h' ≥ h} r_{h'}
  for (int h = horizon_ - 1; h >= 0; --h) {
    const std::size_t at = static_cast<std::size_t>(h) * m_ + i;
    to_come += path_rewards_[at];
    const int s = path_states_[h];
    const double steps = horizon_ - h;
    const double loss = (steps - to_come) / steps;
    const std::int64_t t = ++count_[cell(h, s) * m_ + i];
    const double gamma = exploration(i, t);
    const std::span<double> mu = current_.at(h, s, i);
    const std::size_t offset = cell(h, s) * model_.total_actions() + model_.action_offset(i);
    const std::span<double> sums(loss_sum_.data() + offset, mu.size());
    sums[path_actions_[at]] += loss / (path_probs_[at] + gamma);
    // The next visit is visit t+1: its rate η_{t+1}.
    const double rate = learning_rate(i, t + 1);
    negative_softmax(sums, rate, mu);
  }
}

nlohmann::json IndependentExp3Ix::params() const {
  nlohmann::json j = to_json(options_);
  j["solver"] = name();
  return j;
}

std::size_t IndependentExp3Ix::memory_bytes() const {
  const std::size_t doubles = current_.data().size() + loss_sum_.capacity() + rate_factor_.capacity() +
                              path_rewards_.capacity() + path_probs_.capacity() + rewards_.capacity();
  const std::size_t state = doubles * sizeof(double) + count_.capacity() * sizeof(std::int64_t) +
                            (path_states_.capacity() + path_actions_.capacity() + actions_.capacity()) * sizeof(int) +
                            rng_.capacity() * sizeof(RngStream);
  return state + (options_.log ? log_.memory_bytes() : 0);
}

// Registration.
namespace {

SolverEntry exp3ix_entry() {
  SolverEntry e = make_entry("exp3-ix", GameKind::markov, Feedback::bandit, Concept::cce, "markov-learning.md",
                             "independent EXP3-IX learners on Monte Carlo returns (no optimism, no "
                             "certificate): the naive decentralized baseline");
  e.params = exp3ix_param_specs();
  e.make_markov = [](const MarkovSolverRequest& request) {
    return std::make_unique<IndependentExp3Ix>(request.model, parse_exp3ix_options(request.params), request.seed);
  };
  e.markov_memory = per_action_learner_memory;
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(exp3ix_entry)

}  // namespace eqlab

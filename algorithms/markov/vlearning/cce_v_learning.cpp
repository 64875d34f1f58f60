#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>

namespace eqlab {

CceVLearning::CceVLearning(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed)
    : VLearningSolver(model, options, seed, /*expert_choices=*/false) {
  g_.assign(current_.data().size(), 0.0);
  const double H = horizon_;
  for (int i = 0; i < m_; ++i) {
    const double A = model.num_actions(i);
    eta_factor_.push_back(std::sqrt(H * std::log(A) / A));
    beta_factor_.push_back(options_.bonus_scale * std::sqrt(H * H * H * A * options_.iota));
  }
}

void CceVLearning::act(int h, int s, std::span<float> row) {
  // Log μ before anyone updates it: the certified policy replays the distributions drawn from.
  if (!row.empty()) {
    const std::span<const double> all = current_.data().subspan(cell(h, s) * model_.total_actions(),
                                                                 static_cast<std::size_t>(model_.total_actions()));
    std::transform(all.begin(), all.end(), row.begin(), [](double p) { return static_cast<float>(p); });
  }
  for (int i = 0; i < m_; ++i) {
    const std::span<const double> mu = current_.at(h, s, i);
    if (replaying_) check_replayed_choice(i, mu[static_cast<std::size_t>(choices_[i])]);
    else choices_[i] = draw_index(mu, rng_[i].uniform());
    actions_[i] = choices_[i];
  }
}

void CceVLearning::update_player(int i, int h, int s, int next, double reward) {
  const std::int64_t t = values_.visit(i, h, s);
  const double td = static_cast<double>(t);
  const double alpha = v_learning_alpha(alpha_horizon_, t);
  const double to_go = horizon_ - h;  // the papers' H-h+1
  const double v_next = values_.next_value(i, h, next);
  const double beta = beta_factor_[i] / std::sqrt(td);
  values_.update(i, h, s, alpha, reward + v_next + beta);

  const double rate = options_.lr_scale * eta_factor_[i] / std::sqrt(td);
  const double gamma = options_.ix_scale * eta_factor_[i] / std::sqrt(td);
  const double loss = (to_go - reward - v_next) / horizon_;
  const std::span<double> mu = current_.at(h, s, i);
  const std::size_t offset = cell(h, s) * model_.total_actions() + model_.action_offset(i);
  const std::span<double> g(g_.data() + offset, mu.size());
  const int a = actions_[i];
  weighted_ix_update(g, a, alpha, loss, mu[a], gamma);
  negative_softmax(g, rate / alpha, mu);
}

std::size_t CceVLearning::memory_bytes() const {
  const std::size_t state = current_.data().size() * sizeof(double) + g_.capacity() * sizeof(double) +
                            values_.memory_bytes() +
                            rng_.capacity() * sizeof(RngStream) +
                            (eta_factor_.capacity() + beta_factor_.capacity() + rewards_.capacity()) * sizeof(double) +
                            actions_.capacity() * sizeof(int);
  return state + (options_.log ? log_.memory_bytes() + play_.memory_bytes() : 0);
}

// Registration.
namespace {

SolverEntry cce_v_entry() {
  return vlearning_entry<CceVLearning>(
      "cce-v", Concept::cce,
      "CCE-V-learning: every player runs an alpha-weighted EXP3-IX with optimistic values at "
      "each (step, state) from its own rewards; the certified policy is an epsilon-CCE after "
      "O~(H^5 S max A_i/epsilon^2) episodes",
      v_learner_memory);
}

}  // namespace

EQLAB_REGISTER_SOLVER(cce_v_entry)

}  // namespace eqlab

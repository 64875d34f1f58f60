#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/markov/vlearning/swap_experts.hpp>

namespace eqlab {

CeVLearning::CeVLearning(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed)
    : VLearningSolver(model, options, seed, /*expert_choices=*/true) {
  const std::size_t cells = static_cast<std::size_t>(horizon_) * states_;
  const double H = horizon_, iota = options_.iota, c = options_.bonus_scale;
  for (int i = 0; i < m_; ++i) {
    const int A = model.num_actions(i);
    sizes_.push_back(A);
    square_offset_.push_back(square_total_);
    square_total_ += static_cast<std::size_t>(A) * A;
    eta_factor_.push_back(options_.lr_scale * std::sqrt(iota / A));
    beta_linear_.push_back(c * H * H * A * std::sqrt(iota));
    beta_square_.push_back(2.0 * c * H * H * iota);
  }
  g_.assign(cells * square_total_, 0.0);
  expert_count_.assign(cells * model.total_actions(), 0);
  const auto square = static_cast<std::size_t>(model.max_actions()) * model.max_actions();
  proposals_.resize(square);
  scratch_.resize(square);
  experts_.resize(m_);
  played_prob_.resize(m_);
}

void CeVLearning::act(int h, int s, std::span<float> row) {
  for (int i = 0; i < m_; ++i) choose(i, h, s, row);
}

void CeVLearning::choose(int i, int h, int s, std::span<float> row) {
  const int A = sizes_[i];
  const std::int64_t t = values_.visit(i, h, s);
  const double alpha = v_learning_alpha(alpha_horizon_, t);
  // Every accumulator decays at every visit, drawn or not, so that all of them stay
  // normalised to the global count t.
  const std::span<double> g = accumulators(i, h, s);
  for (double& x : g) x *= 1.0 - alpha;
  const std::span<double> q(proposals_.data(), static_cast<std::size_t>(A) * A);
  propose_sub_experts(g, expert_counts(i, h, s), alpha, eta_factor_[i], A, q);
  const std::span<double> mu = current_.at(h, s, i);
  solve_marginal(q, A, scratch_, mu);
  if (observer_) observer_(CeVisit{i, h, s, q, mu});
  if (!row.empty()) {
    const std::span<float> mine = row.subspan(static_cast<std::size_t>(model_.action_offset(i)), mu.size());
    std::transform(mu.begin(), mu.end(), mine.begin(), [](double p) { return static_cast<float>(p); });
  }
  TwoStepDraw draw;
  if (replaying_) {
    draw = {choices_[i] / A, choices_[i] % A};
    check_replayed_choice(i, mu[static_cast<std::size_t>(draw.expert)] * q[static_cast<std::size_t>(choices_[i])]);
  } else {
    draw = two_step_draw(q, mu, A, rng_[i]);
    choices_[i] = draw.expert * A + draw.action;
  }
  experts_[i] = draw.expert;
  actions_[i] = draw.action;
  played_prob_[i] = q[static_cast<std::size_t>(draw.expert) * A + draw.action];
}

void CeVLearning::update_player(int i, int h, int s, int next, double reward) {
  const int A = sizes_[i];
  const std::int64_t t = values_.count(i, h, s);
  const double alpha = v_learning_alpha(alpha_horizon_, t);
  const double to_go = horizon_ - h;  // the papers' H-h+1
  const double v_next = values_.next_value(i, h, next);

  const int b = experts_[i], a = actions_[i];
  const std::int64_t drawn = ++expert_counts(i, h, s)[b];
  const double gamma = exploration(i, drawn);
  const double loss = (to_go - reward - v_next) / horizon_;
  accumulators(i, h, s)[static_cast<std::size_t>(b) * A + a] += alpha * loss / (played_prob_[i] + gamma);

  values_.update(i, h, s, alpha, reward + v_next + bonus(i, t));
}

std::size_t CeVLearning::memory_bytes() const {
  const std::size_t doubles = current_.data().size() + g_.capacity() + eta_factor_.capacity() +
                              beta_linear_.capacity() + beta_square_.capacity() + proposals_.capacity() +
                              scratch_.capacity() + played_prob_.capacity() + rewards_.capacity();
  const std::size_t state = doubles * sizeof(double) +
                            expert_count_.capacity() * sizeof(std::int64_t) + values_.memory_bytes() +
                            (sizes_.capacity() + actions_.capacity() + experts_.capacity()) * sizeof(int) +
                            square_offset_.capacity() * sizeof(std::size_t) + rng_.capacity() * sizeof(RngStream);
  return state + (options_.log ? log_.memory_bytes() + play_.memory_bytes() : 0);
}

// Registration.
namespace {

SolverEntry ce_v_entry() {
  return vlearning_entry<CeVLearning>(
      "ce-v", Concept::ce,
      "CE-V-learning: the same with a swap-regret learner of A_i sub-experts per (step, state); "
      "the certified policy is an epsilon-CE after O~(H^6 S max A_i^2/epsilon^2) episodes",
      swap_regret_learner_memory);
}

}  // namespace

EQLAB_REGISTER_SOLVER(ce_v_entry)

}  // namespace eqlab

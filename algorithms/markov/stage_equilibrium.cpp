#include <eqlab/algorithms/markov/stage_equilibrium.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

namespace eqlab {

StageSolver::StageSolver(std::vector<int> actions, StageEquilibrium kind) : actions_(std::move(actions)), kind_(kind) {
  if (actions_.empty()) throw UsageError("stage solver: no player");
  std::size_t total = 0, regret_total = 0;
  int max_a = 1;
  for (int a : actions_) {
    if (a < 1) throw UsageError("stage solver: a player without actions");
    offsets_.push_back(total);
    regret_offsets_.push_back(regret_total);
    total += static_cast<std::size_t>(a);
    regret_total += kind_ == StageEquilibrium::kCorrelated ? static_cast<std::size_t>(a) * a : a;
    joint_ *= static_cast<std::size_t>(a);
    max_a = std::max(max_a, a);
  }
  sigma_.assign(total, 0.0);
  utility_.assign(total, 0.0);
  regret_.assign(regret_total, 0.0);
  proposal_.assign(static_cast<std::size_t>(max_a) * max_a, 0.0);
  scratch_.assign(static_cast<std::size_t>(max_a) * max_a, 0.0);
  prefix_.assign(actions_.size() + 1, 1.0);
  digits_.assign(actions_.size(), 0);
}

std::size_t StageSolver::memory_bytes() const {
  return sizeof(double) * (sigma_.size() + utility_.size() + regret_.size() + proposal_.size() + scratch_.size() +
                           prefix_.size()) +
         sizeof(int) * digits_.size();
}

void StageSolver::strategies() {
  const int m = static_cast<int>(actions_.size());
  for (int i = 0; i < m; ++i) {
    const int A = actions_[i];
    double* sigma = sigma_.data() + offsets_[i];
    const double* regret = regret_.data() + regret_offsets_[i];
    if (kind_ == StageEquilibrium::kCoarseCorrelated) {
      double total = 0.0;
      for (int a = 0; a < A; ++a) total += regret[a];  // RM+: regrets are kept >= 0
      for (int a = 0; a < A; ++a) sigma[a] = total > 0.0 ? regret[a] / total : 1.0 / A;
      continue;
    }
    // One proposal per recommended action b; a tiny uniform share keeps the chain
    // irreducible, so GTH elimination finds its unique stationary distribution, and moves
    // the average by at most 1e-12 per round.
    constexpr double kMix = 1e-12;
    for (int b = 0; b < A; ++b) {
      const double* row = regret + static_cast<std::size_t>(b) * A;
      double total = 0.0;
      for (int a = 0; a < A; ++a) total += row[a];
      for (int a = 0; a < A; ++a) {
        const double p = total > 0.0 ? row[a] / total : 1.0 / A;
        proposal_[static_cast<std::size_t>(b) * A + a] = (1.0 - kMix) * p + kMix / A;
      }
    }
    std::copy(proposal_.begin(), proposal_.begin() + static_cast<std::ptrdiff_t>(A) * A, scratch_.begin());
    stationary_distribution(std::span<double>(scratch_.data(), static_cast<std::size_t>(A) * A), A,
                            std::span<double>(sigma, A));
  }
}

void StageSolver::payoffs_per_action(std::span<const double> payoffs, std::span<double> out_avg) {
  const int m = static_cast<int>(actions_.size());
  std::fill(utility_.begin(), utility_.end(), 0.0);
  std::fill(digits_.begin(), digits_.end(), 0);
  for (std::size_t joint = 0; joint < joint_; ++joint) {
    // prefix_[k] = Π_{j<k} σ_j(a_j); the product without player i is prefix·suffix.
    for (int j = 0; j < m; ++j) prefix_[j + 1] = prefix_[j] * sigma_[offsets_[j] + digits_[j]];
    out_avg[joint] += prefix_[m];
    double suffix = 1.0;
    for (int i = m - 1; i >= 0; --i) {
      const double others = prefix_[i] * suffix;
      utility_[offsets_[i] + digits_[i]] += others * payoffs[joint * m + i];
      suffix *= sigma_[offsets_[i] + digits_[i]];
    }
    for (int j = m - 1; j >= 0; --j) {  // next joint action, last player fastest
      if (++digits_[j] < actions_[j]) break;
      digits_[j] = 0;
    }
  }
}

void StageSolver::update_regrets() {
  const int m = static_cast<int>(actions_.size());
  for (int i = 0; i < m; ++i) {
    const int A = actions_[i];
    const double* u = utility_.data() + offsets_[i];
    const double* sigma = sigma_.data() + offsets_[i];
    double* regret = regret_.data() + regret_offsets_[i];
    if (kind_ == StageEquilibrium::kCoarseCorrelated) {
      double played = 0.0;
      for (int a = 0; a < A; ++a) played += sigma[a] * u[a];
      for (int a = 0; a < A; ++a) regret[a] = std::max(0.0, regret[a] + u[a] - played);
      continue;
    }
    // Sub-learner b, weighted by σ(b), regrets not having played a' instead of its proposal.
    for (int b = 0; b < A; ++b) {
      double* row = regret + static_cast<std::size_t>(b) * A;
      double total = 0.0;
      for (int a = 0; a < A; ++a) total += row[a];
      double proposed = 0.0;
      for (int a = 0; a < A; ++a) proposed += (total > 0.0 ? row[a] / total : 1.0 / A) * u[a];
      for (int a = 0; a < A; ++a) row[a] = std::max(0.0, row[a] + sigma[b] * (u[a] - proposed));
    }
  }
}

void StageSolver::solve(std::span<const double> payoffs, int rounds, std::span<double> out) {
  if (payoffs.size() < joint_ * actions_.size() || out.size() < joint_)
    throw UsageError("stage solver: payoff table or output of the wrong size");
  if (rounds < 1) throw UsageError("stage solver: rounds must be at least 1");
  std::fill(regret_.begin(), regret_.end(), 0.0);
  std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(joint_), 0.0);
  for (int t = 0; t < rounds; ++t) {
    strategies();
    payoffs_per_action(payoffs, out);
    update_regrets();
  }
  for (std::size_t j = 0; j < joint_; ++j) out[j] /= rounds;
}

}  // namespace eqlab

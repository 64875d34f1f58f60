#include <eqlab/games/markov/markov_model.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

[[noreturn]] void model_misuse(const std::string& what) { throw UsageError("Markov game: " + what); }

}  // namespace

MarkovModel::MarkovModel(MarkovShape shape) : shape_(std::move(shape)) {
  const int m = static_cast<int>(shape_.players.size());
  if (m == 0) model_misuse("a game needs at least one player");
  if (shape_.horizon < 1) model_misuse("the horizon must be >= 1, got " + std::to_string(shape_.horizon));
  if (shape_.states.empty()) model_misuse("a game needs at least one state");
  if (static_cast<int>(shape_.actions.size()) != m)
    model_misuse("expected " + std::to_string(m) + " action lists, got " + std::to_string(shape_.actions.size()));
  if (!(std::isfinite(shape_.reward_lo) && std::isfinite(shape_.reward_hi) && shape_.reward_lo < shape_.reward_hi))
    model_misuse("the reward range needs finite lo < hi");
  if (shape_.initial.size() != shape_.states.size())
    model_misuse("the initial distribution needs one entry per state");
  double sum = 0.0;
  for (double q : shape_.initial) {
    if (!(q >= 0.0)) model_misuse("initial probabilities must be >= 0");
    sum += q;
  }
  if (std::fabs(sum - 1.0) > 1e-9) model_misuse("the initial distribution sums to " + std::to_string(sum));
  offsets_.resize(m);
  for (int i = 0; i < m; ++i) {
    const int a = static_cast<int>(shape_.actions[i].size());
    if (a == 0) model_misuse("player " + std::to_string(i) + " has no action");
    offsets_[i] = total_actions_;
    total_actions_ += a;
    max_actions_ = std::max(max_actions_, a);
    joint_actions_ *= a;
  }
}

namespace {

// Walks every joint action of positive weight Π_{j≠skip} p_j(a_j) (skip = -1: all players),
// last player fastest, calling visit(a, weight) with a[skip] left at 0.
template <class Visit>
void for_each_weighted_action(const MarkovModel& model, ProductView p, int skip, double max_joint, Visit&& visit) {
  const int m = model.num_players();
  double joint = 1.0;
  for (int j = 0; j < m; ++j)
    if (j != skip) joint *= model.num_actions(j);
  if (joint > max_joint)
    model_misuse("the product-expectation oracle would enumerate " + std::to_string(joint) +
           " joint actions, over its limit of " + std::to_string(max_joint));
  if (static_cast<int>(p.size()) != m)
    model_misuse("expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  for (int j = 0; j < m; ++j)
    if (j != skip && static_cast<int>(p[j].size()) != model.num_actions(j))
      model_misuse("player " + std::to_string(j) + "'s distribution has the wrong length");
  std::vector<int> a(m, 0);
  while (true) {
    double weight = 1.0;
    for (int j = 0; j < m && weight != 0.0; ++j)
      if (j != skip) weight *= p[j][a[j]];
    if (weight != 0.0) visit(std::span<const int>(a), weight);
    int j = m - 1;
    for (; j >= 0; --j) {
      if (j == skip) continue;
      if (++a[j] < model.num_actions(j)) break;
      a[j] = 0;
    }
    if (j < 0) return;
  }
}

}  // namespace

void MarkovModel::enumerate_player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                               std::span<double> next, double max_joint) const {
  const int A = num_actions(player), S = num_states(), m = num_players();
  const bool last = h == horizon() - 1;
  std::fill(rewards.begin(), rewards.begin() + A, 0.0);
  if (!last) std::fill(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(A) * S, 0.0);
  std::vector<int> own(m);
  std::vector<double> r(m), t(last ? 0 : S);
  for_each_weighted_action(*this, p, player, max_joint, [&](std::span<const int> a, double w) {
    std::copy(a.begin(), a.end(), own.begin());
    for (int b = 0; b < A; ++b) {
      own[player] = b;
      this->rewards(h, s, own, r);
      rewards[b] += w * r[player];
      if (last) continue;
      next_distribution(h, s, own, t);
      double* row = next.data() + static_cast<std::ptrdiff_t>(b) * S;
      for (int k = 0; k < S; ++k) row[k] += w * t[k];
    }
  });
}

void MarkovModel::enumerate_joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                              std::span<double> next, double max_joint) const {
  const int S = num_states(), m = num_players();
  const bool last = h == horizon() - 1;
  std::fill(rewards.begin(), rewards.begin() + m, 0.0);
  if (!last) std::fill(next.begin(), next.begin() + S, 0.0);
  std::vector<double> r(m), t(last ? 0 : S);
  for_each_weighted_action(*this, p, -1, max_joint, [&](std::span<const int> a, double w) {
    this->rewards(h, s, a, r);
    for (int j = 0; j < m; ++j) rewards[j] += w * r[j];
    if (last) return;
    next_distribution(h, s, a, t);
    for (int k = 0; k < S; ++k) next[k] += w * t[k];
  });
}

}  // namespace eqlab

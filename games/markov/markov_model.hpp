#pragma once
// What every learner, evaluator and simulator of episodic Markov games sees
// (docs/algorithms/markov-learning.md): sizes and labels, sampling for the simulator, and the
// product-expectation oracle. A model is either a table (TableMarkovModel, the file format)
// or a structured generator (polymatrix, congestion, ...) whose oracle has a closed form,
// so that nothing here ever enumerates the joint action space unless the model is a table.
//
// Conventions. Steps h are 0-based (h = 0..H-1), states 0..S-1, player i's actions
// 0..A_i-1. Rewards are NORMALISED to [0, 1] everywhere in this interface: a model with a
// reward range [lo, hi] reports (r - lo) / (hi - lo); multiply values and gaps by
// reward_scale() to get back the game's units. After the last step (h = H-1) the episode
// ends: there is no next state and next-state outputs are not written.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace eqlab {

// One distribution per player, in player order; an oracle for player i does not read p[i].
using ProductView = std::span<const std::span<const double>>;

struct MarkovShape {
  std::string name;
  std::vector<std::string> players;
  int horizon = 1;
  std::vector<std::string> states;
  std::vector<std::vector<std::string>> actions;  // per player
  std::vector<double> initial;                    // over states, sums to 1
  double reward_lo = 0.0, reward_hi = 1.0;        // the game's units
};

class MarkovModel {
 public:
  // Checks the shape (UsageError): players, states and actions non-empty, H >= 1, initial a
  // distribution over the states, lo < hi finite.
  explicit MarkovModel(MarkovShape shape);
  virtual ~MarkovModel() = default;
  MarkovModel(const MarkovModel&) = default;
  MarkovModel& operator=(const MarkovModel&) = default;

  // --- sizes and labels ---
  const MarkovShape& shape() const { return shape_; }
  const std::string& name() const { return shape_.name; }
  int num_players() const { return static_cast<int>(shape_.players.size()); }
  int horizon() const { return shape_.horizon; }
  int num_states() const { return static_cast<int>(shape_.states.size()); }
  int num_actions(int player) const { return static_cast<int>(shape_.actions[player].size()); }
  int max_actions() const { return max_actions_; }
  // Σ_i A_i: the length of one (h, s) block of a product policy.
  int total_actions() const { return total_actions_; }
  // Where player i's actions start in such a block: Σ_{j<i} A_j.
  int action_offset(int player) const { return offsets_[player]; }
  // Π_i A_i as a double (it may not fit an integer): the cost of anything joint.
  double joint_actions() const { return joint_actions_; }
  const std::vector<double>& initial() const { return shape_.initial; }
  double reward_scale() const { return shape_.reward_hi - shape_.reward_lo; }

  // --- joint actions as one index: mixed radix, player 0 the slowest digit (MarkovGame's
  // and CorrelatedPolicy's order). Only for tables of joint actions, whose size
  // joint_actions() fits an index.
  std::size_t encode_joint(std::span<const int> actions) const {
    std::size_t joint = 0;
    for (int i = 0; i < num_players(); ++i) joint = joint * static_cast<std::size_t>(num_actions(i)) + actions[i];
    return joint;
  }
  // One action per player into `actions` (m entries).
  void decode_joint(std::size_t joint, std::span<int> actions) const {
    for (int i = num_players() - 1; i >= 0; --i) {
      const auto a = static_cast<std::size_t>(num_actions(i));
      actions[i] = static_cast<int>(joint % a);
      joint /= a;
    }
  }

  // --- simulation (every method is const and thread-safe) ---
  // Every player's normalised reward for the joint action a (one action per player).
  virtual void rewards(int h, int s, std::span<const int> a, std::span<double> out) const = 0;
  // The next state drawn from P_h(·|s, a) by inverting its CDF at u ∈ [0, 1); h < H-1.
  virtual int sample_next(int h, int s, std::span<const int> a, double u) const = 0;
  // P_h(·|s, a) as a dense vector of S entries; h < H-1.
  virtual void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const = 0;

  // --- the product-expectation oracle ---
  // For player i against ⊗_{j≠i} p_j: rewards[a_i] = E[r_{h,i}(s, a_i, a_{-i})] (A_i
  // entries) and, for h < H-1, next[a_i * S + s'] = E[P_h(s'|s, a_i, a_{-i})] (A_i * S).
  virtual void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                  std::span<double> next) const = 0;
  // Under ⊗_j p_j: rewards[j] = E[r_{h,j}] (m entries) and, for h < H-1, next[s'] (S).
  virtual void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                 std::span<double> next) const = 0;

 protected:
  // For models whose oracle enumerates joint actions (tables, dense random games): the two
  // oracles computed from rewards() and next_distribution() over every joint action of
  // positive weight. Cost Π_j A_j per call; refuses (UsageError) above `max_joint` joint actions.
  void enumerate_player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                    std::span<double> next, double max_joint) const;
  void enumerate_joint_expectation(int h, int s, ProductView p, std::span<double> rewards, std::span<double> next,
                                   double max_joint) const;

 private:
  MarkovShape shape_;
  std::vector<int> offsets_;
  int max_actions_ = 0, total_actions_ = 0;
  double joint_actions_ = 1.0;
};

// The default bound of enumerating oracles: 2^24 joint actions per (h, s) query.
inline constexpr double kMaxEnumeratedJointActions = 16'777'216.0;

}  // namespace eqlab

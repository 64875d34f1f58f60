#pragma once
// Episodic m-player general-sum Markov games in table form (docs/FORMAT.md, `markov`;
// docs/algorithms/markov-learning.md, "Model and feedback").
//
// Indexing. Steps h are 0-based in this API (the file format's step 1 is h = 0), states
// s in 0..S-1, player i's actions in 0..A_i-1. A joint action a = (a_0, ..., a_{m-1}) is
// one index in mixed radix with player 0 the SLOWEST (most significant) digit, like
// NormalGame's profiles: a = ((a_0 * A_1 + a_1) * A_2 + a_2) ...
//
// Storage. A cell is one (h, s, a). Each cell holds a 32-bit index of an *outcome*: m
// rewards plus a sparse next-state list (CSR: offsets into one flat array of
// (state, prob)). Outcomes are shared: a file entry with wildcards or without a step is
// stored once however many cells it covers. Memory is therefore
//   4 bytes * H * S * Π_j A_j  (the cell table)  +  per outcome 8m bytes + 16 bytes per
//   next state with a positive probability,
// so a big S costs only what the transitions really reach.
//
// The episode ends after the last step: next() is empty at h = H-1 (the format ignores
// transitions from the last step), while its rewards count.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eqlab {

struct StateProb {
  int state = 0;
  double prob = 0.0;
};

// The product-expectation oracle (docs/algorithms/evaluation.md) for one player i.
struct PlayerExpectation {
  std::vector<double> rewards;  // R_i(a_i), one per action of player i
  std::vector<double> next;     // T(a_i, s') at [a_i * S + s'], dense; all zero at h = H-1
};

// The all-player version: every player's distribution is given.
struct JointExpectation {
  std::vector<double> rewards;  // E[r_{h,j}(s, a)] for every player j
  std::vector<double> next;     // E[P_h(s' | s, a)] for every s' (zero at h = H-1)
};

struct ExpectationOptions {
  // The oracle enumerates joint actions; it refuses (UsageError) games whose Π_j A_j is
  // larger, because that enumeration is then too slow to be what the caller meant.
  std::size_t max_joint_actions = std::size_t{1} << 24;
  // Rewards mapped to [0, 1] by (r - lo) / (hi - lo), as the learners use them.
  bool normalised = false;
};

class MarkovGame {
 public:
  static constexpr std::uint32_t kUnset = UINT32_MAX;

  // An empty table (every cell unset) for these labels. Throws UsageError on sizes that
  // do not fit: no player, a player or state set empty, horizon < 1, lo >= hi, an initial
  // distribution of the wrong size, negative or not summing to 1 within 1e-9, or a cell
  // table of more than max_cells cells.
  MarkovGame(std::string name, std::vector<std::string> players, int horizon, std::vector<std::string> states,
             std::vector<std::vector<std::string>> actions, std::vector<double> initial, double reward_lo = 0.0,
             double reward_hi = 1.0, std::size_t max_cells = std::size_t{1} << 32);

  // --- building ---
  // Adds an outcome (m rewards within [lo, hi]; next states in range, probabilities >= 0
  // summing to 1 within 1e-9; zero entries are dropped) and returns its index.
  std::uint32_t add_outcome(std::span<const double> rewards, std::span<const StateProb> next);
  void set_cell(int h, int s, std::size_t joint, std::uint32_t outcome);
  std::uint32_t cell(int h, int s, std::size_t joint) const;  // kUnset when unset
  // Whether every cell has an outcome; first_unset() gives one that has none.
  bool complete() const;
  struct Cell {
    int h = 0;
    int s = 0;
    std::size_t joint = 0;
  };
  Cell first_unset() const;  // UsageError when complete

  // --- sizes and labels ---
  const std::string& name() const { return name_; }
  const std::vector<std::string>& players() const { return players_; }
  const std::vector<std::string>& states() const { return states_; }
  const std::vector<std::vector<std::string>>& actions() const { return actions_; }
  const std::vector<double>& initial() const { return initial_; }
  int num_players() const { return static_cast<int>(players_.size()); }
  int horizon() const { return horizon_; }
  int num_states() const { return static_cast<int>(states_.size()); }
  int num_actions(int player) const { return static_cast<int>(actions_[player].size()); }
  std::size_t num_joint_actions() const { return num_joint_; }
  std::size_t num_outcomes() const { return next_begin_.size() - 1; }
  double reward_lo() const { return lo_; }
  double reward_hi() const { return hi_; }

  // --- joint actions ---
  std::size_t joint_action(std::span<const int> per_player) const;
  std::vector<int> player_actions(std::size_t joint) const;
  // Player i's digit of a joint index, without decoding the others.
  int action_of(std::size_t joint, int player) const;
  // The step of player i's digit: joint + stride(i) moves player i one action up.
  std::size_t stride(int player) const { return stride_[player]; }

  // --- the table (every cell must be set: UsageError otherwise) ---
  double reward(int h, int s, std::size_t joint, int player) const;
  double normalised_reward(int h, int s, std::size_t joint, int player) const;
  std::span<const double> rewards(int h, int s, std::size_t joint) const;  // m rewards
  std::span<const StateProb> next(int h, int s, std::size_t joint) const;  // empty at h = H-1
  double normalise(double r) const { return (r - lo_) / (hi_ - lo_); }

  // --- product-expectation oracle (docs/algorithms/evaluation.md) ---
  // p has one distribution per player; p[i] itself is not read (it may be empty).
  // Cost: O(Π_j A_j * (1 + next states per cell)) time, O(A_i * S) memory for the result.
  PlayerExpectation product_expectation(int h, int s, int player, const std::vector<std::span<const double>>& p,
                                        const ExpectationOptions& options = {}) const;
  // Every p[j] given. Same cost, O(m + S) memory.
  JointExpectation joint_expectation(int h, int s, const std::vector<std::span<const double>>& p,
                                     const ExpectationOptions& options = {}) const;

 private:
  std::size_t cell_index(int h, int s, std::size_t joint) const;
  std::uint32_t outcome_at(int h, int s, std::size_t joint) const;  // checked
  void check_distributions(const std::vector<std::span<const double>>& p, int skip,
                           const ExpectationOptions& options) const;

  std::string name_;
  std::vector<std::string> players_;
  int horizon_ = 1;
  std::vector<std::string> states_;
  std::vector<std::vector<std::string>> actions_;
  std::vector<double> initial_;
  double lo_ = 0.0, hi_ = 1.0;
  std::size_t num_joint_ = 1;
  std::vector<std::size_t> stride_;

  std::vector<std::uint32_t> cells_;        // [(h * S + s) * J + joint] -> outcome
  std::vector<double> outcome_rewards_;     // [outcome * m + player]
  std::vector<std::size_t> next_begin_{0};  // CSR offsets, one more than outcomes
  std::vector<StateProb> next_entries_;
};

}  // namespace eqlab

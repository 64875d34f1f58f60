#pragma once
// A single-agent PAC learner for the MDP that player i faces while every other player
// replays a fixed deterministic Markov policy (Nash-CA's learner): model-based
// UCBVI with upper and lower confidence values ("UCBVI-UPLOW").
//
// Over (h, s, a_i) it keeps visit counts, the empirical reward r̂ and the empirical
// next-state law P̂. Before each episode it plans backward:
//   Q̄_h = min{r̂ + P̂·V̄_{h+1} + b, H−h},  Q̲_h = max{r̂ + P̂·V̲_{h+1} − b, 0},
//   b = c·sqrt(H²·B·ι/N), unvisited (h, s, a): Q̄ = H−h, Q̲ = 0 (h 0-based: H−h steps remain),
// B = `bonus_states`: S makes the bonus hold for every value function at once (a union
// over an ε-net of [0, H]^S), which V̲ needs because the greedy policy, and so the value it
// bounds, depend on the data; B = 1 is Hoeffding for one fixed value function, enough for
// V̄ ≥ V* alone (Azar, Osband, Munos 2017) but not for the certificate.
// plays greedily on Q̄ (lowest action on ties) and sets V̄, V̲ at that greedy action. While
// the bonuses are valid, V̄ bounds the optimal value from above and V̲ the greedy policy's
// value from below, so (V̄_1 − V̲_1) averaged over ρ certifies the greedy policy's
// suboptimality. The learner returns the greedy policy with the smallest certificate seen
// and stops early once that certificate is at most the target.
//
// All storage is sized once per player; episodes allocate nothing.
//
// UCBVI-UPLOW is the learner of Song, Mei, Bai, "When Can We Learn General-Sum Markov Games
// with a Large Number of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184 (appendix);
// this is a reconstruction of it.
// Cost per episode: planning O(H·S·A_i·S), playing O(H).
// See docs/algorithms/markov-learning.md, "nash-ca".
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>

namespace eqlab {

struct UcbviOptions {
  double bonus_scale = 1.0;          // c
  double iota = 1.0;                 // the log factor ι
  std::int64_t max_episodes = 1000;  // K_i: the episode cap of one learning run
  double target_gap = 0.0;           // stop once the best certificate is at most this
  double bonus_states = 1.0;         // B inside the bonus: S for a valid certificate
};

class Ucbvi {
 public:
  Ucbvi(const MarkovModel& model, int player);

  // Starts a learning run from empty statistics. `profile` holds one action per
  // (h, s, player) at [(h·S + s)·m + j]; player i's own entries are not read.
  void start(std::span<const int> profile, const UcbviOptions& options);
  // Plans on the statistics so far and keeps the greedy policy if its certificate is the
  // best yet; then, unless the target is met or the cap is reached, plays one episode on
  // `sim` with it and returns true. Returns false (and plays nothing) once finished.
  bool run_episode(MarkovSimulator& sim);

  bool finished() const { return finished_; }
  // The bonus b of a cell visited `visits` times, under the options of the current run.
  double bonus(double visits) const;
  // The returned policy: one action per (h, s) at [h·S + s].
  std::span<const int> best_policy() const { return best_; }
  double best_gap() const { return best_gap_; }
  std::int64_t episodes() const { return episodes_; }  // played in the current run
  int player() const { return player_; }
  std::size_t memory_bytes() const;

 private:
  // Backward planning; returns the certificate of the greedy policy.
  double plan();
  std::size_t cell(int h, int s, int a) const {
    return (static_cast<std::size_t>(h) * states_ + s) * actions_ + a;
  }

  const MarkovModel& model_;
  int player_, horizon_, states_, actions_, players_;
  UcbviOptions options_;
  std::vector<int> others_;  // the fixed profile, [(h·S + s)·m + j]
  std::vector<double> visits_, reward_sum_, next_counts_;  // per cell; next_counts_ has S per cell
  std::vector<double> upper_, lower_;                      // V̄, V̲ at [h·S + s], h = 0..H
  std::vector<int> greedy_, best_;
  std::vector<int> joint_;
  std::vector<double> rewards_;
  double best_gap_ = 0.0;
  std::int64_t episodes_ = 0;
  bool finished_ = true;
};

}  // namespace eqlab

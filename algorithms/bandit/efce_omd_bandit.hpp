#pragma once
// EFCE-OMD with bandit feedback (Bai et al. 2022, Theorems 6 and 7): one player's Φ-Hedge
// over trigger deviations that sees only its own trajectory and reward.
//
// State, per trigger τ = (x_g, a_g), over the subtree of x_g (layout of TreeplexSubtrees):
//   S_τ(x, a)       cumulative estimated loss column τ,
//   F_τ(x)          the (weighted) log-partition of the subtree at x,
//   childsum_τ(x,a) Σ_{x' ∈ C(x,a)} F_τ(x'),
// and per trigger K_τ (estimated loss collected at or below τ) and
//   log λ_τ = (1/N) (η K_τ + F_τ(x_g)).
// m_τ(·|x) = softmax(w_τ(x) [−η S_τ(x,·) + childsum_τ(x,·)]).
//
// One episode touches only the realized path: the fixed point μ^t = φ(λ, m) μ^t is solved
// at the visited infosets only, the terminal loss 1 − reward is charged to the last own
// step through the implicit-exploration estimator, and S, K, F, childsum and log λ change
// along the path only. The cost of an episode does not depend on the size of the treeplex.
//
// Variants:
//   plain     (Theorem 6): w ≡ 1, N ≡ 1, estimator denominator μ^t(σ) + γ;
//   balanced  (Theorem 7): balanced trigger weights w_τ, N = number of triggers,
//             denominator μ^t(σ) + γ (μ^{⋆,h}(σ) + μ^t(τ) m_{τ,g:h}(σ)).
//   uniform exploration (baseline): the plain constants, but the played plan is
//             ν^t = (1 − γ) μ^t + γ π_unif (π_unif: every action of every infoset equally
//             likely, γ capped at 1) and the estimator is the unbiased ℓ / ν^t(σ); what
//             expected_strategy() reports is ν^t, the plan actually played.
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294 (Theorems 6 and 7).
// Cost per episode: O(H²·A² + H·A³) along the path, independent of the number of
// infosets; expected_strategy() O(X·H·A² + X·A³) below the infosets that changed.
// See docs/algorithms/bandit.md.
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/algorithms/omd/trigger_learner.hpp>
#include <eqlab/lib/treeplex.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

struct EfceOmdBanditOptions {
  bool balanced = false;
  std::int64_t horizon = 1;  // T, the number of episodes the constants are tuned for
  double eta_scale = 1.0;    // multiplies the theorem's η
  double gamma_scale = 1.0;  // multiplies the theorem's γ (0: unbiased estimator)
  double delta = 0.01;       // failure probability in ι
  // Explore uniformly with probability γ instead of implicit exploration (plain only).
  bool uniform_exploration = false;
  // Anytime constants by doubling: in episodes [2^k, 2^{k+1}) η and γ are the theorem's
  // for the horizon 2^k, and `horizon` is ignored. The cumulative losses S and K are kept
  // (the learner is FTRL), so a change of η only recomputes F, childsum and log λ, one
  // pass over the trigger storage, log2 T times in T episodes. The regret bound then
  // holds at every T, not only at the horizon, and a curve's log-log slope means what
  // the theorem says.
  bool doubling = false;
  // The factor on η for the loss convention (IxScales::eta_loss_factor): called with the
  // theorem's bound on an episode's loss, H for Theorems 6 and 7.
  std::function<double(double)> eta_loss_factor = [](double) { return 1.0; };
};

// The step size η, the implicit-exploration γ and the temperature of the Hedge over
// triggers (1/N balanced, 1 plain), from the theorems with XA read as N, the number of
// triggers, H the largest own depth, A the widest infoset and ‖Π‖₁ the most infosets a
// pure plan reaches:
//   plain     η = sqrt(‖Π‖₁ log A / (H N T)),  γ = sqrt(‖Π‖₁ ι / (N T)),   ι = log(3N/δ);
//   balanced  η = sqrt(N ι / (H⁴ T)),          γ = 2 sqrt(N ι / (H² T)),  ι = log(10N/δ);
// each times its scale and η times eta_loss_factor(H) (under preset=paper H / loss_bound:
// the theorems charge per-step losses totalling H); with uniform exploration the plain ones, γ capped at 1 (a
// mixing probability). Throws UsageError for horizon < 1, negative scales, δ ∉ (0, 1)
// or balanced with uniform exploration. With doubling, `horizon` is the current epoch's
// length 2^k.
struct EfceOmdBanditConstants {
  double eta = 0.0;
  double gamma = 0.0;
  double temperature = 1.0;
};
EfceOmdBanditConstants efce_omd_bandit_constants(const Treeplex& treeplex, const EfceOmdBanditOptions& options);

class EfceOmdBandit final : public BanditLearner {
 public:
  // The treeplex must outlive the learner. Throws as efce_omd_bandit_constants.
  EfceOmdBandit(const Treeplex& treeplex, EfceOmdBanditOptions options);

  void begin_episode() override;
  // Throws UsageError when `infoset` does not continue the episode's own path.
  int act(int infoset, RngStream& rng) override;
  void end_episode(double reward) override;
  std::span<const double> expected_strategy() override;

  // The constants of the next episode (they change at episodes 2, 4, 8, ... with doubling).
  double eta() const { return eta_; }
  double gamma() const { return gamma_; }

  // The current episode's path (valid until the next begin_episode): per step, the
  // infoset, the action sampled and μ^t(·|x) as solved lazily during play.
  int path_length() const { return static_cast<int>(path_.size()); }
  int path_infoset(int step) const { return path_[step].infoset; }
  int path_action(int step) const { return path_[step].action; }
  std::span<const double> path_strategy(int step) const;

  // The behavioural form of the last expected_strategy() (entry 0 unused).
  std::span<const double> expected_behavioural() const;

  // Cumulative estimated losses S (by trigger block) and K (by trigger sequence).
  std::span<const double> deviation_loss() const { return deviation_loss_; }
  std::span<const double> kept_loss() const { return kept_loss_; }
  const TreeplexSubtrees& subtrees() const { return subtrees_; }

  // Largest difference between the incrementally maintained F, childsum, log λ and a
  // fresh bottom-up recomputation from S and K: zero up to rounding.
  double refresh_drift() const;

 private:
  struct Step {
    int infoset;
    int action = -1;
    double reach;           // μ^t(p(x))
    std::size_t strategy;   // μ^t(·|x), into step_values_
    std::size_t rows;       // m_τ(·|x) for the triggers at steps 0..this, into step_values_
    std::size_t triggers;   // the first trigger of this step in the path's trigger list
  };

  // F_τ(x) from S_τ and childsum_τ at member x (block position `local`, weight w).
  double log_partition(const double* S, const double* childsum, int local, int actions, double w) const;
  // m_τ(·|x) into out.
  void trigger_row(const double* S, const double* childsum, int local, int actions, double w, double* out) const;
  // F, childsum and log λ of every trigger from S and K by one bottom-up pass each.
  void recompute_all(std::vector<double>& log_partition, std::vector<double>& child_sum,
                     std::vector<double>& log_weight) const;
  double member_weight(int g, int local) const;
  // The probability that the played plan ν^t gives sequence σ, from μ^t(σ).
  double played_reach(int sigma, double reach) const;
  double log_weight_of(int trigger, double root_log_partition) const;
  // The IX update of S and K for the episode's terminal loss, then F, childsum, log λ on the path.
  void charge_loss(double loss);
  // η and γ for the horizon `horizon`, with F, childsum and log λ recomputed for the new η.
  void retune(std::int64_t horizon);
  // Every trigger strategy and the whole fixed point are recomputed by the next expected_strategy().
  void mark_all_stale();

  const Treeplex& treeplex_;
  TreeplexSubtrees subtrees_;
  EfceOmdBanditOptions options_;
  double eta_ = 0.0;
  double gamma_ = 0.0;
  double temperature_ = 1.0;
  std::int64_t episodes_done_ = 0;
  std::int64_t next_retune_ = 2;  // with doubling: the next episode whose constants change

  // Balanced weights by infoset block (entry at each member's local_first), and the
  // root-based balanced sequence weights μ^{⋆,h}; both empty for the plain variant.
  std::vector<std::size_t> weight_begin_;  // per infoset
  std::vector<double> block_weight_;
  std::vector<double> sequence_weight_;
  // The uniform plan π_unif by sequence; empty unless exploring uniformly.
  std::vector<double> uniform_plan_;

  std::vector<double> deviation_loss_;  // S, by trigger block
  std::vector<double> log_partition_;   // F, by trigger block at each member's local_first
  std::vector<double> child_sum_;       // childsum, by trigger block
  std::vector<double> kept_loss_;       // K, by trigger sequence
  std::vector<double> log_weight_;      // log λ, by trigger sequence

  // The episode.
  std::vector<Step> path_;
  std::vector<double> step_values_;
  std::vector<int> path_triggers_;      // the triggers (x_g, a) of the path infosets, in path order
  std::vector<double> trigger_reach_;   // per path trigger: μ^t(τ) Π_{k=g}^{last} m_τ(a_k|x_k)
  std::vector<double> trigger_seq_;     // per path trigger: μ^t(τ)

  // expected_strategy(): m_τ and its sequence form by trigger block, kept between calls.
  // The rows an episode changed are listed in stale_rows_ (or, past its capacity, every
  // row of the infoset's triggers is recomputed); the sequence forms are recomputed for
  // the infosets whose triggers changed (stale_infoset_); the fixed
  // point, recomputed below the top-level infosets of the paths updated (stale_top_);
  // with uniform exploration the played plan ν^t in behavioural_ and plan_.
  std::vector<double> trigger_behavioural_, trigger_plan_, fixed_behavioural_, fixed_plan_, behavioural_, plan_;
  struct StaleRow {
    int trigger;  // (g, a)
    int local;    // the member's first sequence in g's block
    int actions;
  };
  static constexpr char kFresh = 0, kRowsStale = 1, kAllRowsStale = 2;
  std::vector<StaleRow> stale_rows_;
  std::vector<char> stale_infoset_, stale_top_;
  TriggerFixedPoint fixed_point_;
  std::vector<double> inflow_, own_weight_;
  std::vector<const double*> own_rows_;
};

}  // namespace eqlab

#pragma once
// One player's EFCE-OMD learner (Φ-Hedge over trigger deviations, Bai et al. 2022,
// Algorithm 2), in FTRL form, with utilities.
//
// For every trigger τ = (x_g, a_g), a dilated-entropy learner over the pure subtree plans
// at x_g, fed the utility scaled by the probability μ^t(τ) of being triggered:
//   S_τ(x, a) = Σ_s μ^s(τ) u^s(x, a)                    for (x, a) in the subtree of x_g,
//   m_τ(a|x) ∝ exp(w(x) [η S_τ(x, a) + Σ_{x' ∈ C(x,a)} F_τ(x')]),
//   F_τ(x)   = (1/w(x)) logsumexp_a of the same,
// and a Hedge over the triggers, whose score is the utility the replacement collects
// (soft-max F_τ(x_g)) minus the utility collected at or below τ so far (K_τ):
//   log λ_τ = temperature · (F_τ(x_g) − η K_τ).
// The strategy played is the fixed point μ = φ(λ, m) μ, solved exactly top-down, infoset
// by infoset, as the stationary distribution of a small Markov chain (GTH elimination).
//
// Weights w ≡ 1 and temperature 1 give EFCE-OMD; the balanced variant (the paper's
// eqs. 20-21) passes the balanced weights of every subtree member and temperature
// 1 / (number of triggers). Utilities may carry a constant per-player offset (the paper's
// losses are an affine map of them): it cancels in λ because every subtree plan collects
// the same reach.
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294.
// Triggers: Farina, Celli, Marchesi, Gatti, "Simple Uncoupled No-Regret Learning Dynamics for
// Extensive-Form Correlated Equilibrium", JACM 2022, arXiv:2104.01520.
// Cost per update: O(Σ_{x_g} |A(x_g)|·|Σ(subtree of x_g)|) ≤ O(H·A·N) for the trigger
// learners, O(X·H·A² + X·A³) for the fixed point.
// See docs/algorithms/phi-hedge-omd.md.
#include <span>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include <eqlab/lib/treeplex.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>
#include <eqlab/lib/trigger_sums.hpp>

namespace eqlab {

// The exact fixed point μ = φ(λ, m) μ (docs/algorithms/phi-hedge-omd.md, "The fixed
// point"), solved top-down infoset by infoset. At infoset x with parent reach r = μ(p(x)) the sequences y(a) = μ(x, a) solve
//   y(a) (L + λ_a) = c(a) + Σ_{a'} λ_{a'} m_{a'}(a|x) y(a'),   Σ_a y(a) = r,
// where λ_a is the weight of trigger (x, a), L the weight of the triggers on the path to x
// (the played ancestor sequences) and c(a) = Σ over ancestor triggers τ (every action of
// every ancestor infoset) of λ_τ μ(τ) m_τ(x, a | from x_g). This is the balance equation of
// the chain on {⊥} ∪ A(x) with ⊥ → a ∝ c(a), a' → a = λ_{a'} m_{a'}(a)/(L + λ_{a'}) and
// a' → ⊥ = L/(L + λ_{a'}); with π its stationary distribution, y(a) ∝ π(a)/(L + λ_a).
//
// Shared by the full-feedback learner, which solves every infoset, and the bandit learner,
// which solves only the infosets an episode visits. Holds scratch only.
class TriggerFixedPoint {
 public:
  // `widest` is the largest number of actions of an infoset to be solved.
  explicit TriggerFixedPoint(int widest);

  // μ over the whole treeplex: log λ per trigger sequence, m_τ(a|x) and m_τ's sequence
  // form from x_g by trigger block. Fills behavioural (μ(a|x)) and plan (sequence form).
  void solve_all(const TreeplexSubtrees& subtrees, std::span<const double> log_weight,
                 std::span<const double> trigger_behavioural, std::span<const double> trigger_plan,
                 std::span<double> behavioural, std::span<double> plan);

  // The same for the infosets below the top-level infosets r with stale_top[r] != 0 only
  // (the fixed point at x depends on the triggers of x's ancestors alone; an empty
  // stale_top stands for all of them); the other entries of behavioural and plan keep
  // their values.
  void solve_below(const TreeplexSubtrees& subtrees, std::span<const char> stale_top, std::span<const double> log_weight,
                   std::span<const double> trigger_behavioural, std::span<const double> trigger_plan,
                   std::span<double> behavioural, std::span<double> plan);

  // The local solve at one infoset with `actions` actions: c(a) in inflow (any common
  // scale), L in path_weight and λ_a in own_weight on the scale of the κ's inside c,
  // own_rows[a'] = m_{(x,a')}(·|x). has_path says whether ⊥ exists (some ancestor
  // trigger carries weight). Writes μ(·|x) to behavioural.
  void solve_local(int actions, double path_weight, bool has_path, const double* inflow, const double* own_weight,
                   const double* const* own_rows, double* behavioural);

 private:
  // The weights λ_τ of the subtrees of tops_, relative to the largest on each path, in
  // three factors that need no exp per ancestor (see the definition).
  void prepare_weights(const TreeplexSubtrees& subtrees, std::span<const double> log_weight);
  void solve_infoset(const TreeplexSubtrees& subtrees, int x, std::span<const double> trigger_behavioural,
                     std::span<const double> trigger_plan, std::span<double> behavioural, std::span<double> plan);
  template <int Actions>
  double gather_inflow(const TreeplexSubtrees& subtrees, int x, std::span<const double> trigger_plan,
                       std::span<const double> plan);

  std::vector<double> chain_, stationary_, inflow_, local_weight_;
  std::vector<const double*> rows_;
  std::vector<int> tops_;
  std::vector<double> offset_, relative_weight_, top_scale_, step_scale_, exponents_;
};

struct TriggerLearnerOptions {
  // One weight per subtree member, indexed like TreeplexSubtrees::member_index(g) + k;
  // empty for all weights 1.
  std::vector<double> member_weight;
  double temperature = 1.0;  // multiplies the Hedge over triggers
};

class TriggerRegretLearner {
 public:
  explicit TriggerRegretLearner(const Treeplex& treeplex, TriggerLearnerOptions options = {});

  // Adds one round's utility vector (indexed by sequence, entry 0 ignored), observed while
  // the current strategy was played, and moves to the next strategy with step size `eta`.
  void update(std::span<const double> utility, double eta);

  std::span<const double> sequence_form() const { return plan_; }
  std::span<const double> behavioural() const { return behavioural_; }

  // max over trigger deviations (τ → pure v) of the utility they would have gained over
  // the rounds so far: the learner's trigger regret, in the units of the utilities given.
  double trigger_regret() const;

  // max |φ(λ, m) μ − μ| over sequences for the current strategy μ: zero up to rounding.
  double fixed_point_residual() const;

  // The current trigger strategies m_τ(a|x) (behavioural, laid out by
  // TreeplexSubtrees::trigger_offset) and log-weights log λ_τ (per trigger sequence, up to
  // a common constant), for tests.
  std::span<const double> trigger_strategies() const { return trigger_behavioural_; }
  std::span<const double> log_weights() const { return log_weight_; }
  const TreeplexSubtrees& subtrees() const { return subtrees_; }

 private:
  // Scratch of one thread's trigger computation, sized for the widest level of any group.
  struct LevelScratch {
    std::vector<double> exponent;           // per entry of a level, every trigger of the group
    std::vector<double> top, sum, log_sum;  // per member of a level, every trigger of the group
  };
  // Members of one height (0: no member below) in one subtree: independent of each other.
  struct Level {
    int begin, end;  // into level_members_
    int entries;     // their sequences
  };
  // What the bottom-up pass reads of a member, in the order it reads the members.
  struct LevelMember {
    int local_first, parent_local, actions;
    double weight;
  };
  // Consecutive infosets whose triggers are computed together, height by height, so that
  // the exps and logs of many small subtrees form one batch; also the unit of parallel work.
  struct Group {
    int first, last;  // infosets [first, last)
    int height;       // the tallest subtree's number of levels
  };

  // m_τ, their sequence forms and log λ_τ, from S and K with step size eta.
  void compute_trigger_strategies(double eta);
  // The same for the triggers of one group: a dilated-entropy bottom-up pass per trigger,
  // run level by level from the leaves with each level's exps, then logs, as one batch.
  void compute_group_triggers(const Group& group, double eta, LevelScratch& scratch);
  // Levels of every subtree, the groups, and the scratch size of the widest level.
  void build_levels();
  int levels_of(int g) const { return level_begin_[g + 1] - level_begin_[g]; }

  // μ = φ(λ, m) μ, top-down.
  void solve_fixed_point();

  const Treeplex& treeplex_;
  TreeplexSubtrees subtrees_;
  TriggerSums trigger_sums_;  // S_τ's update
  TriggerLearnerOptions options_;

  std::vector<double> deviation_utility_;   // S, by trigger block
  std::vector<double> kept_utility_;        // K, by trigger sequence
  std::vector<double> trigger_behavioural_; // m_τ(a|x), by trigger block
  std::vector<double> trigger_plan_;        // m_τ's sequence form from x_g, by trigger block
  std::vector<double> log_weight_;          // log λ_τ, by trigger sequence

  std::vector<double> behavioural_;  // μ(a|x)
  std::vector<double> plan_;         // μ in sequence form
  std::vector<double> below_;        // scratch: utility collected at or below each sequence

  TriggerFixedPoint fixed_point_;

  // By infoset g: its levels, leaves first (levels_[level_begin_[g]] .. level_begin_[g+1]),
  // each listing the members of that height in decreasing position in members(g).
  std::vector<int> level_begin_;
  std::vector<Level> levels_;
  std::vector<LevelMember> level_members_;
  std::vector<Group> groups_;
  std::size_t scratch_entries_ = 0, scratch_members_ = 0;  // per level of a group, at most
  tbb::enumerable_thread_specific<LevelScratch> scratch_;
};

}  // namespace eqlab

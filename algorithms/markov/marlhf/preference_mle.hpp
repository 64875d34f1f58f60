#pragma once
// A player's reward, linear in features, estimated from trajectory pairs labelled by
// preference only (no rewards): regularised maximum likelihood under the Bradley-Terry
// model, solved by Newton's method.
//
// Model: trajectory τ = (s_1, a_1, ..., s_H, a_H) has return R_θ(τ) = Σ_h θ·φ_h(s_h, a_h),
// and τ is preferred to τ' with probability σ((R_θ(τ) − R_θ(τ')) / β), σ the logistic
// function and β the temperature the labels were drawn with. With d_k = (Σ_h φ(τ_k) −
// Σ_h φ(τ'_k)) / β and label y_k ∈ [0, 1] (1: the first is preferred), the estimate
// minimises
//
//   L(θ) = −(1/n) Σ_k [y_k log σ(θ·d_k) + (1 − y_k) log σ(−θ·d_k)]      the likelihood
//        + (λ/2) |θ|²                                                    the ridge
//        + α (1/m) Σ_τ (1/H_τ) Σ_h (θ·φ_h(τ) − (1/H_τ) Σ_h' θ·φ_h'(τ))²  time-axis MSE
//
// over the m distinct trajectories of the pairs. The last term is the squared spread of
// the per-step rewards around their trajectory's mean: it prefers rewards spread evenly
// along the time axis to rewards piled on a few steps, which the likelihood alone cannot
// tell apart (it sees returns only). It is θᵀ C θ with C = α (1/m) Σ_τ (1/H_τ) Σ_h
// (φ_h − φ̄_τ)(φ_h − φ̄_τ)ᵀ, so L stays a smooth convex function, strictly convex for
// λ > 0, and Newton's method with a backtracking line search converges to its minimum.
//
// References: Bradley, Terry, "Rank Analysis of Incomplete Block Designs: I. The Method of
// Paired Comparisons", Biometrika 1952; Zhang, Wang, Cui, Zhou, Kakade, Du, "Multi-Agent
// Reinforcement Learning from Human Feedback: Data Coverage and Algorithmic Techniques",
// arXiv:2409.00717 (the MLE of each player's reward, the time-axis MSE regulariser).
// See docs/algorithms/marlhf.md.
#include <cstddef>
#include <span>
#include <vector>

namespace eqlab {

// One step's features, sparse: φ_h = Σ value · e_index.
struct FeatureEntry {
  int index = 0;
  double value = 0.0;
};

// Trajectories as per-step sparse feature vectors, stored flat.
class FeatureTrajectories {
 public:
  explicit FeatureTrajectories(int dimension) : dimension_(dimension) {}

  // Starts a new trajectory; returns its number.
  int begin_trajectory();
  // Appends a step to the trajectory begun last (indices in [0, dimension)).
  void add_step(const std::vector<FeatureEntry>& features);

  int dimension() const { return dimension_; }
  int size() const { return static_cast<int>(trajectory_begin_.size()); }
  int steps(int trajectory) const;
  // The features of step h of a trajectory.
  const FeatureEntry* step_begin(int trajectory, int h) const;
  const FeatureEntry* step_end(int trajectory, int h) const;
  // Σ_h φ_h of a trajectory, added into `out` (dimension entries) times `scale`.
  void add_sum(int trajectory, double scale, std::vector<double>& out) const;

 private:
  int dimension_;
  std::vector<int> trajectory_begin_;  // per trajectory: its first step
  std::vector<int> step_begin_;        // per step + 1: its first entry
  std::vector<FeatureEntry> entries_;
};

// One labelled pair: trajectories `first` and `second`, and the probability (0 or 1 for
// one label, a rate for several) that the first was preferred.
struct PreferencePair {
  int first = 0;
  int second = 0;
  double label = 0.0;
};

struct PreferenceMleOptions {
  double temperature = 1.0;  // β
  double ridge = 1e-6;       // λ > 0
  double mse_weight = 0.0;   // α ≥ 0
  double tolerance = 1e-10;  // stop when the gradient's largest entry is below it
  int max_iterations = 100;
};

struct PreferenceMleResult {
  std::vector<double> theta;
  double objective = 0.0;
  double gradient_norm = 0.0;  // largest |entry| of ∇L at theta
  int iterations = 0;
  bool converged = false;
};

// L, ∇L and ∇²L of the objective above; the estimator minimises it.
class PreferenceObjective {
 public:
  // Throws UsageError for a pair naming a trajectory out of range, a label outside [0, 1],
  // a feature index out of range, β ≤ 0, λ ≤ 0 or α < 0.
  PreferenceObjective(const FeatureTrajectories& trajectories, std::vector<PreferencePair> pairs,
                      const PreferenceMleOptions& options);

  int dimension() const { return dimension_; }
  const PreferenceMleOptions& options() const { return options_; }
  // Gives the pairs new labels, one per pair in [0, 1] (UsageError otherwise): the same
  // comparisons judged by another player, without rebuilding the differences d_k and the
  // MSE term, which do not depend on the labels.
  void set_labels(std::span<const double> labels);
  double value(const std::vector<double>& theta) const;
  // The gradient into `gradient` and, when given, the Hessian (row-major d × d).
  void derivatives(const std::vector<double>& theta, std::vector<double>& gradient,
                   std::vector<double>* hessian) const;
  // The Gram matrix of the pairs' differences, ridge·I + Σ_k d_k d_kᵀ (row-major d × d);
  // a negative ridge means the objective's own λ.
  std::vector<double> gram(double ridge = -1.0) const;

 private:
  // θ·d_k.
  double margin(std::size_t k, const std::vector<double>& theta) const;

  int dimension_;
  std::vector<PreferencePair> pairs_;
  std::vector<int> difference_begin_;            // per pair + 1: its entries of d_k
  std::vector<FeatureEntry> difference_;         // d_k, sparse
  std::vector<double> mse_matrix_;               // the MSE term's quadratic form, row-major; empty when α = 0
  PreferenceMleOptions options_;
};

// How well the pairs pin down θ along a feature direction: with the Gram matrix of the
// pairs' differences, Σ = λI + Σ_k d_k d_kᵀ, the width of φ is ‖φ‖_{Σ⁻¹} = sqrt(φᵀ Σ⁻¹ φ).
// A direction the data compares n times has width about 1/sqrt(n); a direction no pair
// compares has width |φ|/sqrt(λ). A pessimistic reward subtracts a multiple of the width
// from θ̂·φ (the confidence set {θ : ‖θ − θ̂‖_Σ ≤ radius} of Zhang et al., after the
// pessimistic MLE of single-agent learning from preferences).
class GramConfidence {
 public:
  // From the objective of the estimate: its pairs and temperature, and its ridge λ or, when
  // `ridge` is positive, that one instead. The estimate wants λ tiny (it only makes the
  // minimiser unique); a confidence set wants a prior scale, under which a direction no
  // pair compares keeps a width of |φ|/sqrt(ridge), the size of what is not known.
  explicit GramConfidence(const PreferenceObjective& objective, double ridge = -1.0);
  // ‖φ‖_{Σ⁻¹} for a dense φ of `dimension` entries.
  double width(const std::vector<double>& phi) const;
  // The widths of every unit vector e_j, sqrt((Σ⁻¹)_jj): the tabular features' widths, all
  // in one triangular inversion (O(d³/3)) instead of d solves.
  std::vector<double> unit_widths() const;

 private:
  int dimension_;
  std::vector<double> cholesky_;  // the lower factor L of Σ = L Lᵀ, row-major
};

// Minimises the objective from θ = 0 by Newton's method with backtracking.
PreferenceMleResult estimate_reward(const FeatureTrajectories& trajectories, std::vector<PreferencePair> pairs,
                                    const PreferenceMleOptions& options);
// The same on an objective already built (its options give the tolerance and iterations).
PreferenceMleResult estimate_reward(const PreferenceObjective& objective);

}  // namespace eqlab

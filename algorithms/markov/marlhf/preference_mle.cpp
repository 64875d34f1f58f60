#include <eqlab/algorithms/markov/marlhf/preference_mle.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <string>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// log σ(z), without overflow or cancellation for large |z|.
double log_sigmoid(double z) { return z >= 0.0 ? -std::log1p(std::exp(-z)) : z - std::log1p(std::exp(z)); }

double sigmoid(double z) {
  if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double largest_magnitude(const std::vector<double>& v) {
  double largest = 0.0;
  for (double x : v) largest = std::max(largest, std::abs(x));
  return largest;
}

}  // namespace

int FeatureTrajectories::begin_trajectory() {
  if (step_begin_.empty()) step_begin_.push_back(0);
  trajectory_begin_.push_back(static_cast<int>(step_begin_.size()) - 1);
  return size() - 1;
}

void FeatureTrajectories::add_step(const std::vector<FeatureEntry>& features) {
  if (trajectory_begin_.empty()) throw UsageError("FeatureTrajectories: add_step before begin_trajectory");
  for (const FeatureEntry& f : features) {
    if (f.index < 0 || f.index >= dimension_)
      throw UsageError("FeatureTrajectories: feature index " + std::to_string(f.index) + " outside [0, " +
                       std::to_string(dimension_) + ")");
    if (!std::isfinite(f.value)) throw UsageError("FeatureTrajectories: a feature value is not finite");
    entries_.push_back(f);
  }
  step_begin_.push_back(static_cast<int>(entries_.size()));
}

int FeatureTrajectories::steps(int trajectory) const {
  const int end = trajectory + 1 < size() ? trajectory_begin_[trajectory + 1] : static_cast<int>(step_begin_.size()) - 1;
  return end - trajectory_begin_[trajectory];
}

const FeatureEntry* FeatureTrajectories::step_begin(int trajectory, int h) const {
  return entries_.data() + step_begin_[trajectory_begin_[trajectory] + h];
}

const FeatureEntry* FeatureTrajectories::step_end(int trajectory, int h) const {
  return entries_.data() + step_begin_[trajectory_begin_[trajectory] + h + 1];
}

void FeatureTrajectories::add_sum(int trajectory, double scale, std::vector<double>& out) const {
  for (int h = 0; h < steps(trajectory); ++h)
    for (const FeatureEntry* f = step_begin(trajectory, h); f != step_end(trajectory, h); ++f)
      out[f->index] += scale * f->value;
}

PreferenceObjective::PreferenceObjective(const FeatureTrajectories& trajectories, std::vector<PreferencePair> pairs,
                                         const PreferenceMleOptions& options)
    : dimension_(trajectories.dimension()), pairs_(std::move(pairs)), options_(options) {
  if (!(options.temperature > 0.0)) throw UsageError("preference MLE: the temperature must be positive");
  if (!(options.ridge > 0.0)) throw UsageError("preference MLE: the ridge weight must be positive");
  if (!(options.mse_weight >= 0.0)) throw UsageError("preference MLE: the MSE weight must be at least 0");
  const int d = dimension_;
  std::vector<double> dense(static_cast<std::size_t>(d), 0.0);
  std::vector<char> used(static_cast<std::size_t>(trajectories.size()), 0);
  difference_begin_.push_back(0);
  for (std::size_t k = 0; k < pairs_.size(); ++k) {
    const PreferencePair& pair = pairs_[k];
    for (int t : {pair.first, pair.second})
      if (t < 0 || t >= trajectories.size())
        throw UsageError("preference MLE: pair " + std::to_string(k) + " names trajectory " + std::to_string(t) +
                         " of " + std::to_string(trajectories.size()));
    if (!(pair.label >= 0.0 && pair.label <= 1.0))
      throw UsageError("preference MLE: the label of pair " + std::to_string(k) + " is outside [0, 1]");
    used[pair.first] = used[pair.second] = 1;
    std::fill(dense.begin(), dense.end(), 0.0);
    trajectories.add_sum(pair.first, 1.0 / options.temperature, dense);
    trajectories.add_sum(pair.second, -1.0 / options.temperature, dense);
    for (int i = 0; i < d; ++i)
      if (dense[i] != 0.0) difference_.push_back({i, dense[i]});
    difference_begin_.push_back(static_cast<int>(difference_.size()));
  }
  // C = (α/m) Σ_τ (1/H_τ) Σ_h (φ_h − φ̄_τ)(φ_h − φ̄_τ)ᵀ over the m trajectories the pairs use.
  // Without the MSE term the matrix is left empty: it would be d × d zeros.
  int distinct = 0;
  for (char u : used) distinct += u;
  if (options.mse_weight > 0.0 && distinct > 0) {
    mse_matrix_.assign(static_cast<std::size_t>(d) * d, 0.0);
    Eigen::MatrixXd C = Eigen::MatrixXd::Zero(d, d);
    Eigen::VectorXd step(d), mean(d);
    for (int t = 0; t < trajectories.size(); ++t) {
      const int H = trajectories.steps(t);
      if (!used[t] || H == 0) continue;
      mean.setZero();
      for (int h = 0; h < H; ++h)
        for (const FeatureEntry* f = trajectories.step_begin(t, h); f != trajectories.step_end(t, h); ++f)
          mean[f->index] += f->value / H;
      for (int h = 0; h < H; ++h) {
        step = -mean;
        for (const FeatureEntry* f = trajectories.step_begin(t, h); f != trajectories.step_end(t, h); ++f)
          step[f->index] += f->value;
        C.noalias() += (1.0 / H) * step * step.transpose();
      }
    }
    C *= options.mse_weight / distinct;
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(mse_matrix_.data(), d, d) = C;
  }
}

double PreferenceObjective::margin(std::size_t k, const std::vector<double>& theta) const {
  double z = 0.0;
  for (int e = difference_begin_[k]; e < difference_begin_[k + 1]; ++e) z += theta[difference_[e].index] * difference_[e].value;
  return z;
}

double PreferenceObjective::value(const std::vector<double>& theta) const {
  const int d = dimension_;
  double likelihood = 0.0;
  for (std::size_t k = 0; k < pairs_.size(); ++k) {
    const double z = margin(k, theta);
    const double y = pairs_[k].label;
    likelihood -= y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z);
  }
  if (!pairs_.empty()) likelihood /= static_cast<double>(pairs_.size());
  double ridge = 0.0, mse = 0.0;
  for (int i = 0; i < d; ++i) {
    ridge += theta[i] * theta[i];
    if (mse_matrix_.empty()) continue;
    double row = 0.0;
    for (int j = 0; j < d; ++j) row += mse_matrix_[static_cast<std::size_t>(i) * d + j] * theta[j];
    mse += theta[i] * row;
  }
  return likelihood + 0.5 * options_.ridge * ridge + mse;
}

void PreferenceObjective::derivatives(const std::vector<double>& theta, std::vector<double>& gradient,
                                      std::vector<double>* hessian) const {
  const int d = dimension_;
  const double n = pairs_.empty() ? 1.0 : static_cast<double>(pairs_.size());
  gradient.assign(static_cast<std::size_t>(d), 0.0);
  if (hessian) hessian->assign(static_cast<std::size_t>(d) * d, 0.0);
  for (std::size_t k = 0; k < pairs_.size(); ++k) {
    const double z = margin(k, theta);
    // d/dz of −[y log σ(z) + (1 − y) log σ(−z)] is σ(z) − y; the second derivative σ(z)σ(−z).
    const double p = sigmoid(z);
    const double slope = (p - pairs_[k].label) / n, curvature = p * sigmoid(-z) / n;
    for (int e = difference_begin_[k]; e < difference_begin_[k + 1]; ++e) {
      gradient[difference_[e].index] += slope * difference_[e].value;
      if (!hessian) continue;
      for (int f = difference_begin_[k]; f < difference_begin_[k + 1]; ++f)
        (*hessian)[static_cast<std::size_t>(difference_[e].index) * d + difference_[f].index] +=
            curvature * difference_[e].value * difference_[f].value;
    }
  }
  for (int i = 0; i < d; ++i) {
    gradient[i] += options_.ridge * theta[i];
    if (hessian) (*hessian)[static_cast<std::size_t>(i) * d + i] += options_.ridge;
    if (mse_matrix_.empty()) continue;
    const double* C = mse_matrix_.data() + static_cast<std::size_t>(i) * d;
    double row = 0.0;
    for (int j = 0; j < d; ++j) row += C[j] * theta[j];
    gradient[i] += 2.0 * row;
    if (!hessian) continue;
    for (int j = 0; j < d; ++j) (*hessian)[static_cast<std::size_t>(i) * d + j] += 2.0 * C[j];
  }
}

std::vector<double> PreferenceObjective::gram(double ridge) const {
  const int d = dimension_;
  if (ridge < 0.0) ridge = options_.ridge;
  std::vector<double> gram(static_cast<std::size_t>(d) * d, 0.0);
  for (int i = 0; i < d; ++i) gram[static_cast<std::size_t>(i) * d + i] = ridge;
  for (std::size_t k = 0; k < pairs_.size(); ++k)
    for (int e = difference_begin_[k]; e < difference_begin_[k + 1]; ++e)
      for (int f = difference_begin_[k]; f < difference_begin_[k + 1]; ++f)
        gram[static_cast<std::size_t>(difference_[e].index) * d + difference_[f].index] +=
            difference_[e].value * difference_[f].value;
  return gram;
}

GramConfidence::GramConfidence(const PreferenceObjective& objective, double ridge)
    : dimension_(objective.dimension()) {
  const int d = dimension_;
  const std::vector<double> gram = objective.gram(ridge > 0.0 ? ridge : -1.0);
  const Eigen::LLT<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> llt(
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(gram.data(), d, d));
  cholesky_.assign(static_cast<std::size_t>(d) * d, 0.0);
  Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(cholesky_.data(), d, d) =
      llt.matrixL().toDenseMatrix();
}

double GramConfidence::width(const std::vector<double>& phi) const {
  if (static_cast<int>(phi.size()) != dimension_)
    throw UsageError("GramConfidence::width: the feature vector has " + std::to_string(phi.size()) +
                     " entries, not " + std::to_string(dimension_));
  // φᵀ Σ⁻¹ φ = |L⁻¹ φ|², one triangular solve.
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> L(
      cholesky_.data(), dimension_, dimension_);
  const Eigen::VectorXd z =
      L.triangularView<Eigen::Lower>().solve(Eigen::Map<const Eigen::VectorXd>(phi.data(), dimension_));
  return z.norm();
}

std::vector<double> GramConfidence::unit_widths() const {
  // (Σ⁻¹)_jj = |L⁻¹ e_j|², the squared norm of column j of L⁻¹.
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> L(
      cholesky_.data(), dimension_, dimension_);
  const Eigen::MatrixXd inverse =
      L.triangularView<Eigen::Lower>().solve(Eigen::MatrixXd::Identity(dimension_, dimension_));
  std::vector<double> widths(static_cast<std::size_t>(dimension_));
  for (int j = 0; j < dimension_; ++j) widths[j] = inverse.col(j).norm();
  return widths;
}

void PreferenceObjective::set_labels(std::span<const double> labels) {
  if (labels.size() != pairs_.size())
    throw UsageError("preference MLE: " + std::to_string(labels.size()) + " labels for " +
                     std::to_string(pairs_.size()) + " pairs");
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (!(labels[k] >= 0.0 && labels[k] <= 1.0))
      throw UsageError("preference MLE: the label of pair " + std::to_string(k) + " is outside [0, 1]");
    pairs_[k].label = labels[k];
  }
}

PreferenceMleResult estimate_reward(const FeatureTrajectories& trajectories, std::vector<PreferencePair> pairs,
                                    const PreferenceMleOptions& options) {
  return estimate_reward(PreferenceObjective(trajectories, std::move(pairs), options));
}

PreferenceMleResult estimate_reward(const PreferenceObjective& objective) {
  const PreferenceMleOptions& options = objective.options();
  const int d = objective.dimension();
  PreferenceMleResult result;
  result.theta.assign(static_cast<std::size_t>(d), 0.0);
  std::vector<double> gradient, hessian, trial(static_cast<std::size_t>(d));
  double value = objective.value(result.theta);
  for (; result.iterations < options.max_iterations; ++result.iterations) {
    objective.derivatives(result.theta, gradient, &hessian);
    result.gradient_norm = largest_magnitude(gradient);
    if (result.gradient_norm < options.tolerance) {
      result.converged = true;
      break;
    }
    // The Hessian is positive definite (λ > 0): the Newton step is a descent direction.
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> H(hessian.data(), d, d);
    const Eigen::Map<const Eigen::VectorXd> g(gradient.data(), d);
    const Eigen::VectorXd step = -H.llt().solve(g);
    const double slope = g.dot(step);
    // Backtracking (Armijo): halve the step until L falls by a tenth of the linear prediction.
    // Once the predicted decrease is below what L's rounding can show, no comparison of values
    // means anything; the iterate is then deep in the quadratic region, where the full Newton
    // step is exact, so it is taken as it is. (Along a direction only the ridge curves, a
    // gradient of 1e-9 predicts a decrease of 1e-18.)
    for (int i = 0; i < d; ++i) trial[i] = result.theta[i] + step[i];
    double next = objective.value(trial);
    const bool measurable = -slope > 64.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(value));
    double t = 1.0;
    for (int halvings = 0; measurable && halvings < 60 && !(next <= value + 0.1 * t * slope); ++halvings) {
      t *= 0.5;
      for (int i = 0; i < d; ++i) trial[i] = result.theta[i] + t * step[i];
      next = objective.value(trial);
    }
    if (measurable && !(next <= value)) break;  // no decrease left at this precision
    result.theta = trial;
    value = next;
  }
  if (!result.converged) {
    objective.derivatives(result.theta, gradient, nullptr);
    result.gradient_norm = largest_magnitude(gradient);
    result.converged = result.gradient_norm < options.tolerance;
  }
  result.objective = value;
  return result;
}

}  // namespace eqlab

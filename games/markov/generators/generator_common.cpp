#include <eqlab/games/markov/generators/generator_common.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <vector>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

MarkovShape generated_shape(std::string name, const GenSizes& sizes) {
  MarkovShape shape;
  shape.name = std::move(name);
  for (int i = 0; i < sizes.players; ++i) shape.players.push_back(std::string("p").append(std::to_string(i)));
  shape.horizon = sizes.horizon;
  for (int s = 0; s < sizes.states; ++s) shape.states.push_back(std::string("s").append(std::to_string(s)));
  std::vector<std::string> labels;
  for (int b = 0; b < sizes.actions; ++b) labels.push_back(std::string("a").append(std::to_string(b)));
  shape.actions.assign(sizes.players, labels);
  shape.initial.assign(sizes.states, 0.0);
  shape.initial[0] = 1.0;
  return shape;
}

std::uint64_t index_key(std::initializer_list<std::uint64_t> indices) {
  std::uint64_t key = 0x2545f4914f6cdd1dULL;
  for (std::uint64_t v : indices) key = mix64(key ^ v);
  return key;
}

namespace {

// In (0, 1]: logarithms of it are finite.
double open_uniform(RngStream& rng) { return 1.0 - rng.uniform(); }

double standard_normal(RngStream& rng) {
  // Box-Muller, one of the pair: entries must not depend on a cached second value.
  const double r = std::sqrt(-2.0 * std::log(open_uniform(rng)));
  return r * std::cos(2.0 * std::numbers::pi * rng.uniform());
}

}  // namespace

double gamma_variate(RngStream& rng, double shape) {
  if (shape == 1.0) return -std::log(open_uniform(rng));
  if (shape < 1.0) return gamma_variate(rng, shape + 1.0) * std::pow(open_uniform(rng), 1.0 / shape);
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x, v;
    do {
      x = standard_normal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = open_uniform(rng);
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

void dirichlet(RngStream& rng, double kappa, std::span<double> out) {
  double sum = 0.0;
  for (double& g : out) sum += g = gamma_variate(rng, kappa);
  if (sum > 0.0 && std::isfinite(sum)) {
    for (double& g : out) g /= sum;
    return;
  }
  const auto top = std::max_element(out.begin(), out.end()) - out.begin();
  std::fill(out.begin(), out.end(), 0.0);
  out[top] = 1.0;
}

void dense_transition(std::uint64_t seed, double kappa, int h, int s, std::uint64_t joint, std::span<double> out) {
  RngStream rng = entry_stream(seed, Tensor::transition,
                               {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s), joint});
  dirichlet(rng, kappa, out);
}

int invert_cdf(std::span<const double> dist, double u) {
  double cumulative = 0.0;
  int last = 0;
  for (std::size_t k = 0; k < dist.size(); ++k) {
    if (dist[k] <= 0.0) continue;
    cumulative += dist[k];
    last = static_cast<int>(k);
    if (u < cumulative) return last;
  }
  return last;
}

std::uint64_t joint_index(std::span<const int> a, int actions) {
  std::uint64_t joint = 0;
  for (int b : a) joint = joint * static_cast<std::uint64_t>(actions) + static_cast<std::uint64_t>(b);
  return joint;
}

std::string real_text(double v) {
  char buffer[32];
  const auto res = std::to_chars(buffer, buffer + sizeof buffer, v + 0.0);
  return std::string(buffer, res.ptr);
}

void check_enumerable(const std::string& game, const GenSizes& sizes, const std::string& why) {
  if (std::pow(static_cast<double>(sizes.actions), sizes.players) > kMaxEnumeratedJointActions)
    throw UsageError(game + ": actions^players = " + std::to_string(sizes.actions) + "^" +
                     std::to_string(sizes.players) + " joint actions is over 2^24; " + why +
                     "; use fewer players or actions");
}

DirichletMarkov::DirichletMarkov(MarkovShape shape, const GenSizes& sizes, double kappa)
    : MarkovModel(std::move(shape)), sizes_(sizes), kappa_(kappa) {}

void DirichletMarkov::next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const {
  dense_transition(sizes_.seed, kappa_, h, s, joint_of(a), out.first(num_states()));
}

int DirichletMarkov::sample_next(int h, int s, std::span<const int> a, double u) const {
  // The simulator calls this every step: the row goes to a buffer kept per thread.
  thread_local std::vector<double> dist;
  dist.resize(static_cast<std::size_t>(num_states()));
  next_distribution(h, s, a, dist);
  return invert_cdf(dist, u);
}

void DirichletMarkov::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                         std::span<double> next) const {
  enumerate_player_expectation(h, s, player, p, rewards, next, kMaxEnumeratedJointActions);
}

void DirichletMarkov::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                        std::span<double> next) const {
  enumerate_joint_expectation(h, s, p, rewards, next, kMaxEnumeratedJointActions);
}

}  // namespace eqlab::markov_gen

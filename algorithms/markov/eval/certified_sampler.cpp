#include <eqlab/algorithms/markov/eval/certified_sampler.hpp>

#include <algorithm>
#include <string>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

std::int64_t checked_prefix(const MarkovModel& model, const VisitLog& log, std::int64_t prefix) {
  if (log.horizon() != model.horizon() || log.num_states() != model.num_states() ||
      log.num_players() != model.num_players())
    throw UsageError("a visit log does not match the shape of Markov game '" + model.name() + "'");
  const std::int64_t k = prefix < 0 ? log.episodes() : prefix;
  if (k < 1 || k > log.episodes())
    throw UsageError("the certified policy needs a prefix of 1.." + std::to_string(log.episodes()) +
                     " logged episodes, not " + std::to_string(k));
  return k;
}

}  // namespace

CertifiedSampler::CertifiedSampler(const MarkovModel& model, const VisitLog& log, std::int64_t episodes_prefix,
                                   std::uint64_t seed)
    : model_(model),
      log_(log),
      prefix_(checked_prefix(model, log, episodes_prefix)),
      sim_(model, seed),
      rng_(seed, markov_stream::kOutput),
      actions_(model.num_players()),
      rewards_(model.num_players()) {}

int CertifiedSampler::draw(std::span<const float> p) {
  const double u = rng_.uniform();
  double cumulative = 0.0;
  int last = 0;
  for (int a = 0; a < static_cast<int>(p.size()); ++a) {
    if (p[a] <= 0.0f) continue;
    cumulative += p[a];
    last = a;
    if (u < cumulative) return a;
  }
  return last;  // u beyond the float sum's rounding: the last action of positive weight
}

void CertifiedSampler::sample_returns(std::span<double> per_player_return) {
  const int m = model_.num_players(), H = model_.horizon();
  std::fill(per_player_return.begin(), per_player_return.begin() + m, 0.0);
  // The shared index: episode k (0-based) of the prefix; visits before it are those with
  // episode < k, so nothing outside the prefix is ever read.
  std::int64_t k = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(prefix_)));
  bool fallback = false;
  int s = sim_.reset();
  for (int h = 0; h < H; ++h) {
    if (!fallback) {
      const std::int64_t t = log_.visits_before(h, s, k);
      if (t == 0) fallback = true;
      else {
        const std::int64_t j = sample_alpha_index(log_.alpha_horizon(), t, rng_) - 1;
        k = log_.visit_episodes(h, s)[static_cast<std::size_t>(j)];
        for (int i = 0; i < m; ++i) actions_[i] = draw(log_.distribution(h, s, j, i));
      }
    }
    if (fallback)
      for (int i = 0; i < m; ++i) actions_[i] = static_cast<int>(rng_.below(static_cast<std::uint64_t>(model_.num_actions(i))));
    const int s_next = sim_.step(h, s, actions_, rewards_);
    for (int i = 0; i < m; ++i) per_player_return[i] += rewards_[i] * model_.reward_scale();
    s = s_next;
  }
}

ProductPolicy average_policy(const MarkovModel& model, const VisitLog& log, std::int64_t prefix) {
  const std::int64_t k = checked_prefix(model, log, prefix);
  ProductPolicy out(model);
  const int m = model.num_players();
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s) {
      const std::int64_t n = log.visits_before(h, s, k);
      if (n == 0) continue;
      for (int i = 0; i < m; ++i) {
        std::span<double> p = out.at(h, s, i);
        std::fill(p.begin(), p.end(), 0.0);
        for (std::int64_t j = 0; j < n; ++j) {
          const std::span<const float> q = log.distribution(h, s, j, i);
          for (std::size_t a = 0; a < p.size(); ++a) p[a] += q[a];
        }
        for (double& x : p) x /= static_cast<double>(n);
      }
    }
  return out;
}

}  // namespace eqlab

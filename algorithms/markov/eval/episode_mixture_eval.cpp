#include <eqlab/algorithms/markov/eval/episode_mixture_eval.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <string>

#include <eqlab/algorithms/markov/eval/certified_sampler.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// Nodes of one player's history tree at step h: S (S J)^h.
double level_nodes(const MarkovModel& model, int h) {
  const double S = model.num_states(), J = model.joint_actions();
  return S * std::pow(S * J, h);
}

double tree_nodes(const MarkovModel& model) {
  double nodes = 0.0;
  for (int h = 0; h < model.horizon(); ++h) nodes += level_nodes(model, h);
  return nodes;
}

// The largest tree the exact pass builds: its accumulators hold m · nodes · max_i A_i
// doubles, at most 2^22 (32 MiB).
constexpr double kMaxExactAccumulators = 4'194'304.0;

// Replays the learner's distributions episode by episode: after load(k), `policy` is π^k,
// and each `deviations[i]` is π^k with player i's entries left as the caller set them.
class EpisodePolicies {
 public:
  EpisodePolicies(const MarkovModel& model, const VisitLog& log, const ProductPolicy& after_last)
      : policy(model), model_(model), log_(log), after_last_(after_last),
        next_visit_(static_cast<std::size_t>(model.horizon()) * model.num_states(), 0) {}

  // Episode k's distributions; episodes are loaded in increasing order, starting at 0.
  void load(std::int64_t k) {
    const int H = model_.horizon(), S = model_.num_states();
    for (int h = 0; h < H; ++h)
      for (int s = 0; s < S; ++s) {
        std::int64_t& j = next_visit_[static_cast<std::size_t>(h) * S + s];
        const std::span<const std::uint32_t> visits = log_.visit_episodes(h, s);
        const bool moved = k > 0 && j < static_cast<std::int64_t>(visits.size()) && visits[j] == k - 1;
        if (moved) ++j;
        if (k == 0 || moved) write_cell(h, s, j);
      }
  }

  ProductPolicy policy;
  std::vector<ProductPolicy> deviations;

 private:
  void write_cell(int h, int s, std::int64_t j) {
    const bool logged = j < log_.visits(h, s);
    for (int i = 0; i < model_.num_players(); ++i) {
      const std::span<double> out = policy.at(h, s, i);
      if (logged) {
        // The log keeps float32: renormalise in double, so that a one-episode mixture is
        // exactly a product policy (whose gap is never negative).
        const std::span<const float> p = log_.distribution(h, s, j, i);
        double total = 0.0;
        for (const float x : p) total += x;
        for (std::size_t a = 0; a < p.size(); ++a) out[a] = p[a] / total;
      } else {
        const std::span<const double> p = after_last_.at(h, s, i);
        std::copy(p.begin(), p.end(), out.begin());
      }
      for (std::size_t d = 0; d < deviations.size(); ++d)
        if (static_cast<int>(d) != i) std::copy(out.begin(), out.end(), deviations[d].at(h, s, i).begin());
    }
  }

  const MarkovModel& model_;
  const VisitLog& log_;
  const ProductPolicy& after_last_;
  std::vector<std::int64_t> next_visit_;  // per (h, s): the first visit in the current episode or later
};

// The exact best response to the mixture, one history tree per player (see the header).
class HistoryTreeBestResponse {
 public:
  HistoryTreeBestResponse(const MarkovModel& model, std::int64_t episodes) : model_(model) {
    const int H = model.horizon(), S = model.num_states(), m = model.num_players();
    joint_ = static_cast<std::size_t>(model.joint_actions());
    actions_.resize(joint_ * m);
    for (std::size_t a = 0; a < joint_; ++a) {
      std::size_t rest = a;
      for (int i = m - 1; i >= 0; --i) {  // player 0 slowest
        const auto A = static_cast<std::size_t>(model.num_actions(i));
        actions_[a * m + i] = static_cast<int>(rest % A);
        rest /= A;
      }
    }
    // Every joint action's rewards and next-state law, once.
    rewards_.resize(static_cast<std::size_t>(H) * S * joint_ * m);
    next_.resize(static_cast<std::size_t>(std::max(0, H - 1)) * S * joint_ * S);
    for (int h = 0; h < H; ++h)
      for (int s = 0; s < S; ++s)
        for (std::size_t a = 0; a < joint_; ++a) {
          const std::span<const int> act(actions_.data() + a * m, static_cast<std::size_t>(m));
          model.rewards(h, s, act, std::span<double>(rewards_.data() + ((static_cast<std::size_t>(h) * S + s) * joint_ + a) * m, m));
          if (h < H - 1)
            model.next_distribution(h, s, act,
                                    std::span<double>(next_.data() + ((static_cast<std::size_t>(h) * S + s) * joint_ + a) * S, S));
        }
    weight_.resize(H);
    for (int h = 0; h < H; ++h) weight_[h].resize(static_cast<std::size_t>(level_nodes(model, h)));
    sums_.resize(m);
    for (int i = 0; i < m; ++i) {
      sums_[i].resize(H);
      for (int h = 0; h < H; ++h) sums_[i][h].assign(weight_[h].size() * model.num_actions(i), 0.0);
    }
    inverse_episodes_ = 1.0 / static_cast<double>(episodes);
  }

  // Adds episode k's terms R(τ, a_i) for every player.
  void add(const ProductPolicy& policy) {
    const int H = model_.horizon(), S = model_.num_states(), m = model_.num_players();
    const auto ms = static_cast<std::size_t>(m), Ss = static_cast<std::size_t>(S);
    for (int i = 0; i < m; ++i) {
      const auto Ai = static_cast<std::size_t>(model_.num_actions(i));
      for (int s = 0; s < S; ++s) weight_[0][s] = model_.initial()[s] * inverse_episodes_;
      for (int h = 0; h < H; ++h) {
        const bool last = h == H - 1;
        const std::vector<double>& w = weight_[h];
        std::vector<double>& sum = sums_[i][h];
        for (std::size_t n = 0; n < w.size(); ++n) {
          const int s = h == 0 ? static_cast<int>(n) : static_cast<int>(n % Ss);
          double* children = last ? nullptr : weight_[h + 1].data() + n * joint_ * Ss;
          if (w[n] == 0.0) {
            if (!last) std::fill(children, children + joint_ * Ss, 0.0);
            continue;
          }
          const std::size_t cell = static_cast<std::size_t>(h) * Ss + s;
          for (std::size_t a = 0; a < joint_; ++a) {
            double q = w[n];
            for (int j = 0; j < m; ++j)
              if (j != i) q *= policy.at(h, s, j)[actions_[a * ms + j]];
            const int ai = actions_[a * ms + i];
            sum[n * Ai + ai] += q * rewards_[(cell * joint_ + a) * ms + i];
            if (!last) {
              const double* law = next_.data() + (cell * joint_ + a) * Ss;
              for (std::size_t t = 0; t < Ss; ++t) children[a * Ss + t] = q * law[t];
            }
          }
        }
      }
    }
  }

  // V_i^{†, mixture} in game units.
  double best_response(int i) const {
    const int H = model_.horizon(), S = model_.num_states();
    const auto ms = static_cast<std::size_t>(model_.num_players()), Ss = static_cast<std::size_t>(S);
    const auto Ai = static_cast<std::size_t>(model_.num_actions(i));
    std::vector<double> below, here, q(Ai);
    for (int h = H - 1; h >= 0; --h) {
      const std::vector<double>& sum = sums_[i][h];
      const std::size_t nodes = weight_[h].size();
      here.assign(nodes, 0.0);
      for (std::size_t n = 0; n < nodes; ++n) {
        std::copy(sum.begin() + static_cast<std::ptrdiff_t>(n * Ai), sum.begin() + static_cast<std::ptrdiff_t>((n + 1) * Ai),
                  q.begin());
        if (h < H - 1)
          for (std::size_t a = 0; a < joint_; ++a) {
            double future = 0.0;
            for (std::size_t t = 0; t < Ss; ++t) future += below[(n * joint_ + a) * Ss + t];
            q[actions_[a * ms + i]] += future;
          }
        here[n] = *std::max_element(q.begin(), q.end());
      }
      std::swap(here, below);
    }
    double total = 0.0;
    for (int s = 0; s < S; ++s) total += below[s];
    return total * model_.reward_scale();
  }

 private:
  const MarkovModel& model_;
  std::size_t joint_ = 1;
  std::vector<int> actions_;                        // [a · m + i]
  std::vector<double> rewards_, next_;               // per (h, s, a): m rewards, S next-state probabilities
  std::vector<std::vector<double>> weight_;          // per level, W_k(τ), reused episode after episode
  std::vector<std::vector<std::vector<double>>> sums_;  // per player and level: R(τ, a_i)
  double inverse_episodes_ = 1.0;
};

double max_of(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }

}  // namespace

double episode_mixture_exact_work(const MarkovModel& model, std::int64_t episodes) {
  const double work = model.num_players() * static_cast<double>(episodes) * tree_nodes(model) * model.joint_actions();
  return std::isfinite(work) ? work : std::numeric_limits<double>::infinity();
}

EpisodeMixtureEvaluation evaluate_episode_mixture(const MarkovModel& model, const VisitLog& log,
                                                  const ProductPolicy& after_last,
                                                  const EpisodeMixtureOptions& options) {
  if (after_last.horizon() != model.horizon() || after_last.num_states() != model.num_states() ||
      after_last.num_players() != model.num_players())
    throw UsageError("the current policy does not match the shape of Markov game '" + model.name() + "'");
  const int m = model.num_players();
  const std::int64_t K = log.episodes();
  EpisodeMixtureEvaluation out;
  out.episodes = K;
  out.value.assign(m, 0.0);
  out.gap_upper.assign(m, 0.0);
  out.gap_lower.assign(m, 0.0);
  if (K == 0) return out;

  EpisodePolicies episodes(model, log, after_last);
  // The lower bound's deviations: each player's best response to the visit average.
  const ProductPolicy average = average_policy(model, log, K);
  for (int i = 0; i < m; ++i) episodes.deviations.push_back(best_response_policy(model, average, i));
  std::vector<double> deviation_value(m, 0.0);

  std::optional<HistoryTreeBestResponse> exact;
  const double accumulators = m * tree_nodes(model) * model.max_actions();
  if (options.max_exact_work > 0.0 && episode_mixture_exact_work(model, K) <= options.max_exact_work &&
      accumulators <= kMaxExactAccumulators)
    exact.emplace(model, K);

  for (std::int64_t k = 0; k < K; ++k) {
    episodes.load(k);
    const ProductEvaluation e = evaluate_product(model, episodes.policy);
    for (int i = 0; i < m; ++i) {
      out.value[i] += e.value[i];
      out.gap_upper[i] += e.gap[i];
      deviation_value[i] += product_values(model, episodes.deviations[i])[i];
    }
    if (exact) exact->add(episodes.policy);
  }
  const double inverse = 1.0 / static_cast<double>(K);
  for (int i = 0; i < m; ++i) {
    out.value[i] *= inverse;
    out.gap_upper[i] *= inverse;
    out.gap_lower[i] = deviation_value[i] * inverse - out.value[i];
  }
  out.cce_gap_upper = max_of(out.gap_upper);
  out.cce_gap_lower = max_of(out.gap_lower);
  if (exact) {
    std::vector<double> gap(m);
    for (int i = 0; i < m; ++i) gap[i] = exact->best_response(i) - out.value[i];
    out.cce_gap = max_of(gap);
    out.gap = std::move(gap);
  }
  return out;
}

}  // namespace eqlab

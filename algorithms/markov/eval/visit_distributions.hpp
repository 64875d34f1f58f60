#pragma once
// Every player's logged distribution at one visit, widened from the log's float32 to the
// double spans the product-expectation oracle reads. One buffer, reused visit after visit,
// so sweeping millions of visits allocates nothing.
//
// See docs/algorithms/evaluation.md, "The certified policy: value and gap bounds".
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class VisitDistributions {
 public:
  explicit VisitDistributions(const MarkovModel& model)
      : probs_(static_cast<std::size_t>(model.total_actions())), uniform_(probs_.size()) {
    const int m = model.num_players();
    for (int i = 0; i < m; ++i) {
      const auto offset = static_cast<std::size_t>(model.action_offset(i));
      const auto size = static_cast<std::size_t>(model.num_actions(i));
      views_.emplace_back(probs_.data() + offset, size);
      uniform_views_.emplace_back(uniform_.data() + offset, size);
      for (std::size_t a = 0; a < size; ++a) uniform_[offset + a] = 1.0 / static_cast<double>(size);
    }
  }
  // The copy would point into the other object's buffers.
  VisitDistributions(const VisitDistributions&) = delete;
  VisitDistributions& operator=(const VisitDistributions&) = delete;

  // Loads visit j (0-based) of (h, s); the views stay valid until the next load.
  ProductView load(const VisitLog& log, int h, int s, std::int64_t j) {
    for (std::size_t i = 0; i < views_.size(); ++i) {
      const std::span<const float> p = log.distribution(h, s, j, static_cast<int>(i));
      double* out = probs_.data() + (views_[i].data() - probs_.data());
      for (std::size_t a = 0; a < p.size(); ++a) out[a] = p[a];
    }
    return views_;
  }
  std::span<const double> player(int i) const { return views_[i]; }
  // Every player uniform: the policy the certified policy falls back to.
  ProductView uniform() const { return uniform_views_; }

 private:
  std::vector<double> probs_, uniform_;
  std::vector<std::span<const double>> views_, uniform_views_;
};

}  // namespace eqlab

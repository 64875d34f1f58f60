#include <eqlab/algorithms/omd/dilated_entropy.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace eqlab {

DilatedEntropyLearner::DilatedEntropyLearner(const Treeplex& treeplex, Form form)
    : treeplex_(treeplex),
      form_(form),
      cumulative_(treeplex.num_sequences(), 0.0),
      log_behavioural_(treeplex.num_sequences(), 0.0),
      score_(treeplex.num_sequences(), 0.0),
      behavioural_(treeplex.num_sequences(), 0.0),
      plan_(treeplex.num_sequences(), 0.0) {
  // The first strategy is Hedge's: uniform over pure plans (not uniform per infoset when
  // subtrees hold different numbers of plans). Both forms must start there to agree.
  normalise_scores();
}

void DilatedEntropyLearner::update(std::span<const double> utility, double eta) {
  const Treeplex& tp = treeplex_;
  const int m = tp.num_sequences();
  // Scores before the children's log-partition functions are added.
  if (form_ == Form::ftrl) {
    for (int s = 1; s < m; ++s) {
      cumulative_[s] += utility[s];
      score_[s] = eta * cumulative_[s];
    }
  } else {
    for (int s = 1; s < m; ++s) score_[s] = log_behavioural_[s] + eta * utility[s];
  }
  normalise_scores();
}

void DilatedEntropyLearner::normalise_scores() {
  const Treeplex& tp = treeplex_;
  score_[0] = 0.0;
  // Bottom-up: F(x) = logsumexp_a s(a); the strategy is the softmax; F(x) joins the score
  // of the parent sequence.
  for (int j = tp.num_infosets() - 1; j >= 0; --j) {
    const int s0 = tp.first_seq[j], s1 = s0 + tp.num_actions[j];
    double top = -std::numeric_limits<double>::infinity();
    for (int s = s0; s < s1; ++s) top = std::max(top, score_[s]);
    double sum = 0.0;
    for (int s = s0; s < s1; ++s) sum += std::exp(score_[s] - top);
    const double log_partition = top + std::log(sum);
    for (int s = s0; s < s1; ++s) {
      log_behavioural_[s] = score_[s] - log_partition;
      behavioural_[s] = std::exp(log_behavioural_[s]);
    }
    score_[tp.parent_seq[j]] += log_partition;
  }
  tp.to_sequence_form(behavioural_, plan_);
}

int DilatedEntropyLearner::max_reached_infosets(const Treeplex& tp) {
  // n(x) = 1 + max_a sum of n over the infosets below (x, a); the plan's count is the sum
  // over root infosets.
  std::vector<int> below(tp.num_sequences(), 0);
  for (int j = tp.num_infosets() - 1; j >= 0; --j) {
    int best = 0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) best = std::max(best, below[s]);
    below[tp.parent_seq[j]] += 1 + best;
  }
  return below[0];
}

}  // namespace eqlab

#pragma once
// Online mirror descent with the dilated entropy on one player's treeplex, which is
// Hedge over the player's pure plans computed in one bottom-up pass (Bai et al. 2022,
// Theorem 8): p_v ∝ exp(η ⟨v, G⟩) for the cumulative utility G. Two forms:
//   FTRL  recomputes the strategy from the cumulative utility with the current step size
//         (allows step sizes that change over time);
//   OMD   updates the last strategy with the last utility (same iterates for a constant
//         step size).
// Everything is in the log domain (logsumexp with max subtraction), so deep treeplexes do
// not underflow.
#include <span>
#include <vector>

#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

class DilatedEntropyLearner {
 public:
  enum class Form { ftrl, omd };

  DilatedEntropyLearner(const Treeplex& treeplex, Form form);

  // Adds one round's utility vector (indexed by sequence; entry 0 is ignored) and moves
  // to the next strategy with step size `eta`.
  void update(std::span<const double> utility, double eta);

  // The current strategy: behavioural (per sequence) and sequence form.
  std::span<const double> behavioural() const { return behavioural_; }
  std::span<const double> sequence_form() const { return plan_; }

  // The largest number of infosets one pure plan reaches (‖Π‖₁ of the specification),
  // which sets the theory step size.
  static int max_reached_infosets(const Treeplex& treeplex);

 private:
  // From the scores s(a) of every sequence: the bottom-up log-partition pass, the new
  // behavioural strategy and its sequence form.
  void normalise_scores();

  const Treeplex& treeplex_;
  Form form_;
  std::vector<double> cumulative_;  // FTRL: sum of utilities
  std::vector<double> log_behavioural_;  // OMD: log of the current strategy (stays finite)
  std::vector<double> score_;       // scratch: scores s(a), then children's log-partitions
  std::vector<double> behavioural_;
  std::vector<double> plan_;
};

}  // namespace eqlab

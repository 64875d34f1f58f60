#pragma once
// A MarkovGame table (the file format's representation) seen as a MarkovModel: sampling
// walks the cell's sparse next-state list, the oracle enumerates joint actions.
#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class TableMarkovModel final : public MarkovModel {
 public:
  // The table must be complete (UsageError naming an unset cell otherwise).
  explicit TableMarkovModel(MarkovGame game, double max_enumerated = kMaxEnumeratedJointActions);

  const MarkovGame& table() const { return game_; }

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;
  int sample_next(int h, int s, std::span<const int> a, double u) const override;
  void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const override;
  void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                          std::span<double> next) const override;
  void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                         std::span<double> next) const override;

 private:
  std::size_t joint_index(std::span<const int> a) const;
  MarkovGame game_;
  double max_enumerated_;
};

}  // namespace eqlab

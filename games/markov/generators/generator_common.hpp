#pragma once
// What the Markov game generators (docs/GAMES.md) share: the shape of a
// generated game, and random entries keyed by (seed, tensor id, indices) so that any entry
// can be regenerated on demand, whatever order the entries are asked for in.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab::markov_gen {

// The most table entries a generator stores (2^27 doubles, 1 GiB); larger games are
// refused by the generators that store tables.
inline constexpr double kMaxStoredEntries = 134'217'728.0;

// The sizes every generator takes; initial state 0 with probability 1.
struct GenSizes {
  int players = 2;
  int states = 2;
  int actions = 2;  // the same for every player
  int horizon = 2;
  std::uint64_t seed = 0;
};

// Labels "p0".., "s0".., "a0".. and the point mass on state 0; rewards already in [0, 1].
MarkovShape generated_shape(std::string name, const GenSizes& sizes);

// Distinct tensors of one game draw from unrelated streams: the id is the stream's purpose.
enum class Tensor : std::uint64_t {
  reward = 1,
  transition = 2,
  team_reward = 3,
  team_noise = 4,
  pair_matrix = 5,
  own_vector = 6,
  factor_rows = 7,
  facility_cost = 8,
  state_rows = 9,
  graph = 10,
  perturbation = 11,
};

// One number from the indices of an entry (order matters: (1, 2) and (2, 1) differ).
std::uint64_t index_key(std::initializer_list<std::uint64_t> indices);

// The stream of one entry: its k-th draw depends on (seed, tensor, indices, k) only.
inline RngStream entry_stream(std::uint64_t seed, Tensor tensor, std::initializer_list<std::uint64_t> indices) {
  return RngStream(seed, static_cast<std::uint64_t>(tensor), index_key(indices));
}

// U[0, 1) for one entry.
inline double entry_uniform(std::uint64_t seed, Tensor tensor, std::initializer_list<std::uint64_t> indices) {
  return entry_stream(seed, tensor, indices).uniform();
}

// A Gamma(shape, 1) variate (shape > 0) from the stream: Marsaglia and Tsang's squeeze
// method, boosted by U^(1/shape) for shape < 1; exactly -log U for shape 1.
double gamma_variate(RngStream& rng, double shape);

// A Dirichlet(kappa · 1) draw into out (every entry), by normalised gamma variates. When
// every variate underflows (tiny kappa), the point mass on the largest draw's index stands in.
void dirichlet(RngStream& rng, double kappa, std::span<double> out);

// P_h(·|s, a) ~ Dirichlet(kappa · 1) of the dense generators, regenerated from its key
// (h, s, joint action index) on every call.
void dense_transition(std::uint64_t seed, double kappa, int h, int s, std::uint64_t joint, std::span<double> out);

// The index of the first cumulative sum of dist that exceeds u (the last positive entry
// when u is within rounding of 1).
int invert_cdf(std::span<const double> dist, double u);

// Mixed-radix index of a joint action, player 0 the slowest digit (MarkovGame's order).
std::uint64_t joint_index(std::span<const int> a, int actions);

// Shortest text that reads back as v, for canonical names.
std::string real_text(double v);

// UsageError "GAME: actions^players = A^P joint actions is over 2^24; WHY; use fewer
// players or actions" for a game whose oracle must enumerate its joint actions.
void check_enumerable(const std::string& game, const GenSizes& sizes, const std::string& why);

// A generated game with no structure beyond its rewards: transition rows are the dense
// Dirichlet(kappa · 1) draws of dense_transition, and the expectation oracle enumerates
// the joint actions. The dense random and team games differ only in rewards().
class DirichletMarkov : public MarkovModel {
 public:
  int sample_next(int h, int s, std::span<const int> a, double u) const final;
  void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const final;
  void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                          std::span<double> next) const final;
  void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                         std::span<double> next) const final;

 protected:
  DirichletMarkov(MarkovShape shape, const GenSizes& sizes, double kappa);
  std::uint64_t seed() const { return sizes_.seed; }
  std::uint64_t joint_of(std::span<const int> a) const { return joint_index(a, sizes_.actions); }

 private:
  GenSizes sizes_;
  double kappa_;
};

}  // namespace eqlab::markov_gen

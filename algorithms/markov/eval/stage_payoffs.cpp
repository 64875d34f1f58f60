#include <eqlab/algorithms/markov/eval/stage_payoffs.hpp>

#include <vector>

namespace eqlab {

void stage_payoffs(const MarkovModel& model, const CorrelatedPolicy& layout, int h, int s,
                   std::initializer_list<StageContinuation> tables) {
  const int S = model.num_states();
  const auto ms = static_cast<std::size_t>(model.num_players());
  const bool last = h == model.horizon() - 1;
  std::vector<double> r(ms), trans(S);
  std::vector<int> acts(ms);
  for (std::size_t a = 0; a < layout.num_joint_actions(); ++a) {
    layout.decode(a, acts);
    model.rewards(h, s, acts, r);
    if (!last) model.next_distribution(h, s, acts, trans);
    for (const StageContinuation& table : tables)
      for (std::size_t i = 0; i < ms; ++i) {
        double expected = 0.0;
        if (!last)
          for (int t = 0; t < S; ++t) expected += trans[t] * table.next[t * ms + i];
        table.q[a * ms + i] = r[i] + expected;
      }
  }
}

}  // namespace eqlab

#pragma once
// Test support: every pure plan of a treeplex in sequence form, for brute-force oracles.
#include <algorithm>
#include <vector>

#include <eqlab/lib/treeplex.hpp>

namespace eqlab::test {

// One action per infoset in every combination; plans that differ only at infosets they
// never reach are listed once (these are the distinct vertices of the treeplex).
inline std::vector<std::vector<double>> pure_plans(const Treeplex& tp) {
  std::vector<std::vector<double>> plans;
  std::vector<int> choice(tp.num_infosets(), 0);
  while (true) {
    std::vector<double> x(tp.num_sequences(), 0.0);
    x[0] = 1.0;
    for (int j = 0; j < tp.num_infosets(); ++j) x[tp.first_seq[j] + choice[j]] = x[tp.parent_seq[j]];
    if (std::find(plans.begin(), plans.end(), x) == plans.end()) plans.push_back(x);
    int j = 0;
    while (j < tp.num_infosets() && ++choice[j] == tp.num_actions[j]) choice[j++] = 0;
    if (j == tp.num_infosets()) break;
  }
  return plans;
}

}  // namespace eqlab::test

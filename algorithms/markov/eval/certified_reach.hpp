#pragma once
// Where the certified policy π̂ of a VisitLog prefix goes, by
// one forward pass over the (h, s, t) cells: the probability of standing at (h, s) with
// count t = N^k_h(s), and the probability that visit t of (h, s) is the drawn index l.
// The lower bound picks its Markov deviation from these occupancies, and for H = 1 the
// draw probabilities are the weights ω_j of the exact gap's closed form.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost: one joint oracle call per logged visit.
// See docs/algorithms/evaluation.md, "The certified policy: value and gap bounds".
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/markov/eval/certified_schedule.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct CertifiedReach {
  // Per step, per cell (s, t) of that step's schedule: P(at (h, s) with count t). Cell
  // t = 0 is the uniform fallback (it also collects the episodes already falling back).
  std::vector<std::vector<double>> occupancy;
  // Per step, per cell: at t >= 1, P(the drawn l is visit t of (h, s)); at t = 0 the
  // fallback's occupancy again.
  std::vector<std::vector<double>> draw;
};

// `initial` = the occupancy of step 0 (ρ(s) times the share of indices k with count t).
// Steps after `last_step` are left empty. Cost: one joint oracle call per visit.
CertifiedReach certified_reach(const MarkovModel& model, const VisitLog& log,
                               const std::vector<StepSchedule>& schedules, std::int64_t prefix,
                               std::vector<double> initial, int last_step);

}  // namespace eqlab

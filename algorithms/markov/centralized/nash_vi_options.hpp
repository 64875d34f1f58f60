#pragma once
// The knobs of centralized Multi-Nash-VI, read from JSON.
//
// Keys (unknown keys are refused): "preset" ("theory": bonus scale 1; "practical": 0.05;
// applied first), "bonus_scale" (c in β = c·sqrt(H²Sι/N), 0 allowed), "delta" (failure
// probability inside ι), "planned_episodes" (K inside ι = ln(S·ΠA_i·H·K/δ); default 10^5),
// "stage_rounds" (regret-matching rounds per stage game, default 200), "equilibrium"
// ("cce" or "ce"), "replan_every" (default 1), "max_memory_bytes" (default 2 GiB).
//
// replan_every = k plans once every k episodes and replays that Markov correlated policy
// in between, dividing the planning cost by k. The optimism argument is unchanged (the
// bonuses of the counts at planning time still cover P̂ − P), but a cell can be visited up
// to k times on a stale plan, so the regret bound, hence the episode bound, can grow by up
// to a factor k in the worst case; k = 1 is the algorithm as analysed.
//
// See docs/algorithms/markov-learning.md, "Constants and parameters".
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct NashViOptions {
  std::string preset;
  double bonus_scale = 0.05;
  double delta = 0.1;
  std::int64_t planned_episodes = 100'000;
  int stage_rounds = 200;
  std::string equilibrium = "cce";
  std::int64_t replan_every = 1;
  double max_memory_bytes = 2147483648.0;
  double iota = 1.0;  // resolved for the model

  nlohmann::json to_json() const;
};

NashViOptions read_nash_vi_options(const nlohmann::json& options, const MarkovModel& model);

}  // namespace eqlab

#include <eqlab/algorithms/markov/centralized/nash_vi_options.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/json_option_reader.hpp>

namespace eqlab {

NashViOptions read_nash_vi_options(const nlohmann::json& json, const MarkovModel& model) {
  const JsonOptionReader in(json, "nash-vi",
                            {"preset", "bonus_scale", "delta", "planned_episodes", "stage_rounds", "equilibrium",
                             "replan_every", "max_memory_bytes"});
  NashViOptions o;
  o.preset = in.preset();
  o.bonus_scale = o.preset == "paper" ? 1.0 : 0.05;
  o.bonus_scale = in.nonnegative("bonus_scale", o.bonus_scale);
  o.delta = in.below_one("delta", o.delta);
  o.planned_episodes = in.whole("planned_episodes", o.planned_episodes, 1, 1'000'000'000'000LL);
  o.stage_rounds = static_cast<int>(in.whole("stage_rounds", o.stage_rounds, 1, 1'000'000));
  o.equilibrium = in.choice("equilibrium", o.equilibrium, {"cce", "ce"});
  o.replan_every = in.whole("replan_every", o.replan_every, 1, 1'000'000'000LL);
  o.max_memory_bytes = in.positive("max_memory_bytes", o.max_memory_bytes);
  o.iota = std::max(1.0, std::log(model.num_states() * model.joint_actions() * model.horizon() *
                                  static_cast<double>(o.planned_episodes) / o.delta));
  return o;
}

nlohmann::json NashViOptions::to_json() const {
  return {{"preset", preset},
          {"bonus_scale", bonus_scale},
          {"delta", delta},
          {"planned_episodes", planned_episodes},
          {"iota", iota},
          {"stage_rounds", stage_rounds},
          {"equilibrium", equilibrium},
          {"replan_every", replan_every},
          {"max_memory_bytes", max_memory_bytes}};
}

}  // namespace eqlab

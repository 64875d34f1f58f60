#include <eqlab/algorithms/markov/vlearning/vlearning_options.hpp>

#include <cmath>
#include <limits>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

double vlearning_iota(const VLearningOptions& options, const MarkovModel& model) {
  const double count = static_cast<double>(model.num_players()) * model.max_actions() * model.horizon() *
                       model.num_states() * static_cast<double>(options.planned_episodes);
  return std::log(count / (options.failure_probability * options.epsilon));
}

int vlearning_alpha_horizon(const VLearningOptions& options, const MarkovModel& model) {
  return options.alpha_horizon > 0 ? options.alpha_horizon : model.horizon();
}

VLearningOptions parse_vlearning_options(const nlohmann::json& params, const MarkovModel& model,
                                         std::int64_t planned_episodes, const std::string& solver) {
  const JsonOptionReader in(params, solver,
                            {"preset", "bonus_scale", "lr_scale", "ix_scale", "alpha_horizon", "epsilon",
                             "failure_probability", "log"});
  if (planned_episodes < 1)
    throw UsageError("solver " + solver + ": the planned number of episodes must be at least 1, not " +
                     std::to_string(planned_episodes));
  VLearningOptions options;
  options.planned_episodes = planned_episodes;
  options.preset = in.preset();
  if (options.preset == "paper") {
    options.bonus_scale = 1.0;
    for (const char* fixed : {"bonus_scale", "lr_scale", "ix_scale", "alpha_horizon"})
      if (in.has(fixed))
        throw UsageError("solver " + solver + ": preset paper fixes " + fixed + "; use preset practical to set it");
  }
  options.bonus_scale = in.nonnegative("bonus_scale", options.bonus_scale);
  options.lr_scale = in.positive("lr_scale", options.lr_scale);
  options.ix_scale = in.positive("ix_scale", options.ix_scale);
  options.alpha_horizon = static_cast<int>(in.whole("alpha_horizon", options.alpha_horizon, 1, 1'000'000));
  options.epsilon = in.positive("epsilon", options.epsilon);
  options.failure_probability = in.below_one("failure_probability", options.failure_probability);
  options.log = in.flag("log", options.log);
  options.alpha_horizon = vlearning_alpha_horizon(options, model);
  options.iota = vlearning_iota(options, model);
  return options;
}

nlohmann::json to_json(const VLearningOptions& options) {
  return {{"preset", options.preset},
          {"bonus_scale", options.bonus_scale},
          {"lr_scale", options.lr_scale},
          {"ix_scale", options.ix_scale},
          {"alpha_horizon", options.alpha_horizon},
          {"epsilon", options.epsilon},
          {"failure_probability", options.failure_probability},
          {"planned_episodes", options.planned_episodes},
          {"iota", options.iota},
          {"log", options.log}};
}

VLearningOptions recorded_vlearning_options(const nlohmann::json& params, const std::string& solver) {
  const JsonOptionReader in(params, solver,
                            {"solver", "preset", "bonus_scale", "lr_scale", "ix_scale", "alpha_horizon", "epsilon",
                             "failure_probability", "planned_episodes", "iota", "log"});
  for (const char* key : {"preset", "bonus_scale", "lr_scale", "ix_scale", "alpha_horizon", "epsilon",
                          "failure_probability", "planned_episodes", "iota", "log"})
    if (!in.has(key)) throw UsageError("solver " + solver + ": the recorded parameters lack " + key);
  VLearningOptions options;
  options.preset = in.choice("preset", options.preset, {"practical", "paper", "theory"});
  options.bonus_scale = in.nonnegative("bonus_scale", options.bonus_scale);
  options.lr_scale = in.positive("lr_scale", options.lr_scale);
  options.ix_scale = in.positive("ix_scale", options.ix_scale);
  options.alpha_horizon = static_cast<int>(in.whole("alpha_horizon", 1, 1, 1'000'000));
  options.epsilon = in.positive("epsilon", options.epsilon);
  options.failure_probability = in.below_one("failure_probability", options.failure_probability);
  options.planned_episodes = in.whole("planned_episodes", 1, 1, std::numeric_limits<std::int64_t>::max());
  options.iota = in.positive("iota", 1.0);
  options.log = in.flag("log", options.log);
  return options;
}

std::vector<ParamSpec> vlearning_param_specs() {
  const std::string paper = "Song, Mei, Bai 2022, arXiv:2110.04184";
  return {
      choice_param("preset", {"practical", "paper", "theory"}, "practical",
                   "paper (or its former name theory): the paper's hyperparameters with bonus constant c = 1 (it "
                   "fixes bonus_scale, lr_scale, ix_scale and alpha_horizon); practical: c = 0.01"),
      nonnegative_param("bonus_scale", "0.01 (paper: 1)", "c in the optimism bonus beta_t; 0 turns optimism off",
                        paper + ", eq. (2) (CE); Jin, Liu, Wang, Yu 2021, arXiv:2110.14555 (CCE)"),
      positive_param("lr_scale", "1", "the multiple of the learning rate eta_t = sqrt(H ln A_i / (A_i t))",
                     "Jin, Liu, Wang, Yu 2021, arXiv:2110.14555"),
      positive_param("ix_scale", "1", "the multiple of the implicit exploration gamma_t (= eta_t)",
                     "Jin, Liu, Wang, Yu 2021, arXiv:2110.14555"),
      whole_param("alpha_horizon", 1, 1'000'000, "H", "H_a in the step alpha_t = (H_a + 1)/(H_a + t)"),
      positive_param("epsilon", "0.1", "the target epsilon inside the log factor iota", paper + ", Thm 3"),
      probability_param("failure_probability", "0.1", "p inside the log factor iota", paper + ", Thm 3"),
      flag_param("log", "true", "keep the visit log (the certified policy needs it)"),
  };
}

}  // namespace eqlab

#include <eqlab/algorithms/markov/vlearning/vlearning_options.hpp>

#include <cmath>
#include <exception>

#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

std::string text_of(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// A finite number >= 0: the bonus may be switched off, unlike the multiplicative scales.
double nonnegative_number(const std::string& text, const std::string& solver, const std::string& key) {
  std::size_t used = 0;
  double number = -1.0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(number >= 0.0) || !std::isfinite(number))
    throw UsageError("solver " + solver + ": " + key + " must be a number >= 0, not " + text);
  return number;
}

double probability_below_one(const std::string& text, const std::string& solver, const std::string& key) {
  const double value = positive_number_param(text, solver, key);
  if (!(value < 1.0)) throw UsageError("solver " + solver + ": " + key + " must be below 1, not " + text);
  return value;
}

bool boolean(const std::string& text, const std::string& solver, const std::string& key) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  throw UsageError("solver " + solver + ": " + key + " must be true or false, not " + text);
}

}  // namespace

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
  if (!params.is_null() && !params.is_object())
    throw UsageError("solver " + solver + ": the parameters must be a JSON object");
  if (planned_episodes < 1)
    throw UsageError("solver " + solver + ": the planned number of episodes must be at least 1, not " +
                     std::to_string(planned_episodes));
  VLearningOptions options;
  options.planned_episodes = planned_episodes;
  if (params.contains("preset")) {
    const std::string preset = text_of(params["preset"]);
    if (preset != "theory" && preset != "practical")
      throw UsageError("solver " + solver + ": preset must be theory or practical, not " + preset);
    options.preset = preset;
  }
  if (options.preset == "theory") {
    options.bonus_scale = 1.0;
    for (const char* fixed : {"bonus_scale", "lr_scale", "ix_scale", "alpha_horizon"})
      if (params.contains(fixed))
        throw UsageError("solver " + solver + ": preset theory fixes " + fixed + "; use preset practical to set it");
  }
  if (params.is_object()) {
    for (auto it = params.begin(); it != params.end(); ++it) {
      const std::string& key = it.key();
      const std::string value = text_of(*it);
      if (key == "preset") continue;
      if (key == "bonus_scale") {
        options.bonus_scale = nonnegative_number(value, solver, key);
      } else if (key == "lr_scale") {
        options.lr_scale = positive_number_param(value, solver, key);
      } else if (key == "ix_scale") {
        options.ix_scale = positive_number_param(value, solver, key);
      } else if (key == "alpha_horizon") {
        options.alpha_horizon = static_cast<int>(whole_number_param(value, 1, 1'000'000, solver, key));
      } else if (key == "epsilon") {
        options.epsilon = positive_number_param(value, solver, key);
      } else if (key == "failure_probability") {
        options.failure_probability = probability_below_one(value, solver, key);
      } else if (key == "log") {
        options.log = boolean(value, solver, key);
      } else {
        throw UsageError("solver " + solver + ": unknown parameter " + key +
                         " (preset, bonus_scale, lr_scale, ix_scale, alpha_horizon, epsilon, "
                         "failure_probability, log)");
      }
    }
  }
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

}  // namespace eqlab

#include <eqlab/algorithms/markov/potential/nash_ca_options.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/json_option_reader.hpp>

namespace eqlab {

namespace {

constexpr long long kMaxEpisodes = 1'000'000'000'000LL;

std::int64_t ceil_episodes(double x) {
  return static_cast<std::int64_t>(std::clamp(std::ceil(x), 1.0, static_cast<double>(kMaxEpisodes)));
}

}  // namespace

NashCaOptions read_nash_ca_options(const nlohmann::json& json, const MarkovModel& model) {
  const JsonOptionReader in(json, "nash-ca",
                            {"preset", "epsilon", "delta", "evaluation_episodes", "evaluation_scale",
                             "learner_episodes", "learner_scale", "bonus_scale", "learner_target", "max_rounds"});
  NashCaOptions o;
  o.preset = in.preset();
  if (o.preset == "paper") {
    // N = 32·H²ι/ε² puts each Hoeffding estimate of a return in [0, H] within ε/8; the
    // learner's cap and bonus are the theorem's with constant 1.
    o.evaluation_scale = 32.0;
    o.learner_scale = 1.0;
    o.bonus_scale = 1.0;
    o.bonus_with_states = true;
    o.evaluate_unchanged = true;
  } else {
    // Tuned on small random team games (not the reported instances): theory constants
    // leave V̄ at its cap for a very long time (docs/algorithms/markov-learning.md).
    o.evaluation_scale = 1.0;
    o.learner_scale = 0.02;
    o.bonus_scale = 0.05;
  }
  o.epsilon = in.positive("epsilon", o.epsilon);
  o.delta = in.below_one("delta", o.delta);
  o.evaluation_scale = in.positive("evaluation_scale", o.evaluation_scale);
  o.learner_scale = in.positive("learner_scale", o.learner_scale);
  o.bonus_scale = in.nonnegative("bonus_scale", o.bonus_scale);
  o.learner_target = in.positive("learner_target", o.learner_target);

  const double m = model.num_players(), H = model.horizon(), S = model.num_states();
  const double eps = o.epsilon;
  o.iota = std::max(1.0, std::log(m * H * S * model.max_actions() / (o.delta * eps)));
  o.evaluation_episodes = in.whole("evaluation_episodes", ceil_episodes(o.evaluation_scale * H * H * o.iota / (eps * eps)),
                                   1, kMaxEpisodes);
  o.learner_episodes.clear();
  for (int i = 0; i < model.num_players(); ++i) {
    const double A = model.num_actions(i);
    const double k = o.learner_scale * (H * H * H * S * A * o.iota / (eps * eps) +
                                        H * H * H * S * S * A * o.iota * o.iota / eps);
    o.learner_episodes.push_back(in.whole("learner_episodes", ceil_episodes(k), 1, kMaxEpisodes));
  }
  o.max_rounds = in.whole("max_rounds", ceil_episodes(4.0 * m * H / eps) + 1, 1, kMaxEpisodes);
  return o;
}

nlohmann::json NashCaOptions::to_json() const {
  return {{"preset", preset},
          {"epsilon", epsilon},
          {"delta", delta},
          {"iota", iota},
          {"evaluation_scale", evaluation_scale},
          {"evaluation_episodes", evaluation_episodes},
          {"learner_scale", learner_scale},
          {"learner_episodes", learner_episodes},
          {"bonus_scale", bonus_scale},
          {"bonus", bonus_with_states ? "bonus_scale * sqrt(H^2 S iota / N)" : "bonus_scale * sqrt(H^2 iota / N)"},
          {"evaluate_unchanged", evaluate_unchanged},
          {"learner_target", learner_target},
          {"max_rounds", max_rounds}};
}

}  // namespace eqlab

#include <eqlab/algorithms/cfr/cfr.hpp>

#include <algorithm>

namespace eqlab {

CfrSolver::CfrSolver(const CompiledGame& game, std::string name, CfrConfig config, std::uint64_t seed)
    : game_(game),
      name_(std::move(name)),
      config_(config),
      seed_(seed),
      current_(game.uniform_profile()),
      average_(current_) {
  const int n = game.num_players();
  for (int p = 0; p < n; ++p) {
    const int m = game.treeplex[p].num_sequences();
    regret_.emplace_back(m, 0.0);
    last_regret_.emplace_back(config.predictive ? m : 0, 0.0);
    gradient_.emplace_back(m, 0.0);
    behavioural_.emplace_back(m, 0.0);
    game.treeplex[p].to_behavioural(current_[p], behavioural_[p]);
  }
}

void CfrSolver::step() {
  ++iteration_;
  const double t = static_cast<double>(iteration_);
  const double weight = config_.averaging == CfrConfig::Averaging::linear      ? t
                        : config_.averaging == CfrConfig::Averaging::quadratic ? t * t
                                                                               : 1.0;
  const int n = game_.num_players();
  if (config_.alternating) {
    for (int p = 0; p < n; ++p) {
      average_.add(p, current_[p], weight);
      game_.utility_gradient(p, current_, gradient_[p]);
      update_regrets(p);
      refresh_strategy(p);
    }
  } else {
    // Every gradient is taken against the same profile before anyone moves.
    for (int p = 0; p < n; ++p) {
      average_.add(p, current_[p], weight);
      game_.utility_gradient(p, current_, gradient_[p]);
    }
    for (int p = 0; p < n; ++p) {
      update_regrets(p);
      refresh_strategy(p);
    }
  }
}

void CfrSolver::update_regrets(int player) {
  const Treeplex& tp = game_.treeplex[player];
  std::vector<double>& value = gradient_[player];  // becomes counterfactual values in place
  const std::vector<double>& b = behavioural_[player];
  std::vector<double>& regret = regret_[player];
  const bool plus = config_.regret_matching_plus;
  for (int j = tp.num_infosets() - 1; j >= 0; --j) {
    const int s0 = tp.first_seq[j], s1 = s0 + tp.num_actions[j];
    double infoset_value = 0.0;
    for (int s = s0; s < s1; ++s) infoset_value += b[s] * value[s];
    for (int s = s0; s < s1; ++s) {
      const double instant = value[s] - infoset_value;
      const double r = regret[s] + instant;
      regret[s] = plus ? std::max(r, 0.0) : r;
      if (config_.predictive) last_regret_[player][s] = instant;
    }
    value[tp.parent_seq[j]] += infoset_value;
  }
}

void CfrSolver::refresh_strategy(int player) {
  const Treeplex& tp = game_.treeplex[player];
  const std::vector<double>& regret = regret_[player];
  const std::vector<double>& prediction = last_regret_[player];
  const bool predictive = config_.predictive;
  std::vector<double>& b = behavioural_[player];
  auto score = [&](int s) { return std::max(predictive ? regret[s] + prediction[s] : regret[s], 0.0); };
  for (int j = 0; j < tp.num_infosets(); ++j) {
    const int s0 = tp.first_seq[j], s1 = s0 + tp.num_actions[j];
    double positive = 0.0;
    for (int s = s0; s < s1; ++s) positive += score(s);
    if (positive > 0.0) {
      for (int s = s0; s < s1; ++s) b[s] = score(s) / positive;
    } else {
      const double uniform = 1.0 / (s1 - s0);
      for (int s = s0; s < s1; ++s) b[s] = uniform;
    }
  }
  tp.to_sequence_form(b, current_[player]);
}

Profile CfrSolver::output_profile() const { return average_.value(current_); }

nlohmann::json CfrSolver::params() const {
  return {{"seed", seed_},
          {"regret_matching", config_.regret_matching_plus ? "rm+" : "rm"},
          {"updates", config_.alternating ? "alternating" : "simultaneous"},
          {"averaging", config_.averaging == CfrConfig::Averaging::linear      ? "linear"
                        : config_.averaging == CfrConfig::Averaging::quadratic ? "quadratic"
                                                                               : "uniform"},
          {"prediction", config_.predictive ? "last regret" : "none"},
          {"initial_strategy", "uniform"}};
}

}  // namespace eqlab

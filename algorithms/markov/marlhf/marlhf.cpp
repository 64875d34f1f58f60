#include <eqlab/algorithms/markov/marlhf/marlhf.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/markov/marlhf/behaviour_estimate.hpp>
#include <eqlab/games/markov/reward_features_json.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// The dense d × d matrices of the solve (Hessian, Gram, its factor and inverse) take
// 128 MiB each at d = 4096.
constexpr int kMaxFeatures = 4096;

// The dataset as feature trajectories: pair k's two trajectories are 2k and 2k + 1.
FeatureTrajectories feature_trajectories(const MarkovModel& model, const PreferenceDataset& data,
                                         const RewardFeatures& features) {
  FeatureTrajectories out(features.dimension());
  const int m = model.num_players();
  std::vector<FeatureEntry> step;
  for (const PreferencePairRecord& pair : data.pairs)
    for (const PreferenceTrajectory* t : {&pair.first, &pair.second}) {
      out.begin_trajectory();
      for (int h = 0; h < model.horizon(); ++h) {
        const std::span<const FeatureEntry> phi =
            features.at(h, t->states[h], model.encode_joint({t->actions.data() + static_cast<std::size_t>(h) * m,
                                                             static_cast<std::size_t>(m)}));
        step.assign(phi.begin(), phi.end());
        out.add_step(step);
      }
    }
  return out;
}

}  // namespace

RewardFeatures RewardFeatures::tabular(const MarkovModel& model) {
  RewardFeatures f;
  f.states_ = model.num_states();
  f.joint_ = static_cast<std::size_t>(model.joint_actions());
  const std::size_t rows = static_cast<std::size_t>(model.horizon()) * f.states_ * f.joint_;
  if (rows > static_cast<std::size_t>(kMaxFeatures))
    throw UsageError("tabular rewards of '" + model.name() + "' would have " + std::to_string(rows) +
                     " features (steps × states × joint actions), over the " + std::to_string(kMaxFeatures) +
                     " a dense Newton solve handles: give a linear feature map (--param features=game)");
  f.dimension_ = static_cast<int>(rows);
  f.tabular_ = true;
  f.row_begin_.resize(rows + 1);
  f.entries_.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    f.row_begin_[r] = r;
    f.entries_[r] = {static_cast<int>(r), 1.0};
  }
  f.row_begin_[rows] = rows;
  return f;
}

RewardFeatures RewardFeatures::linear(const MarkovModel& model, int dimension,
                                      std::vector<std::vector<FeatureEntry>> rows) {
  RewardFeatures f;
  f.states_ = model.num_states();
  f.joint_ = static_cast<std::size_t>(model.joint_actions());
  f.dimension_ = dimension;
  const std::size_t expected = static_cast<std::size_t>(model.horizon()) * f.states_ * f.joint_;
  if (dimension < 1) throw UsageError("a linear feature map needs a dimension of at least 1");
  if (dimension > kMaxFeatures)
    throw UsageError("a linear feature map of " + std::to_string(dimension) + " features is over the " +
                     std::to_string(kMaxFeatures) + " a dense Newton solve handles");
  if (rows.size() != expected)
    throw UsageError("a linear feature map of '" + model.name() + "' needs " + std::to_string(expected) +
                     " rows (steps × states × joint actions), not " + std::to_string(rows.size()));
  f.row_begin_.reserve(expected + 1);
  f.row_begin_.push_back(0);
  for (const std::vector<FeatureEntry>& row : rows) {
    for (const FeatureEntry& e : row) {
      if (e.index < 0 || e.index >= dimension)
        throw UsageError("a feature index " + std::to_string(e.index) + " is outside [0, " +
                         std::to_string(dimension) + ")");
      f.entries_.push_back(e);
    }
    f.row_begin_.push_back(f.entries_.size());
  }
  return f;
}

RewardFeatures RewardFeatures::for_options(const MarkovModel& model, const std::string& game_source,
                                           const MarlhfOptions& options, const LoadLimits& limits) {
  if (options.features == "tabular") return tabular(model);
  if (!std::filesystem::is_regular_file(game_source))
    throw UsageError("features \"game\" reads the game file's reward_features, and '" + game_source +
                     "' is not a file (a built-in game has no feature map)");
  return from_map(model, load_reward_features(game_source, model, limits));
}

RewardFeatures RewardFeatures::from_map(const MarkovModel& model, const RewardFeatureMap& map) {
  std::vector<std::vector<FeatureEntry>> rows(map.rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (const auto& [index, value] : map.rows[r]) rows[r].push_back({index, value});
  return linear(model, map.dimension, std::move(rows));
}

MarlhfOptions MarlhfOptions::from_params(const nlohmann::json& params) {
  const JsonOptionReader in(params, "marlhf",
                            {"ridge", "mse", "pessimism", "unknown_width", "imitation", "pseudo_count", "cce_rounds",
                             "max_newton_iterations", "features"});
  MarlhfOptions o;
  o.ridge = in.positive("ridge", o.ridge);
  o.mse_weight = in.nonnegative("mse", o.mse_weight);
  o.pessimism = in.nonnegative("pessimism", o.pessimism);
  o.unknown_width = in.nonnegative("unknown_width", o.unknown_width);
  o.imitation = in.nonnegative("imitation", o.imitation);
  o.pseudo_count = in.positive("pseudo_count", o.pseudo_count);
  o.cce_rounds = static_cast<int>(in.whole("cce_rounds", o.cce_rounds, 1, 10'000'000));
  o.max_newton_iterations = static_cast<int>(in.whole("max_newton_iterations", o.max_newton_iterations, 1, 10'000));
  o.features = in.choice("features", o.features, {"tabular", "game"});
  return o;
}

nlohmann::json MarlhfOptions::params() const {
  return {{"ridge", ridge},         {"mse", mse_weight},         {"pessimism", pessimism},
          {"unknown_width", unknown_width}, {"imitation", imitation}, {"pseudo_count", pseudo_count},
          {"cce_rounds", cce_rounds}, {"max_newton_iterations", max_newton_iterations}, {"features", features}};
}

MarlhfResult learn_from_preferences(const MarkovModel& model, const PreferenceDataset& data,
                                    const RewardFeatures& features, const MarlhfOptions& options) {
  if (data.pairs.empty()) throw UsageError("the preference dataset has no pair");
  const int m = model.num_players(), H = model.horizon(), S = model.num_states();
  for (const PreferencePairRecord& pair : data.pairs)
    if (static_cast<int>(pair.labels.size()) != m || static_cast<int>(pair.first.states.size()) != H ||
        static_cast<int>(pair.second.states.size()) != H)
      throw UsageError("the preference dataset is not of the shape of '" + model.name() + "'");

  const FeatureTrajectories trajectories = feature_trajectories(model, data, features);
  PreferenceMleOptions mle;
  mle.temperature = data.temperature;
  mle.ridge = options.ridge;
  mle.mse_weight = options.mse_weight;
  mle.max_iterations = options.max_newton_iterations;

  // One objective serves every player: the differences d_k, the MSE term and the Gram
  // matrix of the widths depend on the pairs, not on the labels.
  std::vector<PreferencePair> pairs(data.pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) pairs[k] = {static_cast<int>(2 * k), static_cast<int>(2 * k + 1), 0.0};
  PreferenceObjective objective(trajectories, std::move(pairs), mle);
  MarlhfResult result(model);
  std::vector<double> labels(data.pairs.size());
  for (int i = 0; i < m; ++i) {
    for (std::size_t k = 0; k < labels.size(); ++k) labels[k] = data.pairs[k].labels[i];
    objective.set_labels(labels);
    result.fits.push_back(estimate_reward(objective));
  }

  const double unknown = options.unknown_width > 0.0 ? options.unknown_width : model.reward_scale();
  const GramConfidence confidence(objective, 1.0 / (unknown * unknown));
  std::vector<double> unit_widths;
  if (features.is_tabular()) unit_widths = confidence.unit_widths();
  const BehaviourEstimate behaviour(model, data, options.pseudo_count);

  const std::size_t J = result.estimate.num_joint_actions();
  std::vector<double> phi(static_cast<std::size_t>(features.dimension()), 0.0);
  double width_sum = 0.0;
  for (int h = 0; h < H; ++h)
    for (int s = 0; s < S; ++s)
      for (std::size_t a = 0; a < J; ++a) {
        const std::span<const FeatureEntry> f = features.at(h, s, a);
        double width;
        if (features.is_tabular()) width = unit_widths[f[0].index];
        else {
          for (const FeatureEntry& e : f) phi[e.index] += e.value;
          width = confidence.width(phi);
          for (const FeatureEntry& e : f) phi[e.index] = 0.0;
        }
        width_sum += width;
        const double log_behaviour = options.imitation > 0.0 ? std::log(behaviour.probability(h, s, a)) : 0.0;
        double* estimate = result.estimate.at(h, s, a);
        double* pessimistic = result.pessimistic.at(h, s, a);
        for (int i = 0; i < m; ++i) {
          double r = 0.0;
          for (const FeatureEntry& e : f) r += result.fits[i].theta[e.index] * e.value;
          estimate[i] = r;
          pessimistic[i] = r - options.pessimism * width + options.imitation * log_behaviour;
        }
      }
  result.mean_width = width_sum / (static_cast<double>(H) * S * static_cast<double>(J));

  // Backward induction reads only the table's rewards and the model's transitions, so the
  // game units of the table are its units too.
  MarkovEquilibriumOptions stage;
  stage.cce_rounds = options.cce_rounds;
  result.equilibrium = solve_markov_equilibrium(model, result.pessimistic, stage);
  return result;
}

std::vector<double> reward_estimation_error(const MarkovModel& model, const PreferenceDataset& data,
                                            const JointRewardTable& estimate) {
  const int m = model.num_players();
  std::vector<double> truth(m), square(m, 0.0), difference(m);
  // Adds ±(R̂ − R) of one trajectory into `difference`, per player.
  const auto add_return_error = [&](const PreferenceTrajectory& t, double sign) {
    for (int h = 0; h < model.horizon(); ++h) {
      const int* a = t.actions.data() + static_cast<std::size_t>(h) * m;
      model.rewards(h, t.states[h], {a, static_cast<std::size_t>(m)}, truth);
      const double* r = estimate.at(h, t.states[h], model.encode_joint({a, static_cast<std::size_t>(m)}));
      // The normalised truth in game units; its offset (lo per step) cancels in the pair.
      for (int i = 0; i < m; ++i) difference[i] += sign * (r[i] - truth[i] * model.reward_scale());
    }
  };
  for (const PreferencePairRecord& pair : data.pairs) {
    std::fill(difference.begin(), difference.end(), 0.0);
    add_return_error(pair.first, 1.0);
    add_return_error(pair.second, -1.0);
    for (int i = 0; i < m; ++i) square[i] += difference[i] * difference[i];
  }
  for (double& x : square) x = std::sqrt(x / static_cast<double>(data.pairs.size()));
  return square;
}

}  // namespace eqlab

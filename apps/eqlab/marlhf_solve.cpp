// eqlab solve GAME --solver marlhf --data FILE: a Nash equilibrium learned from a preference
// dataset, evaluated exactly in the game (whose rewards the learner never reads).
#include "markov_commands.hpp"

#include <chrono>
#include <iostream>

#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/sim/marlhf/marlhf_evaluation.hpp>

#include "game_input.hpp"
#include "output_file.hpp"
#include "param_args.hpp"
#include "report.hpp"

namespace eqlab::cli {

namespace {

void check_marlhf_flags(const Args& args, const std::string& command) {
  if (!args.has("--data"))
    throw CommandLineError(command, "marlhf learns from a preference dataset: give --data FILE (eqlab preferences-data "
                                    "writes one)");
  for (const char* flag : {"--episodes", "--iterations", "--checkpoints", "--curve", "--plot", "--mixture",
                           "--distribution", "--k", "--out-profile"})
    if (args.has(flag))
      throw CommandLineError(command, std::string(flag) +
                                          " does not apply to marlhf: it learns once from --data, with no episodes "
                                          "and no curve");
  if (args.has("--feedback") && args.text("--feedback") != "bandit")
    throw CommandLineError(command, "marlhf learns from offline preferences: leave out --feedback");
}

}  // namespace

int run_marlhf_solve(const Args& args) {
  const std::string command = "solve";
  check_marlhf_flags(args, command);
  MarlhfOptions options;
  try {
    options = MarlhfOptions::from_params(param_values(args, command));
  } catch (const UsageError& e) {
    throw BadInputError(e.what());
  }
  const std::string out_path = args.text("--out"), policy_path = args.text("--policy");
  if (out_path == "-" && policy_path == "-")
    throw CommandLineError(command, "only one of --out and --policy can be '-' (standard output)");
  for (const std::string& path : {out_path, policy_path})
    if (!path.empty() && path != "-") prepare_output(path);
  std::ostream& summary = out_path == "-" || policy_path == "-" ? std::cerr : std::cout;

  const LoadLimits limits = load_limits(args);
  const std::unique_ptr<MarkovModel> model = load_markov_argument(args.positional[0], limits);
  const auto read_start = std::chrono::steady_clock::now();
  const PreferenceDataset data = read_preference_data(args.text("--data"), *model, limits);
  const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  if (data.game != model->name())
    std::cerr << "warning: " << args.text("--data") << " was sampled from " << data.game << ", learned here on "
              << model->name() << "\n";

  const RewardFeatures features = [&] {
    try {
      return RewardFeatures::for_options(*model, args.positional[0], options, limits);
    } catch (const UsageError& e) {
      throw BadInputError(e.what());
    }
  }();
  const auto start = std::chrono::steady_clock::now();
  MarlhfResult result = [&] {
    try {
      return learn_from_preferences(*model, data, features, options);
    } catch (const UsageError& e) {
      throw BadInputError(e.what());
    }
  }();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const MarlhfEvaluation evaluation = evaluate_marlhf(*model, data, result);

  std::vector<std::string> written;
  if (!out_path.empty()) {
    write_text_file(out_path, marlhf_result_json(*model, data, options, result, evaluation, seconds).dump(2) + "\n");
    written.push_back(out_path);
  }
  if (!policy_path.empty()) {
    const nlohmann::ordered_json policy = result.equilibrium.product
                                              ? product_policy_json(*model, *result.equilibrium.product)
                                              : correlated_policy_json(*model, *result.equilibrium.correlated);
    write_text_file(policy_path, policy.dump() + "\n");
    written.push_back(policy_path);
  }

  const int m = model->num_players();
  summary << field("game") << model->name() << "\n"
          << field("data") << args.text("--data") << ": " << data.pairs.size() << " pairs, behaviour " << data.behaviour
          << ", temperature " << data.temperature << ", read in " << duration_text(read_seconds) << "\n"
          << field("solver") << "marlhf (mse " << options.mse_weight << ", pessimism " << options.pessimism
          << ", imitation " << options.imitation << ", " << options.features << " features, d = " << features.dimension()
          << ") in " << duration_text(seconds) << "; Newton steps";
  for (const PreferenceMleResult& fit : result.fits) summary << " " << fit.iterations;
  summary << "\n";
  for (int i = 0; i < m; ++i)
    summary << field(i == 0 ? "values" : "") << model->shape().players[i] << ": " << value_text(evaluation.value[i])
            << " (best response " << value_text(evaluation.best_response[i]) << ")\n";
  if (evaluation.target == Concept::nash) summary << field("nash gap") << gap_text(evaluation.gap) << "\n";
  else
    summary << field("cce gap") << gap_text(evaluation.gap) << ", CE gap " << gap_text(evaluation.ce_gap)
            << " (" << m << " players: each stage solved for a coarse correlated equilibrium)\n";
  summary << field("reward error");
  for (int i = 0; i < m; ++i)
    summary << (i ? ", " : "") << model->shape().players[i] << " " << value_text(evaluation.reward_error[i]);
  summary << " (RMS error of the return differences on the data)\n";
  if (!written.empty()) {
    std::string list;
    for (const std::string& w : written) list += (list.empty() ? "" : ", ") + (w == "-" ? "standard output" : w);
    summary << field("wrote") << list << "\n";
  }
  return kExitOk;
}

}  // namespace eqlab::cli

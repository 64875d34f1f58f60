// solve, eval and info on Markov games: learners from the solver registry, evaluated
// exactly at checkpoints; output policies written and re-evaluated through policy files.
#include "markov_commands.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <tbb/global_control.h>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/markov/play_file.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/memory_text.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/result_files.hpp>

#include "game_input.hpp"
#include "interrupt.hpp"
#include "output_file.hpp"
#include "param_args.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kMarkovSolveHelp =
    R"help(
Markov games (a "markov" game file, or markov-random, markov-polymatrix,
markov-congestion, markov-team, markov-cycle): the learners below play --episodes
episodes (default 100000) in a simulator, each player seeing only the states, its
own actions and its own rewards (the centralized nash-vi sees joint actions). The
outputs are evaluated exactly at --checkpoints episode counts: the certified
policy's CCE/CE gap bounds (cce-v, ce-v), the last iterate's and the
visit-averaged policy's Nash gaps, a correlated output's CCE and CE gaps, and
(exp3-ix) the episode-uniform mixture of the policies played: its CCE gap,
exact on small games, and bounds.
  --policy FILE       write the output policy, for 'eqlab eval GAME FILE': a
                      name ending in .eqplay writes the certified policy (cce-v,
                      ce-v) as the run's play log, a few bits per player and
                      step, which eval replays (eqlab-markov-play/1); any other
                      name writes JSON (eqlab-markov-policy/1: the certified
                      policy as its visit log, a product or a correlated policy)
  --mixture           also evaluate cce-v's episode-uniform mixture (it costs
                      about 1 + 2m product evaluations per episode played, at
                      every checkpoint)

  --solver marlhf --data FILE
                      learns a Nash equilibrium from a preference dataset
                      (eqlab-preferences/1, from 'eqlab preferences-data'): per
                      player a reward by maximum likelihood (Bradley-Terry,
                      tabular), lowered by its confidence width, then an
                      equilibrium of that pessimistic game by backward
                      induction (exact stage Nash for two players, a CCE for
                      more). The game gives states, actions and transitions;
                      its rewards only evaluate the output: Nash gap and
                      reward error. --param mse=A (time-axis MSE regulariser,
                      default 0), pessimism=C (default 1), imitation=E
                      (penalty E·log of the data's own action frequencies,
                      default 0), features=game (rewards linear in the game
                      file's reward_features instead of a table), ridge,
                      unknown_width, pseudo_count, cce_rounds. Writes --out
                      (result) and --policy.
)help";

std::unique_ptr<MarkovModel> load_markov_argument(const std::string& spec, const LoadLimits& limits) {
  try {
    return load_markov_model(spec, limits);
  } catch (const UsageError& e) {
    throw BadInputError(std::string(e.what()) + " (" + help_hint("games") + ")");
  }
}

namespace {

std::string markov_solver_names() { return solver_names(GameKind::markov, Feedback::bandit); }

void print_values(std::ostream& out, const MarkovModel& model, const std::vector<double>& values) {
  for (int i = 0; i < model.num_players() && i < static_cast<int>(values.size()); ++i)
    out << field(i == 0 ? "values" : "") << model.shape().players[i] << ": " << value_text(values[i]) << "\n";
}

// The evaluation JSON of a checkpoint, printed as a summary.
void print_evaluation(std::ostream& out, const MarkovModel& model, const nlohmann::ordered_json& e) {
  if (e.contains("certified")) {
    const auto& c = e["certified"];
    print_values(out, model, c["value"].get<std::vector<double>>());
    out << field("certified") << "CCE gap <= " << gap_text(c["cce_gap_upper"].get<double>());
    if (c.contains("cce_gap_lower")) out << " (>= " << gap_text(c["cce_gap_lower"].get<double>()) << ")";
    if (c.contains("cce_gap_exact")) out << ", exactly " << gap_text(c["cce_gap_exact"].get<double>());
    // The CCE bound has a certified lower bound beside it; the CE bound has none.
    if (c.contains("ce_gap_upper"))
      out << "; CE gap <= " << gap_text(c["ce_gap_upper"].get<double>()) << " (no lower bound)";
    out << "\n";
  }
  if (e.contains("correlated")) {
    const auto& c = e["correlated"];
    print_values(out, model, c["value"].get<std::vector<double>>());
    out << field("correlated") << "CCE gap " << gap_text(c["cce_gap"].get<double>()) << ", CE gap "
        << gap_text(c["ce_gap"].get<double>()) << "\n";
  }
  if (e.contains("mixture")) {
    const auto& x = e["mixture"];
    const std::string bounds =
        gap_text(x["cce_gap_lower"].get<double>()) + " and " + gap_text(x["cce_gap_upper"].get<double>());
    out << field("mixture") << "CCE gap ";
    if (x.contains("cce_gap")) out << gap_text(x["cce_gap"].get<double>()) << " (bounds " << bounds << ")\n";
    else out << "between " << bounds << " (the history tree is too large for the exact gap)\n";
  }
  for (const char* key : {"product", "last_iterate", "average"})
    if (e.contains(key)) {
      const auto& p = e[key];
      if (std::string(key) == "product") print_values(out, model, p["value"].get<std::vector<double>>());
      out << field(std::string(key) == "product" ? "nash gap" : std::string(key) == "last_iterate" ? "last iterate" : "average")
          << "Nash gap " << gap_text(p["nash_gap"].get<double>()) << "\n";
    }
}

}  // namespace

bool is_markov_argument(const std::string& spec) { return is_markov_game(spec); }

namespace {

void check_markov_solve_flags(const Args& args, const std::string& command) {
  if (args.has("--iterations")) throw CommandLineError(command, "Markov games learn from episodes: give --episodes, not --iterations");
  if (args.has("--distribution") || args.has("--k") || args.has("--out-profile"))
    throw CommandLineError(command, "--distribution, --k and --out-profile are for extensive-form and normal-form games");
  if (args.has("--feedback") && args.text("--feedback") != "bandit")
    throw CommandLineError(command, "the Markov learners learn from sampled episodes: --feedback bandit or nothing");
}

// --solver, which must name a Markov-game solver.
std::string markov_solver_argument(const Args& args, const std::string& command) {
  const std::string solver_name = args.text("--solver", "cce-v");
  if (!find_solver(solver_name, GameKind::markov, Feedback::bandit))
    throw CommandLineError(command, "'" + solver_name + "' is not a Markov-game solver: choose one of " + markov_solver_names());
  return solver_name;
}

// The files of --out, --curve, --plot and --policy ("" when not asked for).
struct MarkovSolveOutputs {
  std::string out_path, curve_path, plot_path, policy_path;
  // Where the summary goes: stderr when a file goes to standard output.
  bool summary_to_stderr() const { return out_path == "-" || curve_path == "-" || policy_path == "-"; }
};

MarkovSolveOutputs markov_solve_outputs(const Args& args, const std::string& command) {
  MarkovSolveOutputs o{args.text("--out"), args.text("--curve"), args.text("--plot"), args.text("--policy")};
  if ((o.out_path == "-") + (o.curve_path == "-") + (o.policy_path == "-") > 1)
    throw CommandLineError(command, "only one of --out, --curve and --policy can be '-' (standard output)");
  if (o.plot_path == "-") throw CommandLineError(command, "--plot needs a file name: a figure does not go to standard output");
  if (!o.plot_path.empty()) check_figure_name(command, "--plot", o.plot_path);
  return o;
}

// Checks that each output can be written (and that gnuplot is there for --plot).
void prepare_markov_solve_outputs(const MarkovSolveOutputs& o) {
  if (!o.plot_path.empty() && find_program("gnuplot").empty())
    throw PlotError("gnuplot not found: install the gnuplot-nox package (or leave out --plot)");
  for (const std::string& path : {o.out_path, o.curve_path, o.plot_path, o.policy_path})
    if (!path.empty()) prepare_output(path);
}

void check_policy_output(const std::string& command, const MarkovSolveOutputs& o, const MarkovSolver& solver) {
  if (is_play_file_name(o.policy_path) && play_file_writer(solver) == nullptr)
    throw CommandLineError(command, "--policy " + o.policy_path + ": " + no_play_file_reason(solver));
}

// The certified policy's JSON file holds its whole visit log: H visits per episode, each
// with every player's distribution as text (about 20 bytes a number) and its episode.
// Measured: 16 players with 2 actions, H = 2, 200,000 episodes wrote 253 MB; this gives
// 268 MB. A play file is exact (play_file_bytes).
void announce_large_policy_file(const MarkovSolveOutputs& o, const MarkovSolver& solver, const MarkovModel& model,
                                std::int64_t episodes) {
  if (o.policy_path.empty() || o.policy_path == "-" || solver.certified() == nullptr) return;
  const VLearningSolver* learner = play_file_writer(solver);
  const double json_bytes = static_cast<double>(episodes) * model.horizon() * (20.0 * model.total_actions() + 30.0);
  const double play_bytes = learner ? static_cast<double>(play_file_bytes(model, *learner, episodes)) : 0.0;
  const bool play = is_play_file_name(o.policy_path);
  const double bytes = play ? play_bytes : json_bytes;
  if (bytes <= static_cast<double>(kAnnouncedOutputBytes)) return;
  std::cerr << "eqlab solve: note: " << o.policy_path << " will take about " << memory_text(static_cast<std::uint64_t>(bytes));
  if (play) std::cerr << " (the play log: " << model.horizon() << " steps per episode)\n";
  else
    std::cerr << " (the certified policy as JSON is its visit log, " << model.horizon() << " visits of "
              << model.total_actions() << " probabilities per episode"
              << (learner ? "; a name ending in .eqplay writes its play log instead, about " +
                                memory_text(static_cast<std::uint64_t>(play_bytes))
                          : std::string())
              << ")\n";
}

std::unique_ptr<MarkovSolver> make_markov_solve_solver(const Args& args, const std::string& command,
                                                       const std::string& solver_name,
                                                       const std::unique_ptr<MarkovModel>& model, std::uint64_t seed,
                                                       std::int64_t episodes) {
  std::unique_ptr<MarkovSolver> solver;
  try {
    solver = make_markov_solver(solver_name, *model, param_values(args, command), seed, episodes);
  } catch (const UsageError& e) {
    throw BadInputError(e.what());
  }
  return solver;
}


void plot_markov_solve(const std::string& plot_path, const MarkovSolver& solver, const MarkovModel& model,
                       const MarkovRunResult& result) {
  PlotOptions plot;
  plot.title = model.name() + ", " + solver.name() + ", " + std::to_string(result.episodes) + " episodes";
  plot.x_label = "episodes";
  plot.metrics = solver.certified() ? std::vector<std::string>{"cce_gap_upper", "ce_gap_upper", "last_iterate_gap", "average_gap"}
                 : solver.correlated() ? std::vector<std::string>{"cce_gap", "ce_gap"}
                                       : std::vector<std::string>{"gap", "average_gap"};
  plot.format = plot_format_for(plot_path);
  plot_curves({{"", result.curve}}, plot_path, plot);
}

// Writes the outputs asked for; the files written, in order.
std::vector<std::string> write_markov_solve_outputs(const MarkovSolveOutputs& o, const MarkovModel& model,
                                                    const MarkovSolver& solver, std::uint64_t seed,
                                                    const MarkovRunResult& result) {
  std::vector<std::string> written;
  if (!o.out_path.empty()) {
    write_text_file(o.out_path, markov_result_json(solver, model, seed, result).dump(2) + "\n");
    written.push_back(o.out_path);
  }
  if (!o.curve_path.empty()) {
    if (o.curve_path == "-") write_curve_csv(result.curve, std::cout);
    else write_curve_csv(result.curve, o.curve_path);
    written.push_back(o.curve_path);
  }
  if (!o.policy_path.empty()) {
    if (is_play_file_name(o.policy_path))
      write_file_atomically(o.policy_path, [&](std::ostream& out) {
        write_play_file(out, model, *play_file_writer(solver), seed);
      });
    else
      write_text_file(o.policy_path, output_policy_json(model, solver).dump() + "\n");
    written.push_back(o.policy_path);
  }
  if (!o.plot_path.empty()) {
    plot_markov_solve(o.plot_path, solver, model, result);
    written.push_back(o.plot_path);
  }
  return written;
}

void print_markov_solve_summary(std::ostream& summary, const MarkovModel& model, const MarkovSolver& solver,
                                std::uint64_t seed, const MarkovRunResult& result,
                                const std::vector<std::string>& written) {
  summary << field("game") << model.name() << "\n";
  summary << field("solver") << solver.name() << preset_text(solver.params()) << ", seed " << seed << ": "
          << result.episodes << " episodes in "
          << duration_text(result.seconds) << " (learning " << duration_text(result.solve_seconds) << ", evaluation "
          << duration_text(result.seconds - result.solve_seconds) << "), state "
          << memory_text(result.memory_bytes) << (result.converged ? ", converged" : "") << "\n";
  print_evaluation(summary, model, result.final_evaluation);
  if (!written.empty()) {
    std::string list;
    for (const std::string& w : written) list += (list.empty() ? "" : ", ") + (w == "-" ? "standard output" : w);
    summary << field("wrote") << list << "\n";
  }
}

}  // namespace

int run_markov_solve(const Args& args) {
  const std::string command = "solve";
  if (args.text("--solver") == "marlhf") return run_marlhf_solve(args);
  if (args.has("--data")) throw CommandLineError(command, "--data is the preference dataset of --solver marlhf");
  check_markov_solve_flags(args, command);
  const std::string solver_name = markov_solver_argument(args, command);
  const std::int64_t episodes = args.integer("--episodes", 100000, 1);
  const std::uint64_t seed = args.unsigned_integer("--seed", 0);
  const int checkpoints = static_cast<int>(args.integer("--checkpoints", 20, 1, 100000));
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  const MarkovSolveOutputs outputs = markov_solve_outputs(args, command);
  std::ostream& summary = outputs.summary_to_stderr() ? std::cerr : std::cout;
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0) thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  prepare_markov_solve_outputs(outputs);

  const MemoryBudget budget = memory_budget(args);
  const std::unique_ptr<MarkovModel> model = load_markov_argument(args.positional[0], load_limits(args));
  check_memory_budget(estimate_markov_run_memory(*model, solver_name, episodes), budget,
                      "solving " + model->name() + " with " + solver_name + " for " + std::to_string(episodes) +
                          " episodes");
  const std::unique_ptr<MarkovSolver> solver = make_markov_solve_solver(args, command, solver_name, model, seed, episodes);
  MarkovRunOptions run;
  run.episodes = episodes;
  run.checkpoints = checkpoints;
  run.progress = !args.has("--no-progress");
  run.progress_label = solver->name();
  if (args.has("--mixture")) {
    if (!solver->next_play())
      throw CommandLineError(command, "--mixture: " + solver->name() +
                                          " cannot rebuild the policies it played (exp3-ix and cce-v can)");
    run.mixture = MixtureEvaluation::always;
  }
  check_policy_output(command, outputs, *solver);
  announce_large_policy_file(outputs, *solver, *model, episodes);
  const InterruptWatch interrupt;
  run.should_stop = [] { return InterruptWatch::requested(); };
  const MarkovRunResult result = run_markov_solver(*solver, *model, run);

  const std::vector<std::string> written = write_markov_solve_outputs(outputs, *model, *solver, seed, result);
  print_markov_solve_summary(summary, *model, *solver, seed, result, written);
  if (result.interrupted) {
    summary << field("interrupted") << "at " << result.episodes << " of " << episodes
            << " episodes: the files written describe what was played so far\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

int run_markov_eval(const Args& args) {
  if (args.has("--distribution") || args.has("--k") || args.has("--max-states"))
    throw CommandLineError("eval", "--distribution, --k and --max-states are for extensive-form games");
  const LoadLimits limits = load_limits(args);
  const std::unique_ptr<MarkovModel> model = load_markov_argument(args.positional[0], limits);
  const MarkovPolicyFile policy = read_markov_policy(args.positional[1], *model, limits);
  // The shapes already match (read_markov_policy checks them); a different name is still
  // worth a word, as two games of one shape differ in rewards and transitions.
  if (policy.game != model->name())
    std::cerr << "warning: " << args.positional[1] << " was written for " << policy.game << ", evaluated here on "
              << model->name() << "\n";
  // A play file's replay that differs from its run (another eqlab, another machine's
  // floating point) still gives a certified policy of the same play; say which one is measured.
  if (policy.replay_matches == false)
    std::cerr << "warning: replaying " << args.positional[1] << " (written by " << policy.written_by
              << ") gives a visit log other than the one its run had: the gaps below are the replayed policy's\n";
  const nlohmann::ordered_json out = markov_policy_evaluation_json(*model, policy);
  if (args.has("--json")) {
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << field("game") << model->name() << "\n" << field("policy") << args.positional[1] << " (" << policy.kind() << ")\n";
  print_values(std::cout, *model, out["values"].get<std::vector<double>>());
  for (const char* key : {"cce_gap_upper", "cce_gap_lower", "cce_gap_exact", "ce_gap_upper", "cce_gap", "ce_gap", "nash_gap"})
    if (out.contains(key)) std::cout << field(key) << gap_text(out[key].get<double>()) << "\n";
  return kExitOk;
}

int run_markov_info(const Args& args) {
  const std::unique_ptr<MarkovModel> model = load_markov_argument(args.positional[0], load_limits(args));
  const MarkovModel& m = *model;
  std::cout << field("game") << m.name() << "\n"
            << field("type") << "markov: " << m.num_players() << " players, horizon " << m.horizon() << ", "
            << m.num_states() << " states\n";
  std::cout << field("actions");
  for (int i = 0; i < m.num_players(); ++i) std::cout << (i ? ", " : "") << m.num_actions(i);
  std::cout << " (max " << m.max_actions() << ", joint " << m.joint_actions() << " per state)\n";
  // The estimates `eqlab solve` checks against --memory-budget, at 100,000 episodes.
  for (const SolverEntry* solver : registered_solvers(GameKind::markov, Feedback::bandit))
    std::cout << field("memory") << solver->name << ": " << solver->markov_memory(m, 100000).text() << "\n";
  std::cout << field("") << "certified log (cce-v, ce-v, exp3-ix): " << certified_log_bytes_per_episode(m)
            << " bytes per episode, up to twice that while its arrays grow\n";
  std::cout << field("") << "play log (cce-v, ce-v): at most " << play_log_bytes_per_episode(m)
            << " bytes per episode, the same\n";
  return kExitOk;
}

}  // namespace eqlab::cli

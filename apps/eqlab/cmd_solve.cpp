// eqlab solve: runs a solver on a game, prints the value and exploitability (or, for
// correlated concepts, the mixture's gaps), and writes the result file, the curve, its
// plot and the mixture played.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <tbb/global_control.h>

#include <eqlab/algorithms/markov/markov_solver_registry.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/games/io/distribution_file.hpp>
#include <eqlab/lib/memory_text.hpp>
#include <eqlab/sim/bandit_solver.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/run_memory.hpp>
#include <eqlab/sim/runner.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "markov_commands.hpp"
#include "output_file.hpp"
#include "report.hpp"

namespace eqlab::cli {

namespace {

// The options; the list of solvers follows, taken from the registry so that it is never
// out of date.
constexpr std::string_view kSolveOptionsHelp =
    R"help(usage: eqlab solve GAME [options]

Runs a solver on GAME (a game file, or a built-in game such as kuhn or
"goofspiel(cards=4)"), then prints each player's value, the exploitability and
the time taken; for solvers of correlated equilibria (concept nfcce or efce),
the NFCCE and EFCE gaps of the mixture of the profiles played instead. A
progress bar shows on runs longer than a second when stderr is a terminal.

options:
  --feedback KIND     full (default): the solver sees the whole game and its
                      expected payoffs; bandit: every player learns only from
                      sampled episodes, seeing its own infosets, its own actions
                      and its own payoff at the end (rescaled to [0, 1]), with
                      a bandit solver below. The runner measures the profile of
                      expected strategies of every episode
  --solver NAME       one of the solvers below (default cfr+; with --feedback
                      bandit, ixomd)
  --iterations T      iterations to run (default 1000; full feedback only)
  --episodes N        episodes to play (default 100000; bandit feedback only):
                      the horizon the bandit step sizes are tuned for
  --seed S            random seed, written into the result (default 0)
  --out FILE          write the result (eqlab-result/1 JSON)
  --curve FILE        write the learning curve as CSV
  --distribution FILE write the mixture of the profiles played as JSON Lines,
                      one {"weight": 1/T, "strategies": [...]} per round, while
                      running; the result then records the mixture's
                      nfcce_gap and efce_gap ('eqlab eval --distribution'
                      recomputes them). Only for solvers that play a mixture
                      (--out, --curve and --distribution may be '-': standard
                      output, for one of them; the summary then goes to
                      standard error)
  --plot FILE         draw the curve as a PNG (needs gnuplot)
  --k K               with --solver kefr (full or bandit feedback): the
                      number of deviations the K-EFCE deviator observes
                      (default 1; 0 is NFCCE, 1 is EFCE); with any other
                      solver that plays a mixture: also
                      measure the mixture's K-EFCE gap at K (kefce_gap)
  --param KEY=VALUE   a solver parameter, repeatable; cfr, cfr+ and pcfr+ take
                      regret_matching=rm|rm+, updates=alternating|simultaneous,
                      averaging=uniform|linear|quadratic; omd and omd-balanced
                      take form=ftrl|omd, step=practical|theory,
                      eta_scale=NUMBER (default 60, balanced 300);
                      optimistic-omd takes eta_scale (default 5); efce-omd and
                      efce-omd-balanced take step=practical|theory and
                      eta_scale (default 3, balanced 1); the bandit solvers
                      take eta_scale and gamma_scale (default 1), multipliers
                      of the theoretical step size and implicit exploration,
                      and schedule=horizon|doubling: constants tuned once for
                      N episodes (default), or retuned for 2^k at episode 2^k
                      so that the regret bound holds at every episode count;
                      kefr takes k=K, potential=rm|hedge (default rm),
                      eta_scale (hedge, default 1) and max_states=N, the
                      budget of augmented states per player (default 5e7).
                      Every value in effect is written into the result's
                      solver.params
  --checkpoints N     points on the curve, log-spaced (default 30)
  --threads K         use at most K threads (default: all cores)
  --no-progress       never show the progress bar
  --max-bytes N       read game files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
  --memory-budget M   refuse (exit 3) a run whose memory estimate (the game,
                      the learner's state, the evaluation and, for Markov
                      learners, the certified log) exceeds M: a share of the
                      memory available at the start (default 80%) or a size
                      such as 16GiB; 'eqlab info' shows the Markov estimates

)help";

// `text` wrapped to `width` columns, every line but the first indented by `indent`.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line;
}

std::string solve_help() {
  std::size_t name_width = 0;
  for (const SolverInfo& s : solver_list()) name_width = std::max(name_width, s.name.size());
  std::string text(kSolveOptionsHelp);
  text += "solvers:\n";
  for (const SolverInfo& s : solver_list()) {
    std::string name = s.name;
    name.resize(name_width + 2, ' ');
    text += "  " + name + wrap(s.description, name_width + 4, 80) + "\n";
  }
  text += "\nbandit solvers (--feedback bandit):\n";
  for (const BanditSolverInfo& s : bandit_solver_list()) {
    std::string name = s.name;
    name.resize(std::max(name_width, s.name.size()) + 2, ' ');
    text += "  " + name + wrap(s.description, name.size() + 2, 80) + "\n";
  }
  text += kMarkovSolveHelp;
  text += "\nMarkov-game solvers:\n";
  for (const MarkovSolverInfo& s : markov_solver_list()) {
    std::string name = s.name;
    name.resize(name_width + 2, ' ');
    text += "  " + name + wrap(s.description, name_width + 4, 80) + "\n";
  }
  return text;
}

}  // namespace

const std::string_view kSolveHelp = [] {
  static const std::string text = solve_help();
  return std::string_view(text);
}();

namespace {

std::string solver_names() {
  std::string names;
  for (const SolverInfo& s : solver_list()) names += (names.empty() ? "" : ", ") + s.name;
  return names;
}

// KEY=VALUE pairs; a value that reads as JSON (a number, true) is kept as such.
nlohmann::json solver_params(const std::vector<std::string>& pairs) {
  nlohmann::json extra = nlohmann::json::object();
  for (const std::string& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0)
      throw CommandLineError("solve", "--param needs KEY=VALUE, not '" + pair + "'");
    const std::string value = pair.substr(eq + 1);
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    extra[pair.substr(0, eq)] = parsed.is_discarded() || parsed.is_object() || parsed.is_array()
                                    ? nlohmann::json(value) : parsed;
  }
  return extra;
}

std::string bandit_solver_names() {
  std::string names;
  for (const BanditSolverInfo& s : bandit_solver_list()) names += (names.empty() ? "" : ", ") + s.name;
  return names;
}

void check_solver_name(const std::string& name, bool bandit) {
  if (bandit) {
    for (const BanditSolverInfo& s : bandit_solver_list())
      if (s.name == name) return;
    throw CommandLineError("solve", "solver '" + name + "' does not learn from bandit feedback: choose one of " +
                                        bandit_solver_names());
  }
  for (const SolverInfo& s : solver_list())
    if (s.name == name) return;
  for (const BanditSolverInfo& s : bandit_solver_list())
    if (s.name == name)
      throw CommandLineError("solve", "solver " + name + " learns from bandit feedback: add --feedback bandit");
  if (is_markov_solver(name))
    throw CommandLineError("solve", "solver " + name +
                                        " learns Markov games (markov-random, markov-polymatrix, ... or a \"markov\" "
                                        "game file); for this game choose one of " + solver_names());
  throw CommandLineError("solve", "unknown solver '" + name + "': choose one of " + solver_names());
}

// `consequence` ends the message: what the option cannot do without a mixture.
void require_mixture_solver(const std::string& name, const std::string& consequence) {
  std::string alternatives;
  for (const SolverInfo& s : solver_list()) {
    if (s.name == name && s.plays_mixture) return;
    if (s.plays_mixture) alternatives += (alternatives.empty() ? "" : ", ") + s.name;
  }
  throw CommandLineError("solve", "solver " + name +
                                      " does not play a mixture of profiles (its output is an average strategy, "
                                      "not the rounds it played), so " + consequence + "; use " + alternatives);
}

// The distribution file grows by one line per round, all of about the same length: one
// line of the uniform profile, times the rounds, must fit in the free space of its disk.
void check_distribution_space(const std::string& path, const GameInput& game, std::int64_t rounds) {
  std::ostringstream line;
  write_distribution_line(line, game.compiled, game.compiled.uniform_profile(), game.normal_form(), 1.0);
  const std::uint64_t bytes = saturating_multiply(line.str().size(), static_cast<std::uint64_t>(rounds));
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  const std::filesystem::space_info space = std::filesystem::space(folder, ec);
  if (ec || bytes <= space.available) return;
  throw ResourceError("the distribution file " + path + " would take about " + memory_text(bytes) + " (" +
                      std::to_string(rounds) + " lines of about " + std::to_string(line.str().size()) +
                      " bytes), more than the " + memory_text(space.available) + " free on " + folder.string() +
                      "; write it to another disk or run fewer rounds");
}

}  // namespace

int run_solve(std::span<const std::string> argv) {
  const Args args = parse_args("solve", argv,
                               {{"--solver"}, {"--feedback"}, {"--iterations"}, {"--episodes"}, {"--seed"}, {"--out"}, {"--curve"},
                                {"--plot"}, {"--distribution"}, {"--param"}, {"--checkpoints"}, {"--threads"},
                                {"--k"}, {"--policy"}, {"--no-progress", false},
                                kMaxBytesFlag, kMaxNestingFlag, kMemoryBudgetFlag},
                               {"GAME"}, 1);
  if (is_markov_argument(args.positional[0])) return run_markov_solve(args);
  if (args.has("--policy")) throw CommandLineError("solve", "--policy writes the output policy of a Markov game");
  const std::string feedback = args.text("--feedback", "full");
  if (feedback != "full" && feedback != "bandit")
    throw CommandLineError("solve", "--feedback must be full or bandit, not '" + feedback + "'");
  const bool bandit = feedback == "bandit";
  if (bandit && args.has("--iterations"))
    throw CommandLineError("solve", "--iterations is for full feedback; with --feedback bandit give --episodes");
  if (!bandit && args.has("--episodes"))
    throw CommandLineError("solve", "--episodes needs --feedback bandit; with full feedback give --iterations");
  const std::string solver_name = args.text("--solver", bandit ? "ixomd" : "cfr+");
  // Bandit self-play runs one episode per iteration.
  const std::int64_t iterations =
      bandit ? args.integer("--episodes", 100000, 1) : args.integer("--iterations", 1000, 1);
  const std::uint64_t seed = args.unsigned_integer("--seed", 0);
  const int checkpoints = static_cast<int>(args.integer("--checkpoints", 30, 1, 100000));
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  const std::string out_path = args.text("--out"), curve_path = args.text("--curve"),
                    plot_path = args.text("--plot"), distribution_path = args.text("--distribution");
  check_solver_name(solver_name, bandit);
  nlohmann::json extra = solver_params(args.all("--param"));
  // --k K: the K of a K-EFCE learner, or, for any other solver that plays a mixture, the K
  // at which the mixture's K-EFCE gap is measured.
  std::optional<int> kefce_k;
  if (args.has("--k")) {
    kefce_k = static_cast<int>(args.integer("--k", 1, 0, 64));
    if (extra.contains("k")) throw CommandLineError("solve", "give K once: --k K or --param k=K, not both");
    if (solver_name == "kefr") extra["k"] = *kefce_k;
  }
  if ((out_path == "-") + (curve_path == "-") + (distribution_path == "-") > 1)
    throw CommandLineError("solve", "only one of --out, --curve and --distribution can be '-' (standard output)");
  if (plot_path == "-") throw CommandLineError("solve", "--plot needs a file name: a PNG does not go to standard output");
  // Standard output carries only the file written there, so the summary moves to stderr.
  const bool stdout_is_data = out_path == "-" || curve_path == "-" || distribution_path == "-";
  std::ostream& summary = stdout_is_data ? std::cerr : std::cout;

  // Everything that can fail fails now, before a long run.
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  if (!plot_path.empty() && find_program("gnuplot").empty())
    throw PlotError("gnuplot not found: install the gnuplot-nox package (or leave out --plot)");
  for (const std::string& path : {out_path, curve_path, plot_path, distribution_path})
    if (!path.empty()) prepare_output(path);
  SolverOptions options;
  options.seed = seed;
  options.extra = extra;
  // Bandit self-play always plays a mixture: the profile of each episode.
  if (!distribution_path.empty() && !bandit) require_mixture_solver(solver_name, "--distribution has nothing to write");
  if (kefce_k && !bandit) require_mixture_solver(solver_name, "--k has no mixture to measure");
  const MemoryBudget budget = memory_budget(args);
  const GameInput game = load_and_compile(args.positional[0], load_limits(args));
  RunMemoryRequest memory_request;
  memory_request.solver = solver_name;
  memory_request.bandit = bandit;
  memory_request.measure_mixture = !distribution_path.empty();
  memory_request.kefce_k = kefce_k;
  if (extra.contains("k") && extra["k"].is_number_integer()) memory_request.k = extra["k"].get<int>();
  check_memory_budget(estimate_run_memory(game.compiled, memory_request), budget,
                      "solving " + game.loaded.name + " with " + solver_name);
  if (!distribution_path.empty() && distribution_path != "-")
    check_distribution_space(distribution_path, game, iterations);
  std::unique_ptr<Solver> solver =
      bandit ? make_bandit_solver(solver_name, game.compiled, options, iterations)
             : make_solver(solver_name, game.compiled, options, game.normal_form());

  RunOptions run;
  run.iterations = iterations;
  run.checkpoints = checkpoints;
  run.progress = !args.has("--no-progress");
  run.progress_label = solver->name();
  run.kefce_k = kefce_k;
  std::ofstream distribution_file;
  if (!distribution_path.empty()) {
    std::ostream* distribution = &std::cout;
    if (distribution_path != "-") {
      distribution_file.open(distribution_path, std::ios::binary | std::ios::trunc);
      if (!distribution_file) throw BadInputError("cannot write " + distribution_path);
      distribution = &distribution_file;
    }
    // Every round has the same weight: the output is the uniform mixture of the T rounds.
    const double weight = 1.0 / static_cast<double>(iterations);
    run.measure_mixture = true;
    run.on_round = [&game, &solver, distribution, weight, &distribution_path](const Profile& played) {
      // The behavioural form, when the solver keeps it, carries the strategy at unreached
      // infosets too.
      write_distribution_line(*distribution, game.compiled, played, game.normal_form(), weight,
                              solver->played_behavioural());
      if (!*distribution) throw BadInputError("cannot write " + distribution_path + ": the disk may be full");
    };
  }
  const RunResult result = run_solver(*solver, game.compiled, run);

  std::vector<std::string> written;
  if (!out_path.empty()) {
    const nlohmann::ordered_json doc =
        run_result_json(*solver, game.loaded.name, game.compiled, game.normal_form(), result);
    write_text_file(out_path, doc.dump(2) + "\n");
    written.push_back(out_path);
  }
  if (!curve_path.empty()) {
    try {
      if (curve_path == "-") {
        write_curve_csv(result.curve, std::cout);
        std::cout.flush();
      } else {
        write_curve_csv(result.curve, curve_path);
      }
    } catch (const std::runtime_error& e) {
      throw BadInputError(e.what());
    }
    written.push_back(curve_path);
  }
  if (!distribution_path.empty()) {
    std::ostream& distribution = distribution_path == "-" ? std::cout : distribution_file;
    distribution.flush();
    if (!distribution) throw BadInputError("cannot write " + distribution_path);
    if (distribution_file.is_open()) distribution_file.close();
    if (distribution_file.fail()) throw BadInputError("cannot write " + distribution_path);
    written.push_back(distribution_path);
  }
  if (!plot_path.empty()) {
    PlotOptions plot;
    plot.title = game.loaded.name + ", " + solver->name() + ", " + std::to_string(solver->iteration()) +
                 (bandit ? " episodes" : " iterations");
    if (is_correlated_concept(result.concept_name)) plot.metrics = {"nfcce_gap", "efce_gap"};
    if (result.mixture && result.mixture->kefce_gap) plot.metrics = {"nfcce_gap", "efce_gap", "kefce_gap"};
    plot_curve_png(result.curve, plot_path, plot);
    written.push_back(plot_path);
  }

  summary << field("game") << game.loaded.name << "\n";
  summary << field("solver") << solver->name() << ", seed " << seed << ": " << solver->iteration()
            << (bandit ? " episodes (bandit feedback) in " : " iterations in ") << duration_text(result.seconds) << " (solver " << duration_text(result.solve_seconds)
            << ", evaluation " << duration_text(result.seconds - result.solve_seconds) << ")\n";
  print_run_summary(summary, game.compiled, result);
  if (!written.empty()) {
    std::string list;
    for (const std::string& w : written) list += (list.empty() ? "" : ", ") + (w == "-" ? "standard output" : w);
    summary << field("wrote") << list << "\n";
  }
  return kExitOk;
}

}  // namespace eqlab::cli

// eqlab solve: runs a solver on a game, prints the value and exploitability (or, for
// correlated concepts, the mixture's gaps), and writes the result file, the curve, its
// plot and the mixture played. Solvers, their parameters and their help come from the
// solver registry (algorithms/solver_registry.hpp).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <tbb/global_control.h>

#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/io/distribution_file.hpp>
#include <eqlab/games/io/gambit_profile.hpp>
#include <eqlab/lib/memory_text.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/runner.hpp>
#include <eqlab/sim/solver_catalog.hpp>

#include "cli.hpp"
#include "interrupt.hpp"
#include "game_input.hpp"
#include "markov_commands.hpp"
#include "output_file.hpp"
#include "param_args.hpp"
#include "report.hpp"

namespace eqlab::cli {

namespace {

// The options; the solvers follow, generated from the registry so that they are never
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
  --out-profile FILE  write the output profile as one line of behaviour
                      probabilities in the order Gambit's tools print them
                      (player, then information set in depth-first order,
                      then action), for comparing with Gambit on the .efg of
                      'eqlab convert GAME --to efg'; Nash learners only
  --distribution FILE write the mixture of the profiles played as JSON Lines,
                      one {"weight": 1/T, "strategies": [...]} per round, while
                      running; the result then records the mixture's
                      nfcce_gap and efce_gap ('eqlab eval --distribution'
                      recomputes them). Only for solvers that play a mixture
                      (--out, --curve, --distribution and --out-profile may
                      be '-': standard output, for one of them; the summary
                      then goes to standard error)
  --plot FILE         draw the curve (needs gnuplot): PNG, SVG or PDF, as the
                      name ends (.png, .svg, .pdf)
  --mkdir             create the missing folders of output files (else a path
                      into a folder that does not exist is refused)
  --k K               with --solver kefr (full or bandit feedback): the
                      number of deviations the K-EFCE deviator observes
                      (default 1; 0 is NFCCE, 1 is EFCE); with any other
                      solver that plays a mixture: also
                      measure the mixture's K-EFCE gap at K (kefce_gap)
  --param KEY=VALUE   a solver parameter, repeatable: each solver's parameters,
                      their values and defaults are listed below (an unknown
                      parameter or a value out of range is refused with the
                      valid ones). Every value in effect is written into the
                      result's solver.params
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

}  // namespace

std::string_view solve_help() {
  static const std::string text = [] {
    std::string t(kSolveOptionsHelp);
    t += solver_help_section("solvers", GameKind::extensive, Feedback::full);
    t += '\n';
    t += solver_help_section("bandit solvers (--feedback bandit)", GameKind::extensive, Feedback::bandit);
    t += kMarkovSolveHelp;
    t += '\n';
    t += solver_help_section("Markov-game solvers", GameKind::markov, Feedback::bandit);
    return t;
  }();
  return text;
}

namespace {

// What the command line asked for, checked before the game is loaded.
struct SolveRequest {
  bool bandit = false;
  const SolverEntry* entry = nullptr;
  std::int64_t iterations = 0;  // episodes with bandit feedback
  std::uint64_t seed = 0;
  int checkpoints = 30;
  std::int64_t threads = 0;
  std::string out_path, curve_path, plot_path, distribution_path, profile_path;
  nlohmann::json params;
  std::optional<int> kefce_k;  // --k
  bool progress = true;
};

// `consequence` ends the message: what the option cannot do without a mixture.
void require_mixture_solver(const SolverEntry& entry, const std::string& consequence) {
  if (entry.plays_mixture) return;
  std::string alternatives;
  for (const SolverEntry* s : registered_solvers(GameKind::extensive, Feedback::full))
    if (s->plays_mixture) alternatives += (alternatives.empty() ? "" : ", ") + s->name;
  throw CommandLineError("solve", "solver " + entry.name +
                                      " does not play a mixture of profiles (its output is an average strategy, "
                                      "not the rounds it played), so " + consequence + "; use " + alternatives);
}

// The feedback, the solver and the run's length.
void read_solver_choice(const Args& args, SolveRequest& request) {
  const std::string feedback = args.text("--feedback", "full");
  if (feedback != "full" && feedback != "bandit")
    throw CommandLineError("solve", "--feedback must be full or bandit, not '" + feedback + "'");
  request.bandit = feedback == "bandit";
  if (request.bandit && args.has("--iterations"))
    throw CommandLineError("solve", "--iterations is for full feedback; with --feedback bandit give --episodes");
  if (!request.bandit && args.has("--episodes"))
    throw CommandLineError("solve", "--episodes needs --feedback bandit; with full feedback give --iterations");
  const std::string solver = args.text("--solver", request.bandit ? "ixomd" : "cfr+");
  // Bandit self-play runs one episode per iteration.
  request.iterations = request.bandit ? args.integer("--episodes", 100000, 1) : args.integer("--iterations", 1000, 1);
  request.entry = &solver_entry(solver, GameKind::extensive, request.bandit ? Feedback::bandit : Feedback::full);
}

// --k K: the K of a K-EFCE learner, or, for any other solver that plays a mixture, the K
// at which the mixture's K-EFCE gap is measured.
void read_kefce_k(const Args& args, SolveRequest& request) {
  if (!args.has("--k")) return;
  request.kefce_k = static_cast<int>(args.integer("--k", 1, 0, 64));
  if (request.params.contains("k")) throw CommandLineError("solve", "give K once: --k K or --param k=K, not both");
  if (request.entry->learns == Concept::kefce) request.params["k"] = *request.kefce_k;
}

SolveRequest read_solve_request(const Args& args) {
  if (args.has("--policy")) throw CommandLineError("solve", "--policy writes the output policy of a Markov game");
  if (args.has("--mixture"))
    throw CommandLineError("solve", "--mixture evaluates the episode mixture of a Markov learner; an extensive-form solver's mixture is always measured");
  SolveRequest request;
  read_solver_choice(args, request);
  request.seed = args.unsigned_integer("--seed", 0);
  request.checkpoints = static_cast<int>(args.integer("--checkpoints", 30, 1, 100000));
  request.threads = args.integer("--threads", 0, 1, 4096);
  request.out_path = args.text("--out");
  request.curve_path = args.text("--curve");
  request.plot_path = args.text("--plot");
  request.distribution_path = args.text("--distribution");
  request.profile_path = args.text("--out-profile");
  request.progress = !args.has("--no-progress");
  request.params = param_values(args, "solve");
  read_kefce_k(args, request);
  check_solver_params(*request.entry, request.params);
  if ((request.out_path == "-") + (request.curve_path == "-") + (request.distribution_path == "-") +
          (request.profile_path == "-") >
      1)
    throw CommandLineError("solve",
                           "only one of --out, --curve, --distribution and --out-profile can be '-' (standard output)");
  if (!request.profile_path.empty() && is_correlated(request.entry->learns))
    throw CommandLineError("solve", "--out-profile writes one behaviour profile, but " + request.entry->name +
                                        " learns a correlated equilibrium, a mixture of profiles: write it with "
                                        "--distribution");
  if (request.plot_path == "-")
    throw CommandLineError("solve", "--plot needs a file name: a figure does not go to standard output");
  if (!request.plot_path.empty()) check_figure_name("solve", "--plot", request.plot_path);
  // Bandit self-play always plays a mixture: the profile of each episode.
  if (!request.distribution_path.empty() && !request.bandit)
    require_mixture_solver(*request.entry, "--distribution has nothing to write");
  if (request.kefce_k && !request.bandit) require_mixture_solver(*request.entry, "--k has no mixture to measure");
  return request;
}

// The distribution file grows by one line per round, all of about the same length: one
// line of the uniform profile, times the rounds, must fit in the free space of its disk.
void check_distribution_space(const std::string& path, const CompiledGame& game, std::int64_t rounds) {
  std::ostringstream line;
  write_distribution_line(line, game, game.uniform_profile(), 1.0);
  const std::uint64_t bytes = saturating_multiply(line.str().size(), static_cast<std::uint64_t>(rounds));
  if (bytes > kAnnouncedOutputBytes)
    std::cerr << "eqlab solve: note: the distribution file " << path << " will take about " << memory_text(bytes)
              << " (" << rounds << " lines of about " << line.str().size() << " bytes)\n";
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  const std::filesystem::space_info space = std::filesystem::space(folder, ec);
  if (ec || bytes <= space.available) return;
  throw ResourceError("the distribution file " + path + " would take about " + memory_text(bytes) + " (" +
                      std::to_string(rounds) + " lines of about " + std::to_string(line.str().size()) +
                      " bytes), more than the " + memory_text(space.available) + " free on " + folder.string() +
                      "; write it to another disk or run fewer rounds");
}

// The run's memory estimate against the budget, before anything large is allocated.
void check_run_memory(const SolveRequest& request, const GameInput& game, const MemoryBudget& budget) {
  RunMemoryRequest memory;
  memory.solver = request.entry->name;
  memory.feedback = request.bandit ? Feedback::bandit : Feedback::full;
  memory.measure_mixture = !request.distribution_path.empty();
  memory.kefce_k = request.kefce_k;
  if (request.params.contains("k") && request.params["k"].is_number_integer()) memory.k = request.params["k"].get<int>();
  check_memory_budget(estimate_run_memory(game.compiled, memory), budget,
                      "solving " + game.loaded.name + " with " + request.entry->name);
  if (!request.distribution_path.empty() && request.distribution_path != "-")
    check_distribution_space(request.distribution_path, game.compiled, request.iterations);
}

// Streams the mixture played to a file or standard output, one line per round. A file is
// written under "<path>.partial" and renamed by finish(), so that a run killed on the way
// leaves no file that looks like a whole mixture.
class DistributionWriter {
 public:
  explicit DistributionWriter(const std::string& path) : path_(path) {
    if (path_ == "-") return;
    file_.open(partial(), std::ios::binary | std::ios::trunc);
    if (!file_) throw BadInputError("cannot write " + path_);
  }
  ~DistributionWriter() {
    if (file_.is_open()) {  // not finished: an error, or a second Ctrl-C
      file_.close();
      std::remove(partial().c_str());
    }
  }
  DistributionWriter(const DistributionWriter&) = delete;
  DistributionWriter& operator=(const DistributionWriter&) = delete;

  // Every round has the same weight: the output is the uniform mixture of the T rounds.
  // The behavioural form, when the solver keeps it, carries the strategy at unreached
  // infosets too.
  void attach(RunOptions& run, const CompiledGame& game, const Solver& solver, std::int64_t rounds) {
    const double weight = 1.0 / static_cast<double>(rounds);
    run.measure_mixture = true;
    run.on_round = [this, &game, &solver, weight](const Profile& played) {
      write_distribution_line(stream(), game, played, weight, solver.played_behavioural());
      if (!stream()) throw BadInputError("cannot write " + path_ + ": the disk may be full");
    };
  }

  void finish() {
    stream().flush();
    if (!stream()) throw BadInputError("cannot write " + path_);
    if (!file_.is_open()) return;
    file_.close();
    if (file_.fail()) throw BadInputError("cannot write " + path_);
    if (std::rename(partial().c_str(), path_.c_str()) != 0) throw BadInputError("cannot write " + path_);
  }

 private:
  std::string partial() const { return path_ + ".partial"; }
  std::ostream& stream() { return path_ == "-" ? std::cout : file_; }
  std::string path_;
  std::ofstream file_;
};

void write_curve(const Curve& curve, const std::string& path) {
  try {
    if (path == "-") {
      write_curve_csv(curve, std::cout);
      std::cout.flush();
    } else {
      write_curve_csv(curve, path);
    }
  } catch (const std::runtime_error& e) {
    throw BadInputError(e.what());
  }
}

void plot_run(const SolveRequest& request, const GameInput& game, const Solver& solver, const RunResult& result) {
  PlotOptions plot;
  plot.title = game.loaded.name + ", " + solver.name() + ", " + std::to_string(solver.iteration()) +
               (request.bandit ? " episodes" : " iterations");
  if (is_correlated(result.solution_concept)) plot.metrics = {"nfcce_gap", "efce_gap"};
  if (result.mixture && result.mixture->kefce_gap) plot.metrics = {"nfcce_gap", "efce_gap", "kefce_gap"};
  plot.format = plot_format_for(request.plot_path);
  plot_curves({{"", result.curve}}, request.plot_path, plot);
}

// Writes the result, curve and plot asked for; returns the names written.
std::vector<std::string> write_outputs(const SolveRequest& request, const GameInput& game, const Solver& solver,
                                       const RunResult& result) {
  std::vector<std::string> written;
  if (!request.out_path.empty()) {
    const nlohmann::ordered_json doc =
        run_result_json(solver, game.loaded.name, game.compiled, result);
    write_text_file(request.out_path, doc.dump(2) + "\n");
    written.push_back(request.out_path);
  }
  if (!request.curve_path.empty()) {
    write_curve(result.curve, request.curve_path);
    written.push_back(request.curve_path);
  }
  if (!request.profile_path.empty()) {
    const Profile behavioural = game.compiled.behavioural_profile(solver.output_profile());
    const std::string line = gambit_behaviour_profile(game.compiled, behavioural) + "\n";
    if (request.profile_path == "-") std::cout << line << std::flush;
    else write_text_file(request.profile_path, line);
    written.push_back(request.profile_path);
  }
  return written;
}

void print_solve_summary(std::ostream& summary, const SolveRequest& request, const GameInput& game,
                         const Solver& solver, const RunResult& result, const std::vector<std::string>& written) {
  summary << field("game") << game.loaded.name << "\n";
  summary << field("solver") << solver.name() << preset_text(solver.params()) << ", seed " << request.seed << ": "
          << solver.iteration()
          << (request.bandit ? " episodes (bandit feedback) in " : " iterations in ") << duration_text(result.seconds)
          << " (solver " << duration_text(result.solve_seconds) << ", evaluation "
          << duration_text(result.seconds - result.solve_seconds) << ")\n";
  print_run_summary(summary, game.compiled, result);
  if (written.empty()) return;
  std::string list;
  for (const std::string& w : written) list += (list.empty() ? "" : ", ") + (w == "-" ? "standard output" : w);
  summary << field("wrote") << list << "\n";
}

}  // namespace

int run_solve(std::span<const std::string> argv) {
  const Args args = parse_args("solve", argv,
                               {{"--solver"}, {"--feedback"}, {"--iterations"}, {"--episodes"}, {"--seed"}, {"--out"}, {"--curve"},
                                {"--plot"}, {"--distribution"}, {"--out-profile"}, {"--param"}, {"--checkpoints"}, {"--threads"},
                                {"--k"}, {"--policy"}, {"--data"}, {"--no-progress", false}, {"--mixture", false}, kMkdirFlag,
                                kMaxBytesFlag, kMaxNestingFlag, kMemoryBudgetFlag},
                               {"GAME"}, 1);
  allow_new_folders(args);
  if (is_markov_argument(args.positional[0])) return run_markov_solve(args);
  const SolveRequest request = read_solve_request(args);
  // Standard output carries only the file written there, so the summary moves to stderr.
  const bool stdout_is_data = request.out_path == "-" || request.curve_path == "-" ||
                              request.distribution_path == "-" || request.profile_path == "-";
  std::ostream& summary = stdout_is_data ? std::cerr : std::cout;

  // Everything that can fail fails now, before a long run.
  std::optional<tbb::global_control> thread_limit;
  if (request.threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(request.threads));
  if (!request.plot_path.empty() && find_program("gnuplot").empty())
    throw PlotError("gnuplot not found: install the gnuplot-nox package (or leave out --plot)");
  for (const std::string& path :
       {request.out_path, request.curve_path, request.plot_path, request.distribution_path, request.profile_path})
    if (!path.empty()) prepare_output(path);
  const MemoryBudget budget = memory_budget(args);
  const GameInput game = load_and_compile(args.positional[0], load_limits(args));
  check_run_memory(request, game, budget);
  const std::unique_ptr<Solver> solver =
      make_solver(*request.entry, game.compiled, request.params, request.seed, request.iterations);

  RunOptions run;
  run.iterations = request.iterations;
  run.checkpoints = request.checkpoints;
  run.progress = request.progress;
  run.progress_label = solver->name();
  run.kefce_k = request.kefce_k;
  const InterruptWatch interrupt;
  run.should_stop = [] { return InterruptWatch::requested(); };
  std::optional<DistributionWriter> distribution;
  if (!request.distribution_path.empty()) {
    distribution.emplace(request.distribution_path);
    distribution->attach(run, game.compiled, *solver, request.iterations);
  }
  const RunResult result = run_solver(*solver, game.compiled, run);

  std::vector<std::string> written = write_outputs(request, game, *solver, result);
  if (distribution) {
    distribution->finish();
    written.push_back(request.distribution_path);
  }
  if (!request.plot_path.empty()) {
    plot_run(request, game, *solver, result);
    written.push_back(request.plot_path);
  }
  print_solve_summary(summary, request, game, *solver, result, written);
  if (result.interrupted) {
    summary << field("interrupted") << "at " << solver->iteration() << " of " << request.iterations
            << (request.bandit ? " episodes" : " iterations")
            << ": the files written describe what was played so far\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace eqlab::cli

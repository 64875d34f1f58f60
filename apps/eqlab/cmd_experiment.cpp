// eqlab experiment: a grid of games × algorithms × seeds from a JSON config, run in
// parallel, summarised over seeds (means, 95% intervals, fitted rates) and plotted.
#include <filesystem>
#include <cmath>
#include <iostream>
#include <optional>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/progress.hpp>
#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/markov/markov_experiment.hpp>
#include <eqlab/sim/marlhf/marlhf_experiment.hpp>

#include "cli.hpp"
#include "interrupt.hpp"
#include "output_file.hpp"
#include "game_input.hpp"
#include "process_group.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kExperimentHelp =
    R"help(usage: eqlab experiment CONFIG.json --out DIR [--resume] [--threads K]
                        [--no-plots] [--no-progress]

Runs every algorithm of CONFIG on every game with every seed, each run for the
same iterations and measured at the same log-spaced checkpoints, several runs
at a time. The files are the same for any number of threads.

CONFIG:
  {"name": "full-feedback-efce",
   "games": ["kuhn(players=3)", "sheriff(max_items=2,max_bribe=2,rounds=2)",
             {"game": "games/shapley.json", "label": "shapley"}],
   "algorithms": [{"solver": "omd", "feedback": "full"},
                  {"solver": "efce-omd", "label": "efce-omd-theory",
                   "params": {"step": "theory"}}],
   "seeds": 5,               (0..4; or a list [3, 17, 42])
   "iterations": 10000,
   "checkpoints": 30,        (default 30)
   "metric": "efce_gap"}     (the metric plotted and fitted, a curve column such as
                              efce_gap, nfcce_gap, kefce_gap or exploitability;
                              default efce_gap)
Game files are looked up beside CONFIG first. A label (default: the solver
name; for games the spec with other characters than letters, digits and
"._+-" turned into '_') names the folders and legend entries. With feedback
"bandit" the solver is a bandit solver of 'eqlab help solve' (ixomd, ...):
every step is one sampled episode, and "iterations" is the number of
episodes, the horizon its step sizes are tuned for.

DIR receives:
  experiment.json             what the runs depend on (games, algorithms,
                              iterations, checkpoints)
  runs/GAME/LABEL/seed-S.csv  the learning curve of each run
  summary.csv                 game,label,metric,iteration,seeds,mean,sd,low,high:
                              the mean over seeds and its 95% interval,
                              mean ± t(0.975, n-1)·sd/sqrt(n) (Student's t;
                              sd, low and high are nan for one seed)
  rates.csv                   game,label,metric,points,first_iteration,
                              last_iteration,slope,theory: the least-squares
                              slope of log(mean metric × T) against log(T) over
                              the checkpoints with T >= T_max/100, beside the
                              theory value 0.5 (regret growing as sqrt(T));
                              then seed_slopes,seed_slope_mean,seed_slope_low,
                              seed_slope_high: the same fit on each seed's
                              curve, their mean and its 95% interval; then
                              eps_points,eps_slope,eps_theory,eps_seed_slopes,
                              eps_seed_mean,eps_seed_low,eps_seed_high: the
                              episodes T(ε) to bring the mean metric down to ε,
                              for 10 values of ε log-spaced from its value at
                              the first checkpoint with T >= T_max/100 to its
                              last value, T(ε) the first checkpoint at or below
                              ε (interpolated log-linearly); the slope of
                              log T(ε) against log(1/ε), beside the theory
                              value 2 (a metric falling as 1/sqrt(T)); nan
                              when the metric does not fall; then per seed
  sizes.csv                   with two games or more: game,label,metric,xa,
                              sqrt_xa,final_iteration,final_regret_mean,
                              final_regret_low,final_regret_high: the regret,
                              metric × T at the last checkpoint, over seeds,
                              beside XA, the most sequences of any player of
                              the game (the empty one left out)
  size_rates.csv              label,metric,games,slope,theory: per algorithm,
                              the slope of log(final regret) against
                              log(sqrt(XA)) over the games, theory 1
  plots/GAME.png, .svg        the metric's mean per algorithm with its interval
                              as a band (needs gnuplot; skipped with a note
                              without it)
  plots/size.png, .svg        with two games or more: final regret against
                              sqrt(XA), log-log, one line per algorithm with
                              95% error bars
Each file appears under its name only once complete. With --resume, complete
run files already in DIR are kept and only the missing runs are made, so a
stopped experiment finishes with the same summary as an uninterrupted one;
a DIR made by a config with other games, algorithms, iterations or
checkpoints is refused (more seeds are fine). Markov experiments resume the
same way (their DIR must hold the same experiment.json but for the seeds).

A config with "type": "marlhf" runs the preference learner instead: games x
behaviours (equilibrium, unilateral, uniform, policy files) x variants (marlhf
params) x dataset sizes x seeds, and writes runs.csv, summary.csv (mean Nash
gap and reward error over seeds, 95% intervals), fits.csv (slope of log gap
against log pairs) and plots; docs/FORMAT.md, "Preference experiments". Example:
examples/experiments/marlhf-coverage.json. It does not resume.

Over several machines: started by mpirun or srun (eqlab built with an MPI
library such as Debian's libopenmpi-dev), each process makes every P-th run of
the grid and writes its run files; process 0 then writes the summary and the
plots, byte for byte those of a single process. Processes on one machine share
its cores unless --threads is given. See docs/SCALING.md.

options:
  --out DIR           the output folder (required)
  --mkdir             create the folders above DIR when they are missing
  --resume            keep the complete runs found in DIR
  --threads K         use at most K threads (default: all cores)
  --no-plots          do not draw the plots
  --no-progress       no progress bar over runs
  --memory-budget M   the memory the runs may hold together (default 80%: of
                      the memory available at the start; or a size such as
                      16GiB): a run whose estimate does not fit beside the
                      games is refused before anything runs (exit 3; in a
                      Markov experiment it is marked refused), and fewer runs
                      go at a time when that many would not fit

example:
  eqlab experiment examples/experiments/full-feedback-efce.json --out results/efce
)help";

namespace {

// A preference experiment ("type": "marlhf"): Nash gap against dataset size.
int run_marlhf_experiment_command(const Args& args, const std::string& config_path, const std::string& out_dir) {
  if (args.has("--resume"))
    throw CommandLineError("experiment", "--resume is for the learners' experiments: a preference experiment reruns whole");
  const MarlhfExperimentConfig config = load_marlhf_experiment_config(config_path);
  MarlhfExperimentOptions options;
  options.out_dir = out_dir;
  options.plots = !args.has("--no-plots");
  const std::int64_t tasks =
      static_cast<std::int64_t>(config.games.size() * config.behaviours.size() * config.seeds.size());
  ProgressBar bar("datasets", tasks, !args.has("--no-progress"));
  options.on_task_done = [&](std::int64_t done, std::int64_t) { bar.update(done); };
  const InterruptWatch interrupt;
  options.should_stop = [] { return InterruptWatch::requested(); };
  MarlhfExperimentReport report;
  try {
    report = run_marlhf_experiment(config, options);
  } catch (const UsageError& e) {
    throw BadInputError(config_path + ": " + e.what());
  }
  bar.finish();
  if (report.interrupted) {
    std::cerr << "eqlab experiment: interrupted: no file written\n";
    return kExitInterrupted;
  }
  std::cout << field("experiment") << config.name << "\n" << field("runs") << report.runs << "\n";
  for (const MarlhfFitRow& fit : report.fits) {
    std::cout << field("fit") << fit.game << ", " << fit.behaviour
              << (config.variants.size() > 1 ? ", " + fit.variant : std::string()) << ": ";
    if (std::isnan(fit.slope)) std::cout << "the mean gap is positive at " << fit.points << " sizes only, no slope\n";
    else
      std::cout << "mean Nash gap ∝ pairs^" << value_text(fit.slope) << " [" << value_text(fit.low) << ", "
                << value_text(fit.high) << "] over " << fit.points << " sizes\n";
  }
  for (const MarlhfSummaryRow& row : report.summary)
    if (row.pairs == config.pairs.back())
      std::cout << field("largest") << row.game << ", " << row.behaviour
                << (config.variants.size() > 1 ? ", " + row.variant : std::string()) << ": gap "
                << gap_text(row.gap_mean) << " [" << gap_text(row.gap_low) << ", " << gap_text(row.gap_high)
                << "] at " << row.pairs << " pairs\n";
  for (const std::string& file : report.files) std::cout << field("wrote") << file << "\n";
  return kExitOk;
}

// A Markov experiment ("type": "markov"): sample complexity against a game parameter.
int run_markov_experiment_command(const Args& args, const std::string& config_path, const std::string& out_dir,
                                  const MemoryBudget& budget) {
  const MarkovExperimentConfig config = load_markov_experiment_config(config_path);
  MarkovExperimentOptions options;
  options.out_dir = out_dir;
  options.plots = !args.has("--no-plots");
  options.progress = !args.has("--no-progress");
  options.memory_budget = budget;
  options.resume = args.has("--resume");
  // Ctrl-C stops the experiment with every finished run kept, as for extensive-form ones.
  const InterruptWatch interrupt;
  options.should_stop = [] { return InterruptWatch::requested(); };
  const MarkovExperimentReport report = run_markov_experiment(config, options);
  if (report.interrupted) {
    std::cerr << "eqlab experiment: interrupted: the finished runs are in " << out_dir
              << "; rerun with --resume to finish the grid and write the summary\n";
    return kExitInterrupted;
  }
  std::cout << field("experiment") << config.name << "\n" << field("runs") << report.runs;
  if (report.runs_resumed > 0) std::cout << " (" << report.runs_resumed << " kept from before)";
  if (report.refused > 0) std::cout << " (" << report.refused << " game/algorithm pairs refused)";
  std::cout << "\n";
  // Episode counts are medians of interpolated crossings: whole numbers are precise enough.
  for (const MarkovEpisodesRow& row : report.episodes)
    std::cout << field("episodes") << row.label << " on " << row.game << " (x = " << value_text(row.x)
              << ", ε = " << value_text(row.epsilon)
              << "): " << (row.status == "ok" ? std::to_string(std::llround(row.median)) : row.status) << " ("
              << row.reached << "/" << row.seeds << " seeds reached)\n";
  for (const MarkovFitRow& fit : report.fits) {
    std::cout << field("fit") << fit.label << ", ε = " << value_text(fit.epsilon) << ": ";
    if (std::isnan(fit.slope)) {
      std::cout << "fewer than two points reached ε, no fit\n";
      continue;
    }
    std::cout << "episodes grow as " << (fit.model == "power" ? "x^b" : "e^(b x)") << ", b = " << value_text(fit.slope)
              << " [" << value_text(fit.low) << ", " << value_text(fit.high) << "] over " << fit.points << " points"
              << (std::isnan(fit.theory) ? "" : " (theory " + value_text(fit.theory) + ")") << "\n";
  }
  for (const MarkovEpsilonFitRow& fit : report.epsilon_fits) {
    std::cout << field("fit") << fit.label << " on " << fit.game << ": ";
    if (std::isnan(fit.slope))
      std::cout << "fewer than two ε reached, no slope\n";
    else
      std::cout << "episodes grow as (1/ε)^" << value_text(fit.slope) << " [" << value_text(fit.low) << ", "
                << value_text(fit.high) << "]\n";
  }
  for (const std::string& file : report.files) std::cout << field("wrote") << file << "\n";
  for (const std::string& note : report.notes) std::cerr << "eqlab experiment: " << note << "\n";
  return kExitOk;
}

// The grid spread over the processes of an MPI job: each makes the runs of its shard
// (run index modulo the number of processes), then process 0 summarises and plots from the
// run files, exactly as one process would. Returns the report of that summary (process 0)
// or of the process's own shard (the others).
ExperimentReport run_experiment_over_processes(const ProcessGroup& group, const ExperimentConfig& config,
                                               const std::string& config_path, ExperimentOptions options,
                                               long long& runs_kept) {
  ExperimentOptions shard = options;
  shard.shard_index = group.rank();
  shard.shard_count = group.size();
  shard.plots = false;
  shard.progress = options.progress && group.rank() == 0;
  ExperimentReport report;
  std::exception_ptr failure;
  try {
    report = eqlab::run_experiment(config, config_path, shard);
  } catch (...) {
    failure = std::current_exception();
  }
  // Every process reaches this collective call, failed or not, so none waits forever.
  const bool every_shard_done = group.all(failure == nullptr);
  runs_kept = group.sum(report.runs_resumed);
  if (failure) std::rethrow_exception(failure);
  if (!every_shard_done)
    throw UsageError("another process of the MPI job failed (its message is above); the run files made so far are "
                     "kept: rerun with --resume to finish the grid");
  if (group.rank() != 0) return report;
  options.resume = true;  // every run file is there now: this only reads them back
  options.progress = false;
  return eqlab::run_experiment(config, config_path, options);
}

}  // namespace

int run_experiment(std::span<const std::string> argv) {
  const Args args = parse_args("experiment", argv,
                               {{"--out"}, {"--resume", false}, {"--threads"}, {"--no-plots", false},
                                {"--no-progress", false}, kMkdirFlag, kMemoryBudgetFlag},
                               {"CONFIG.json"}, 1);
  const std::string out_dir = args.text("--out");
  if (out_dir.empty()) throw CommandLineError("experiment", "missing --out DIR, the folder to write");
  if (out_dir == "-") throw CommandLineError("experiment", "--out needs a folder: the results are several files");
  // The folder itself is the experiment's to create; a missing folder above it is a typo
  // unless --mkdir says otherwise.
  if (const std::filesystem::path above = std::filesystem::path(out_dir).parent_path();
      !above.empty() && !std::filesystem::is_directory(above) && !args.has("--mkdir"))
    throw BadInputError("cannot write " + out_dir + ": the folder " + above.string() +
                        " does not exist (give --mkdir to create it)");
  const ProcessGroup group;
  std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  // Processes that share a machine share its cores, unless --threads says otherwise.
  if (threads == 0 && group.local_size() > 1)
    threads = std::max<std::int64_t>(1, tbb::info::default_concurrency() / group.local_size());
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  MemoryBudget budget = memory_budget(args);
  // Processes on one machine share its memory as they share its cores.
  if (group.local_size() > 1 && budget.bytes > 0) {
    budget.bytes /= static_cast<std::uint64_t>(group.local_size());
    budget.origin += ", shared by the " + std::to_string(group.local_size()) + " processes on this machine";
  }
  const std::string config_path = args.positional[0];
  if (is_marlhf_experiment_file(config_path)) {
    if (group.size() > 1)
      throw CommandLineError("experiment", "preference experiments run in one process; run this config without mpirun");
    return run_marlhf_experiment_command(args, config_path, out_dir);
  }
  if (is_markov_experiment_file(config_path)) {
    if (group.size() > 1)
      throw CommandLineError("experiment", "Markov experiments run in one process; run this config without mpirun");
    return run_markov_experiment_command(args, config_path, out_dir, budget);
  }
  const ExperimentConfig config = load_experiment_config(config_path);
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec || !std::filesystem::is_directory(out_dir))
    throw BadInputError("cannot create the folder " + out_dir + (ec ? ": " + ec.message() : std::string()));

  ExperimentOptions options;
  options.out_dir = out_dir;
  options.resume = args.has("--resume");
  options.plots = !args.has("--no-plots");
  options.progress = !args.has("--no-progress");
  options.memory_budget = budget;
  long long runs_kept = 0;
  ExperimentReport report;
  if (group.size() > 1) {
    report = run_experiment_over_processes(group, config, config_path, options, runs_kept);
    if (group.rank() != 0) return kExitOk;  // process 0 reports for the whole grid
  } else {
    // Ctrl-C stops a single-process experiment with every finished run kept.
    const InterruptWatch interrupt;
    options.should_stop = [] { return InterruptWatch::requested(); };
    report = eqlab::run_experiment(config, config_path, options);
    runs_kept = report.runs_resumed;
    if (report.interrupted) {
      std::cerr << "eqlab experiment: interrupted: the finished runs are in " << out_dir
                << "; rerun with --resume to finish the grid and write the summary\n";
      return kExitInterrupted;
    }
  }

  std::cout << field("experiment") << config.name << "\n"
            << field("runs") << report.runs;
  if (group.size() > 1) std::cout << " over " << group.size() << " processes";
  if (runs_kept > 0) std::cout << " (" << runs_kept << " kept from before)";
  std::cout << "\n";
  for (const RateRow& rate : report.rates)
    std::cout << field("rate") << rate.game << ", " << rate.label << ": " << rate.metric << "·T grows as T^"
              << value_text(rate.slope) << " (theory " << value_text(rate.theory) << ", " << rate.points
              << " checkpoints)\n";
  for (const std::string& file : report.files) std::cout << field("wrote") << file << "\n";
  for (const std::string& note : report.notes) std::cerr << "eqlab experiment: " << note << "\n";
  return kExitOk;
}

}  // namespace eqlab::cli

// A solver added the way CONTRIBUTING.md says: this one source file, with its
// registration, and nothing else changed. It then runs through everything eqlab offers a
// registered solver: the by-name factory with parameter checking, the runner and the
// result document of `eqlab solve`, the help text, the memory estimate and an experiment.
//
// The toy: "fixed-mix" plays, at every infoset, the first action with probability `bias`
// and the others evenly; its output is that profile. On matching pennies with bias 1/2 it
// is the equilibrium (exploitability 0); with bias 0.8 each player can gain 0.6.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/runner.hpp>
#include <eqlab/sim/solver_catalog.hpp>

namespace {

using namespace eqlab;

class FixedMixSolver final : public Solver {
 public:
  FixedMixSolver(const CompiledGame& game, double bias) : game_(game), bias_(bias), profile_(game.uniform_profile()) {
    // Behavioural probabilities at every infoset, then the sequence form top-down (the
    // treeplex lists infosets parents first).
    for (int p = 0; p < game.num_players(); ++p) {
      const Treeplex& tp = game.treeplex[p];
      for (int i = 0; i < tp.num_infosets(); ++i) {
        const int n = tp.num_actions[i];
        for (int a = 0; a < n; ++a) {
          const double behavioural = n == 1 ? 1.0 : a == 0 ? bias_ : (1.0 - bias_) / (n - 1);
          profile_[p][tp.first_seq[i] + a] = profile_[p][tp.parent_seq[i]] * behavioural;
        }
      }
    }
  }
  void step() override { ++iteration_; }
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override { return "fixed-mix"; }
  nlohmann::json params() const override { return {{"bias", bias_}}; }
  Profile output_profile() const override { return profile_; }
  Profile current_profile() const override { return profile_; }

 private:
  const CompiledGame& game_;
  double bias_;
  Profile profile_;
  std::int64_t iteration_ = 0;
};

SolverEntry fixed_mix_entry() {
  SolverEntry e;
  e.name = "fixed-mix";
  e.learns = Concept::nash;
  e.summary = "plays the first action with probability bias at every infoset (a test of the registry)";
  e.note = "evaluation.md";
  e.params = {probability_param("bias", "0.5", "the probability of each infoset's first action")};
  e.make = [](const SolverRequest& request) {
    const JsonOptionReader in(request.params, "fixed-mix", {"bias"});
    return std::make_unique<FixedMixSolver>(request.game, in.below_one("bias", 0.5));
  };
  e.learner_bytes = sequence_learner_bytes;
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(fixed_mix_entry)

namespace {

CompiledGame matching_pennies() {
  const std::string path = EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json";
  return compile(load_game(path).tree);
}

}  // namespace

TEST_CASE("registry: a solver registered from one file is found, checked, run and written like any other") {
  const CompiledGame game = matching_pennies();
  const SolverEntry* entry = find_solver("fixed-mix", GameKind::extensive, Feedback::full);
  REQUIRE(entry != nullptr);
  CHECK(find_solver("fixed-mix", GameKind::extensive, Feedback::bandit) == nullptr);

  // eqlab solve: the factory by name, the runner, the result document.
  SolverOptions options;
  options.extra = {{"bias", "0.8"}};  // as --param bias=0.8 gives it
  std::unique_ptr<Solver> solver = make_solver("fixed-mix", game, options, 10);
  RunOptions run;
  run.iterations = 10;
  run.checkpoints = 2;
  run.progress = false;
  const RunResult result = run_solver(*solver, game, run);
  // Each player gains 0.6 by deviating to the pure best response: 0.8 - 0.2 = 0.6 against
  // a payoff of 0 at the fixed mix, so NashConv 1.2 and exploitability 0.6.
  CHECK(result.final_report.nash_conv == doctest::Approx(1.2).epsilon(1e-12));
  CHECK(result.final_report.exploitability == doctest::Approx(0.6).epsilon(1e-12));
  const nlohmann::ordered_json doc = run_result_json(*solver, "matching pennies", game, result);
  CHECK(doc["solver"]["name"] == "fixed-mix");
  CHECK(doc["solver"]["params"]["bias"] == 0.8);
  CHECK(doc["iterations"] == 10);

  // At bias 1/2 it is the equilibrium.
  options.extra = {{"bias", 0.5}};
  const NashReport even = evaluate_nash(game, make_solver("fixed-mix", game, options)->output_profile());
  CHECK(even.exploitability == doctest::Approx(0.0).epsilon(1e-15));

  // Its schema refuses what it does not take, naming what it does.
  options.extra = {{"bias", 1.5}};
  CHECK_THROWS_WITH_AS(make_solver("fixed-mix", game, options), "solver fixed-mix: bias must be below 1, not 1.5",
                       UsageError);
  options.extra = {{"bais", 0.3}};
  CHECK_THROWS_WITH_AS(make_solver("fixed-mix", game, options), "solver fixed-mix: unknown parameter bais (did you mean bias? The parameters: bias)",
                       UsageError);
}

TEST_CASE("registry: the toy solver is in the help, the README table and the memory estimate") {
  const std::string help = solver_help_section("solvers", GameKind::extensive, Feedback::full);
  CHECK(help.find("\n  fixed-mix") != std::string::npos);
  CHECK(help.find("bias=a number in (0, 1) (default 0.5)") != std::string::npos);
  CHECK(solver_table_markdown().find("| `fixed-mix` | extensive | full | nash |") != std::string::npos);

  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  RunMemoryRequest request;
  request.solver = "fixed-mix";
  const MemoryEstimate estimate = estimate_run_memory(kuhn, request);
  // The game, 96 bytes per sequence of learner state (26 sequences in Kuhn poker) and the
  // evaluation.
  CHECK(estimate.total() > compiled_game_bytes(kuhn) + 96 * 26);
}

TEST_CASE("registry: the toy solver runs in an experiment") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "eqlab-test-toy-solver";
  fs::remove_all(dir);
  nlohmann::json config = nlohmann::json::parse(R"json({
    "name": "toy", "seeds": 2, "iterations": 20, "checkpoints": 3, "metric": "exploitability",
    "algorithms": [{"solver": "fixed-mix", "params": {"bias": 0.8}}, {"solver": "cfr+"}]})json");
  config["games"] = {EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json"};
  ExperimentOptions options;
  options.out_dir = dir.string();
  options.plots = false;
  const ExperimentReport report = run_experiment(parse_experiment_config(config, "toy.json"), "toy.json", options);
  bool found = false;
  for (const SummaryRow& row : report.summary) {
    if (row.label != "fixed-mix" || row.metric != "exploitability" || row.iteration != 20) continue;
    found = true;
    CHECK(row.seeds == 2);
    CHECK(row.mean == doctest::Approx(0.6).epsilon(1e-12));
  }
  CHECK(found);
  fs::remove_all(dir);
}

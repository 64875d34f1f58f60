#pragma once
// The one registry of solvers, for every kind of game and feedback. An entry says what a
// solver is (name, game kind, feedback, the concept it learns, the note that documents
// it), what it accepts (the parameter schema), what a run of it will hold in memory, and
// how to build it. Each solver registers itself from its own source file:
//
//   EQLAB_REGISTER_SOLVER(my_solver_entry);   // SolverEntry my_solver_entry() { ... }
//
// so that adding a solver is one new source file and its test (CONTRIBUTING.md). The
// command line's `eqlab help solve`, `eqlab games`, `--param` checking, memory budgets
// and experiments all read this registry; nothing else lists solvers.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/concept.hpp>
#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

enum class GameKind { extensive, markov };
enum class Feedback { full, bandit };
std::string_view game_kind_name(GameKind kind);  // "extensive", "markov"
std::string_view feedback_name(Feedback feedback);  // "full", "bandit"

// What a factory of an extensive-form solver receives. `params` has been checked against
// the entry's schema. `horizon`: the iterations (full feedback) or episodes (bandit) the
// run will make, the T that theory step sizes are tuned for.
struct SolverRequest {
  const CompiledGame& game;
  const nlohmann::json& params;
  std::uint64_t seed = 0;
  std::int64_t horizon = 1;
};

// What a factory of a Markov-game solver receives.
struct MarkovSolverRequest {
  const MarkovModel& model;
  const nlohmann::json& params;
  std::uint64_t seed = 0;
  std::int64_t planned_episodes = 1;
};

// What the memory estimate of an extensive-form run needs beyond the game.
struct RunMemoryRequest {
  std::string solver;
  Feedback feedback = Feedback::full;
  bool measure_mixture = false;  // the runner measures the mixture (always for correlated learners)
  std::optional<int> kefce_k;    // and its K-EFCE gap at this K (K-EFR: its own k)
  int k = 1;                     // K-EFR's k
};

struct SolverEntry {
  std::string name;            // as given to --solver; unique per (game kind, feedback)
  GameKind game_kind = GameKind::extensive;
  Feedback feedback = Feedback::full;
  Concept learns = Concept::nash;
  // The concept is Nash on two-player constant-sum games (where the average of no-regret
  // self-play converges to one) and `learns` elsewhere.
  bool nash_on_two_player_zero_sum = false;
  std::string summary;         // one line for `eqlab help solve`
  std::string note;            // the note in docs/algorithms/ that documents it, e.g. "cfr.md"
  std::vector<ParamSpec> params;
  bool normal_form_only = false;
  // Its played_profile() is the product profile of every round (see Solver), so the
  // mixture of its rounds can be measured and written out.
  bool plays_mixture = false;

  // Extensive-form solvers (full or bandit feedback): the learner's own state in bytes,
  // beyond the few doubles per sequence every learner keeps; see algorithms/run_memory.hpp.
  std::function<std::unique_ptr<Solver>(const SolverRequest&)> make;
  std::function<std::uint64_t(const CompiledGame&, const RunMemoryRequest&)> learner_bytes;
  // Markov-game solvers: the whole estimate of a run of `episodes` episodes.
  std::function<std::unique_ptr<MarkovSolver>(const MarkovSolverRequest&)> make_markov;
  std::function<MemoryEstimate(const MarkovModel&, std::int64_t episodes)> markov_memory;

  // The concept this solver's output approximates on `game` (extensive-form solvers).
  Concept concept_on(const CompiledGame& game) const;
};

// An entry with its identity filled in: what registrations start from.
SolverEntry make_entry(std::string name, GameKind kind, Feedback feedback, Concept learns, std::string note,
                       std::string summary);

// Adds an entry; a second entry of the same name, kind and feedback, or an entry without
// its factory, memory estimate or note, stops the program with a message at start-up
// (these are programming errors, found by any test that starts).
void register_solver(SolverEntry entry);

// Every registered solver: by game kind (extensive, Markov), feedback (full, bandit), then
// in the order of kSolverOrder in solver_registry.cpp, any others by name.
std::vector<const SolverEntry*> registered_solvers();
std::vector<const SolverEntry*> registered_solvers(GameKind kind, Feedback feedback);
// The entry, or nullptr.
const SolverEntry* find_solver(std::string_view name, GameKind kind, Feedback feedback);
// The entry; UsageError naming the solvers of that kind and feedback otherwise (and, when
// the name exists with another feedback or for another kind of game, saying so).
const SolverEntry& solver_entry(std::string_view name, GameKind kind, Feedback feedback);
// "cfr, cfr+, ..." for that kind and feedback.
std::string solver_names(GameKind kind, Feedback feedback);

// Checks `params` (null or a JSON object of values or --param texts) against the entry's
// schema: UsageError for an unknown key (listing the valid ones) or a value of the wrong
// kind or out of range (saying what it must be).
void check_solver_params(const SolverEntry& entry, const nlohmann::json& params);

// Checks the parameters, then builds the solver for a run of `horizon` iterations or
// episodes. UsageError as above, or when the game does not suit the solver.
std::unique_ptr<Solver> make_solver(const SolverEntry& entry, const CompiledGame& game, const nlohmann::json& params,
                                    std::uint64_t seed, std::int64_t horizon);
std::unique_ptr<MarkovSolver> make_markov_solver(const SolverEntry& entry, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes);

// By name, for programs and tests that know which solver they want: the seed and the
// parameters (a JSON object of values or --param texts).
struct SolverOptions {
  std::uint64_t seed = 0;
  nlohmann::json extra = nlohmann::json::object();
};
// The extensive-form solver `name` with full feedback, for a run of `iterations`.
std::unique_ptr<Solver> make_solver(std::string_view name, const CompiledGame& game, const SolverOptions& options = {},
                                    std::int64_t iterations = 1);
// The extensive-form solver `name` with bandit feedback, for a run of `episodes` (the
// horizon T its step sizes are tuned for).
std::unique_ptr<Solver> make_bandit_solver(std::string_view name, const CompiledGame& game,
                                           const SolverOptions& options, std::int64_t episodes);
// The Markov-game solver `name`.
std::unique_ptr<MarkovSolver> make_markov_solver(std::string_view name, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes);

// Registers the entry that `make_entry()` returns when the program (or the library)
// starts. Use once per solver, at namespace scope of the solver's source file.
#define EQLAB_REGISTER_SOLVER(make_entry) \
  EQLAB_REGISTER_SOLVER_AT(make_entry, __COUNTER__)
#define EQLAB_REGISTER_SOLVER_AT(make_entry, counter) EQLAB_REGISTER_SOLVER_NAMED(make_entry, counter)
#define EQLAB_REGISTER_SOLVER_NAMED(make_entry, counter)                                  \
  namespace {                                                                               \
  [[maybe_unused]] const bool eqlab_solver_registered_##counter =                          \
      (::eqlab::register_solver(make_entry()), true);                                       \
  }

}  // namespace eqlab

#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <tuple>
#include <utility>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/near_names.hpp>

namespace eqlab {

namespace {

// The order in which help and listings show the solvers: baselines first, then the
// Phi-Hedge family, then K-EFCE; a solver not named here follows, by name.
constexpr std::string_view kSolverOrder[] = {
    "cfr", "cfr+", "rm", "pcfr+",                                                  // CFR
    "omd", "omd-balanced", "optimistic-omd", "ixomd", "balanced-omd",              // OMD
    "efce-omd", "efce-omd-balanced", "efce-omd-uniform",                           // EFCE-OMD
    "kefr",                                                                        // K-EFCE
    "cce-v", "ce-v", "nash-ca", "exp3-ix", "nash-vi"};                             // Markov

std::size_t order_of(const std::string& name) {
  return static_cast<std::size_t>(std::find(std::begin(kSolverOrder), std::end(kSolverOrder), name) -
                                  std::begin(kSolverOrder));
}

// Entries never move once registered (a deque), so pointers to them stay valid.
std::deque<SolverEntry>& entries() {
  static std::deque<SolverEntry> list;
  return list;
}

[[noreturn]] void refuse_registration(const SolverEntry& entry, const std::string& why) {
  std::fprintf(stderr, "eqlab: solver %s (%s, %s feedback) cannot be registered: %s\n", entry.name.c_str(),
               std::string(game_kind_name(entry.game_kind)).c_str(), std::string(feedback_name(entry.feedback)).c_str(),
               why.c_str());
  std::abort();
}

std::string names_of(const std::vector<const SolverEntry*>& list) {
  std::string names;
  for (const SolverEntry* e : list) names += (names.empty() ? "" : ", ") + e->name;
  return names;
}

}  // namespace

std::string_view game_kind_name(GameKind kind) { return kind == GameKind::markov ? "markov" : "extensive"; }
std::string_view feedback_name(Feedback feedback) { return feedback == Feedback::bandit ? "bandit" : "full"; }

Concept SolverEntry::concept_on(const CompiledGame& game) const {
  if (nash_on_two_player_zero_sum && game.num_players() == 2 && game.constant_sum) return Concept::nash;
  return learns;
}

SolverEntry make_entry(std::string name, GameKind kind, Feedback feedback, Concept learns, std::string note,
                       std::string summary) {
  SolverEntry e;
  e.name = std::move(name);
  e.game_kind = kind;
  e.feedback = feedback;
  e.learns = learns;
  e.note = std::move(note);
  e.summary = std::move(summary);
  return e;
}

void register_solver(SolverEntry entry) {
  if (entry.name.empty()) refuse_registration(entry, "it has no name");
  if (find_solver(entry.name, entry.game_kind, entry.feedback)) refuse_registration(entry, "the name is taken");
  if (entry.note.empty()) refuse_registration(entry, "it names no note in docs/algorithms/");
  const bool markov = entry.game_kind == GameKind::markov;
  if (markov ? !entry.make_markov || !entry.markov_memory : !entry.make || !entry.learner_bytes)
    refuse_registration(entry, "it has no factory or no memory estimate");
  entries().push_back(std::move(entry));
}

std::vector<const SolverEntry*> registered_solvers() {
  std::vector<const SolverEntry*> list;
  for (const SolverEntry& e : entries()) list.push_back(&e);
  std::sort(list.begin(), list.end(), [](const SolverEntry* a, const SolverEntry* b) {
    const auto key = [](const SolverEntry* e) {
      return std::tuple(static_cast<int>(e->game_kind), static_cast<int>(e->feedback), order_of(e->name), e->name);
    };
    return key(a) < key(b);
  });
  return list;
}

std::vector<const SolverEntry*> registered_solvers(GameKind kind, Feedback feedback) {
  std::vector<const SolverEntry*> list;
  for (const SolverEntry* e : registered_solvers())
    if (e->game_kind == kind && e->feedback == feedback) list.push_back(e);
  return list;
}

const SolverEntry* find_solver(std::string_view name, GameKind kind, Feedback feedback) {
  for (const SolverEntry& e : entries())
    if (e.name == name && e.game_kind == kind && e.feedback == feedback) return &e;
  return nullptr;
}

std::string solver_names(GameKind kind, Feedback feedback) { return names_of(registered_solvers(kind, feedback)); }

const SolverEntry& solver_entry(std::string_view name, GameKind kind, Feedback feedback) {
  if (const SolverEntry* e = find_solver(name, kind, feedback)) return *e;
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(name).
  std::string quoted(1, '\'');
  quoted.append(name).push_back('\'');
  if (kind == GameKind::extensive) {
    const Feedback other = feedback == Feedback::full ? Feedback::bandit : Feedback::full;
    if (find_solver(name, kind, other))
      throw UsageError("solver " + std::string(name) +
                       (other == Feedback::bandit ? " learns from bandit feedback: add --feedback bandit"
                                                  : " does not learn from bandit feedback: choose one of " +
                                                        solver_names(kind, feedback)));
    for (Feedback f : {Feedback::full, Feedback::bandit})
      if (find_solver(name, GameKind::markov, f))
        throw UsageError("solver " + std::string(name) +
                         " learns Markov games (markov-random, markov-polymatrix, ... or a \"markov\" game file); for "
                         "this game choose one of " + solver_names(kind, feedback));
    std::vector<std::string> names;
    for (const SolverEntry* e : registered_solvers(kind, feedback)) names.push_back(e->name);
    throw UsageError("unknown solver " + quoted + did_you_mean(name, names) + ": choose one of " +
                     solver_names(kind, feedback));
  }
  throw UsageError(quoted + " is not a Markov-game solver: choose one of " + solver_names(kind, feedback));
}

void check_solver_params(const SolverEntry& entry, const nlohmann::json& params) {
  std::vector<std::string> known;
  for (const ParamSpec& p : entry.params) known.push_back(p.name);
  const JsonOptionReader in(params, entry.name, known);
  for (const ParamSpec& p : entry.params) {
    const char* key = p.name.c_str();
    if (!in.has(key)) continue;
    switch (p.kind) {
      case ParamSpec::Kind::positive: in.positive(key, 1.0); break;
      case ParamSpec::Kind::nonnegative: in.nonnegative(key, 0.0); break;
      case ParamSpec::Kind::probability: in.below_one(key, 0.5); break;
      case ParamSpec::Kind::whole: in.whole(key, p.low, p.low, p.high); break;
      case ParamSpec::Kind::flag: in.flag(key, false); break;
      case ParamSpec::Kind::choice: in.choice(key, {}, p.choices); break;
    }
  }
}

std::unique_ptr<Solver> make_solver(const SolverEntry& entry, const CompiledGame& game, const nlohmann::json& params,
                                    std::uint64_t seed, std::int64_t horizon) {
  if (entry.game_kind != GameKind::extensive)
    throw UsageError("solver " + entry.name + " learns Markov games, not extensive-form games");
  check_solver_params(entry, params);
  if (entry.normal_form_only && !game.from_normal_form)
    throw UsageError("solver " + entry.name + " is for normal-form games; use cfr or cfr+ for extensive games");
  if (horizon < 1)
    throw UsageError("solver " + entry.name + ": the number of " +
                     (entry.feedback == Feedback::bandit ? "episodes" : "iterations") + " must be at least 1");
  return entry.make(SolverRequest{game, params, seed, horizon});
}

std::unique_ptr<MarkovSolver> make_markov_solver(const SolverEntry& entry, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes) {
  if (entry.game_kind != GameKind::markov)
    throw UsageError("solver " + entry.name + " learns extensive-form games, not Markov games");
  check_solver_params(entry, params);
  return entry.make_markov(MarkovSolverRequest{model, params, seed, planned_episodes});
}

std::unique_ptr<Solver> make_solver(std::string_view name, const CompiledGame& game, const SolverOptions& options,
                                    std::int64_t iterations) {
  return make_solver(solver_entry(name, GameKind::extensive, Feedback::full), game, options.extra, options.seed,
                     iterations);
}

std::unique_ptr<Solver> make_bandit_solver(std::string_view name, const CompiledGame& game,
                                           const SolverOptions& options, std::int64_t episodes) {
  return make_solver(solver_entry(name, GameKind::extensive, Feedback::bandit), game, options.extra, options.seed,
                     episodes);
}

std::unique_ptr<MarkovSolver> make_markov_solver(std::string_view name, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes) {
  return make_markov_solver(solver_entry(name, GameKind::markov, Feedback::bandit), model, params, seed,
                            planned_episodes);
}

}  // namespace eqlab

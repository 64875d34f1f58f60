// Every key of a solver's schema reaches its factory: the schema, which the command line,
// the help and the checks read, and the factory's own option reader name the same keys.
#include <doctest/doctest.h>

#include <exception>
#include <string>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>

using namespace eqlab;

namespace {

// A value the schema accepts for `p`, as --param would give it.
std::string accepted_value(const ParamSpec& p) {
  switch (p.kind) {
    case ParamSpec::Kind::positive: return "2";
    case ParamSpec::Kind::nonnegative: return "0";
    case ParamSpec::Kind::probability: return "0.25";
    case ParamSpec::Kind::whole: return std::to_string(p.high < 1000 ? p.high : p.low + 1000);
    case ParamSpec::Kind::flag: return "true";
    case ParamSpec::Kind::choice: return p.choices.back();
  }
  return {};
}

// The message of what building `entry` with the one parameter `p` throws, or "".
template <class Build>
std::string refusal(const SolverEntry& entry, const ParamSpec& p, Build&& build) {
  const nlohmann::json params = {{p.name, accepted_value(p)}};
  CHECK_NOTHROW(check_solver_params(entry, params));
  try {
    build(params);
  } catch (const std::exception& e) {
    return e.what();  // a value the run cannot use (a budget of 1 byte) may be refused
  }
  return {};
}

}  // namespace

TEST_CASE("registry: every schema key of every solver is one its factory reads") {
  const CompiledGame kuhn3 = compile(make_builtin("kuhn(players=3)"));
  const CompiledGame pennies = compile(load_game(EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json").tree);
  const std::unique_ptr<MarkovModel> markov = make_markov_builtin("markov-cycle(players=2)");
  int keys = 0;
  for (const SolverEntry* entry : registered_solvers()) {
    for (const ParamSpec& p : entry->params) {
      CAPTURE(entry->name);
      CAPTURE(p.name);
      ++keys;
      const std::string message = refusal(*entry, p, [&](const nlohmann::json& params) {
        if (entry->game_kind == GameKind::markov)
          (void)make_markov_solver(*entry, *markov, params, 1, 100);
        else
          (void)make_solver(*entry, entry->normal_form_only ? pennies : kuhn3, params, 1, 100);
      });
      CHECK(message.find("unknown parameter") == std::string::npos);
    }
  }
  CHECK(keys >= 60);
}

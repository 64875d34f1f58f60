#pragma once
// The Markov-game side of `solve`, `eval` and `info`: the commands hand over to these when
// their GAME is a Markov game (a `markov` file or a markov-* built-in), after parsing.
#include <memory>
#include <string>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

#include "cli.hpp"

namespace eqlab::cli {

bool is_markov_argument(const std::string& spec);
// The Markov game `spec` names; BadInputError, with where to read about games, for a spec
// the loader refuses.
std::unique_ptr<MarkovModel> load_markov_argument(const std::string& spec, const LoadLimits& limits);
int run_markov_solve(const Args& args);
int run_markov_eval(const Args& args);
int run_markov_info(const Args& args);
// solve --solver marlhf: learning from a preference dataset (--data).
int run_marlhf_solve(const Args& args);

// The lines `eqlab help solve` adds about Markov games.
extern const std::string_view kMarkovSolveHelp;

}  // namespace eqlab::cli

#pragma once
// The solver parameters of the command line, `--param KEY=VALUE` (repeatable), as the JSON
// object every solver reads its parameters from.
#include <string>

#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace eqlab::cli {

// Every --param of `args`: a value that reads as a JSON scalar (a number, true) is kept as
// such, anything else (text, an object or an array) as a string. CommandLineError for
// `command` when a pair has no '=' or no key.
nlohmann::json param_values(const Args& args, const std::string& command);

}  // namespace eqlab::cli

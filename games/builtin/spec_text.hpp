#pragma once
// The text of a built-in game spec, "name" or "name(key=value,...)", shared by the
// extensive-form and the Markov built-in games so that both read and refuse specs alike.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eqlab {

// The given parameters, key to value text, in key order.
using SpecValues = std::map<std::string, std::string, std::less<>>;

// The name before any '(', without surrounding blanks.
std::string_view spec_name(std::string_view spec);

// The parameters after the name of `game`, whose keys must be among `keys`. UsageErrors:
// "malformed game spec \"SPEC\": expected GAME or GAME(key=value,...) with keys K1, K2"
// for a list that is not of that form, "GAME: parameter K is given twice", and
// "GAME: unknown parameter \"K\"; its parameters are K1, K2".
SpecValues spec_values(const std::string& spec, const std::string& game, const std::vector<std::string>& keys);

}  // namespace eqlab

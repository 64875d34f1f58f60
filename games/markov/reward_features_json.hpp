#pragma once
// A linear reward feature map given in a Markov game file: the optional member
//   "reward_features": {"dimension": d,
//                       "entries": [{"state": S | "*", "actions": [A | "*", ...],
//                                    "step": h?, "phi": [x_1, ..., x_d]}, ...]}
// gives φ_h(s, a) ∈ R^d for every step, state and joint action, by the rule of the
// transitions: wildcards match anything, "step" (1-based) limits an entry to one step, and
// the first entry that matches a (step, state, joint action) gives its φ. Every one must be
// matched. Preference learners (marlhf) fit rewards θ·φ_h(s, a) with it instead of a table.
// See docs/FORMAT.md, "Reward features".
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct RewardFeatureMap {
  int dimension = 0;
  // rows[(h·S + s)·J + joint]: the nonzero (index, value) entries of φ_h(s, a), joint actions
  // in mixed radix with player 0 the slowest digit.
  std::vector<std::vector<std::pair<int, double>>> rows;
};

// Whether the document has a "reward_features" member.
bool has_reward_features(const nlohmann::json& doc);
// Reads it for `model` (the game the document describes). InputError naming `file` and the
// JSON pointer for a missing or malformed member, an unknown state or action, a phi of the
// wrong length or a (step, state, joint action) that no entry matches.
RewardFeatureMap parse_reward_features(const nlohmann::json& doc, const std::string& file, const MarkovModel& model);
// The same from a game file; InputError when it has no "reward_features".
RewardFeatureMap load_reward_features(const std::string& path, const MarkovModel& model, const LoadLimits& limits = {});

}  // namespace eqlab

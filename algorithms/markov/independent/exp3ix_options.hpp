#pragma once
// The knobs of the independent EXP3-IX baseline.
//
// See docs/algorithms/markov-learning.md, "Constants and parameters".
#include <string>

#include <nlohmann/json.hpp>

namespace eqlab {

struct Exp3IxOptions {
  double lr_scale = 1.0;  // multiplies η_t = sqrt(ln A_i / (A_i t))
  double ix_scale = 1.0;  // multiplies γ_t, the same base value
  bool log = true;        // keep the played distributions (visit-averaged and episode-mixture outputs)
};

// Keys lr_scale, ix_scale (positive numbers) and log (true|false), as JSON values or text.
// Throws UsageError naming `solver` and the key for an unknown key or a bad value.
Exp3IxOptions parse_exp3ix_options(const nlohmann::json& params, const std::string& solver = "exp3-ix");

nlohmann::json to_json(const Exp3IxOptions& options);

}  // namespace eqlab

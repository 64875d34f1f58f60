#pragma once
// The knobs of the independent EXP3-IX baseline.
//
// See docs/algorithms/markov-learning.md, "Constants and parameters".
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqlab {

// preset practical: η_t = lr_scale · sqrt(ln A_i / (A_i t)), γ_t = ix_scale · the same.
// preset paper: the tuning of EXP3-IX's high-probability bound (Neu, "Explore no more:
// Improved high-probability regret bounds for non-stochastic bandits", NeurIPS 2015,
// arXiv:1506.03271, Thm 1: η = 2γ = sqrt(2 log K / (K T)) for T rounds of K arms), with T
// the visits of (h, s) so far since a learner's horizon is not known in advance:
// η_t = sqrt(2 ln A_i / (A_i t)), γ_t = η_t / 2. The return-to-go loss lies in [0, 1], the
// theorem's range, so no loss bound enters.
struct Exp3IxOptions {
  std::string preset = "practical";
  double lr_scale = 1.0;  // multiplies the base of η_t
  double ix_scale = 1.0;  // multiplies the base of γ_t
  bool log = true;        // keep the played distributions (visit-averaged and episode-mixture outputs)
};

// The rates' bases, sqrt(ln A / A) times these: η_t = eta_factor · base / sqrt(t).
double exp3ix_eta_factor(const Exp3IxOptions& options);
double exp3ix_gamma_factor(const Exp3IxOptions& options);

// Keys preset (practical|paper; paper fixes lr_scale and ix_scale), lr_scale, ix_scale
// (positive numbers) and log (true|false), as JSON values or text.
// Throws UsageError naming `solver` and the key for an unknown key or a bad value.
Exp3IxOptions parse_exp3ix_options(const nlohmann::json& params, const std::string& solver = "exp3-ix");

nlohmann::json to_json(const Exp3IxOptions& options);

struct ParamSpec;
std::vector<ParamSpec> exp3ix_param_specs();

}  // namespace eqlab

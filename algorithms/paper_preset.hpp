#pragma once
// preset=paper of the learners whose theorem tunes a step size for a known horizon (the
// full-feedback Φ-Hedge learners and the bandit learners): whether it is on, and the bound
// L on the loss of a round (an episode, with bandit feedback) the theorem's step is
// rescaled for. The theorems charge losses totalling at most 1 (full feedback) or H
// (per-step bandit losses); eqlab's losses, terminal payoffs over the payoff range, total
// at most 1, the default of L.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/solver_params.hpp>

namespace eqlab {

struct PaperPreset {
  bool on = false;
  double loss_bound = 1.0;

  // The theorem's constant step for `horizon` rounds (at least 1): scale · base / (L sqrt(T)).
  double step(double scale, double base, std::int64_t horizon) const {
    return scale * base / (loss_bound * std::sqrt(static_cast<double>(std::max<std::int64_t>(1, horizon))));
  }
};

// Reads "preset" (practical or paper) and "loss_bound", which only preset=paper takes
// (UsageError otherwise). (The Markov learners and kefr, whose preset has no loss bound,
// read it with JsonOptionReader::preset, which also takes the former name "theory"; here
// "theory" is refused, as it would read as the learners' `step=theory`.) With `fixes_step`, preset=paper sets the step size and a "step"
// key is refused too.
PaperPreset read_paper_preset(const JsonOptionReader& in, const std::string& solver, bool fixes_step);

// The schema of the two keys; `preset_doc` says what preset=paper sets for this learner.
std::vector<ParamSpec> paper_preset_specs(std::string preset_doc, std::string source);

// What every run records: "preset", and "loss_bound" under preset=paper.
void record_paper_preset(nlohmann::json& params, const PaperPreset& preset);

}  // namespace eqlab

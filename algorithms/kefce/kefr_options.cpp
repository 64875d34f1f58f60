#include <eqlab/algorithms/kefce/kefr_options.hpp>

#include <eqlab/algorithms/json_option_reader.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

std::vector<ParamSpec> kefr_param_specs() {
  return {
      whole_param("k", 0, 64, "1", "the deviations a K-EFCE deviator observes: 0 is NFCCE, 1 is EFCE (also --k K)"),
      choice_param("preset", {"practical", "paper", "theory"}, "practical",
                   "paper (or theory): Hedge at its analysed anytime rate, eta_scale 1 (it fixes potential and "
                   "eta_scale); practical: the potential and eta_scale below"),
      choice_param("potential", {"rm", "hedge"}, "rm",
                   "the wide-range regret minimiser at each augmented state: regret matching or Hedge"),
      positive_param("eta_scale", "1", "Hedge only: the multiple of the step size eta_x(t)"),
      whole_param("max_states", 1, 1'000'000'000'000LL, "5e7",
                  "the budget of augmented states per player; a larger game is refused before the run"),
  };
}

SolverEntry kefr_entry(Feedback feedback, std::string summary) {
  SolverEntry e = make_entry("kefr", GameKind::extensive, feedback, Concept::kefce, "kefce.md", std::move(summary));
  e.plays_mixture = true;
  e.params = kefr_param_specs();
  e.learner_bytes = augmented_state_learner_bytes;
  return e;
}

KefrOptions kefr_options(const nlohmann::json& extra, const std::string& solver) {
  const JsonOptionReader in(extra, solver, {"k", "preset", "potential", "eta_scale", "max_states"});
  KefrOptions options;
  options.k = static_cast<int>(in.whole("k", options.k, 0, 64));
  options.preset = in.preset();
  if (options.preset == "paper") {
    for (const char* fixed : {"potential", "eta_scale"})
      if (in.has(fixed))
        throw UsageError("solver " + solver + ": preset paper fixes " + fixed + "; use preset practical to set it");
    options.potential = KefrOptions::Potential::hedge;
    options.max_states = static_cast<std::uint64_t>(
        in.whole("max_states", static_cast<long long>(options.max_states), 1, 1'000'000'000'000LL));
    return options;
  }
  options.potential = in.choice("potential", "rm", {"rm", "hedge"}) == "hedge" ? KefrOptions::Potential::hedge
                                                                              : KefrOptions::Potential::regret_matching;
  options.eta_scale = in.positive("eta_scale", options.eta_scale);
  options.max_states = static_cast<std::uint64_t>(
      in.whole("max_states", static_cast<long long>(options.max_states), 1, 1'000'000'000'000LL));
  return options;
}

}  // namespace eqlab

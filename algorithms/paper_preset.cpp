#include <eqlab/algorithms/paper_preset.hpp>

#include <nlohmann/json.hpp>

#include <eqlab/lib/error.hpp>

namespace eqlab {

PaperPreset read_paper_preset(const JsonOptionReader& in, const std::string& solver, bool fixes_step) {
  PaperPreset preset;
  preset.on = in.choice("preset", "practical", {"practical", "paper"}) == "paper";
  if (preset.on && fixes_step && in.has("step"))
    throw UsageError("solver " + solver + ": preset=paper sets the step size; leave out step (eta_scale multiplies it)");
  if (!preset.on && in.has("loss_bound"))
    throw UsageError("solver " + solver + ": loss_bound sets the step of preset=paper; give preset=paper too");
  preset.loss_bound = in.positive("loss_bound", 1.0);
  return preset;
}

std::vector<ParamSpec> paper_preset_specs(std::string preset_doc, std::string source) {
  return {choice_param("preset", {"practical", "paper"}, "practical", std::move(preset_doc)),
          positive_param("loss_bound", "1",
                         "with preset=paper, the bound on the loss of a round (an episode with bandit feedback): 1 "
                         "for eqlab's losses, terminal payoffs over the payoff range; the papers' per-step losses "
                         "total H",
                         std::move(source))};
}

void record_paper_preset(nlohmann::json& params, const PaperPreset& preset) {
  params["preset"] = preset.on ? "paper" : "practical";
  if (preset.on) params["loss_bound"] = preset.loss_bound;
}

}  // namespace eqlab

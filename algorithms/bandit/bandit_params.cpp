#include <eqlab/algorithms/bandit/bandit_params.hpp>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/json_option_reader.hpp>

namespace eqlab {

std::vector<ParamSpec> bandit_scale_specs(const std::string& source) {
  std::vector<ParamSpec> specs =
      paper_preset_specs("paper: the theorem's constants for losses totalling at most loss_bound per episode (eta "
                         "times the theorem's loss bound over loss_bound); practical: the theorem's constants as "
                         "stated, for eqlab's terminal-only losses",
                         source);
  specs.push_back(positive_param("eta_scale", "1", "the multiple of the theorem's step size eta", source));
  specs.push_back(
      positive_param("gamma_scale", "1", "the multiple of the theorem's implicit exploration gamma", source));
  specs.push_back(choice_param("schedule", {"horizon", "doubling"}, "horizon",
                               "horizon: constants tuned once for the run's episodes; doubling: retuned for 2^k at "
                               "episode 2^k, so that the regret bound holds at every episode count"));
  return specs;
}

SolverEntry bandit_self_play_entry(std::string name, Concept learns, std::string summary, const std::string& source) {
  SolverEntry e =
      make_entry(std::move(name), GameKind::extensive, Feedback::bandit, learns, "bandit.md", std::move(summary));
  e.plays_mixture = true;
  e.params = bandit_scale_specs(source);
  return e;
}

IxScales ix_scales(const nlohmann::json& params, const std::string& solver) {
  const JsonOptionReader in(params, solver, {"preset", "loss_bound", "eta_scale", "gamma_scale", "schedule"});
  IxScales scales;
  scales.paper = read_paper_preset(in, solver, /*fixes_step=*/false);
  scales.eta = in.positive("eta_scale", scales.eta);
  scales.gamma = in.positive("gamma_scale", scales.gamma);
  scales.doubling = in.choice("schedule", "horizon", {"horizon", "doubling"}) == "doubling";
  return scales;
}

std::int64_t tuning_horizon(const IxScales& scales, std::int64_t episodes) { return scales.doubling ? 1 : episodes; }

nlohmann::json bandit_params(const CompiledGame& game, const IxScales& scales, std::int64_t episodes,
                             const std::function<std::pair<double, double>(const Treeplex&)>& constants_of) {
  nlohmann::json eta = nlohmann::json::array(), gamma = nlohmann::json::array();
  for (const Treeplex& tp : game.treeplex) {
    const auto [player_eta, player_gamma] = constants_of(tp);
    eta.push_back(player_eta);
    gamma.push_back(player_gamma);
  }
  nlohmann::json params = {
      {"feedback", "bandit"},
      {"episodes", episodes},
      {"eta_scale", scales.eta},
      {"gamma_scale", scales.gamma},
      {"schedule", scales.doubling ? "doubling: retuned for the horizon 2^k in episodes [2^k, 2^(k+1)); eta and gamma "
                                     "below are those of the first episode"
                                   : "horizon: eta and gamma below in every episode"},
      {"eta", eta},
      {"gamma", gamma},
      {"losses", "terminal-only: 1 - (u - U_min)/(U_max - U_min) at the last own move"}};
  record_paper_preset(params, scales.paper);
  return params;
}

std::function<std::unique_ptr<Solver>(const SolverRequest&)> bandit_self_play_factory(
    std::string name, std::function<std::unique_ptr<BanditLearner>(const SolverRequest&, int player)> make_learner,
    std::function<nlohmann::json(const SolverRequest&)> params, std::optional<Concept> solution_concept) {
  return [name, make_learner, params, solution_concept](const SolverRequest& request) -> std::unique_ptr<Solver> {
    std::vector<std::unique_ptr<BanditLearner>> learners;
    for (int p = 0; p < request.game.num_players(); ++p) learners.push_back(make_learner(request, p));
    return std::make_unique<BanditSelfPlay>(request.game, std::move(learners), name, params(request), request.seed,
                                            solution_concept);
  };
}

}  // namespace eqlab

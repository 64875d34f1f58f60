// The bandit learners by name. Each entry builds one player's learner; make_bandit_solver
// wraps one per player into BanditSelfPlay. A new bandit learner is one more row of
// kFactories (and its parameters in its own parse function). Bandit K-EFR is the one
// exception: its learners share an exploration schedule, so it is its own solver.
#include <cmath>
#include <string>
#include <utility>

#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>
#include <eqlab/algorithms/bandit/ixomd.hpp>
#include <eqlab/algorithms/kefce/bandit_kefr_solver.hpp>
#include <eqlab/algorithms/kefce/kefr_options.hpp>
#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/bandit_solver.hpp>

namespace eqlab {

namespace {

// What a factory receives: the game, the player, the run's horizon and the options.
struct LearnerRequest {
  const CompiledGame& game;
  int player;
  std::int64_t episodes;
  const nlohmann::json& extra;
  const std::string& solver;
};

// A parameter given as a JSON number or as text (--param): the shared check on its text
// (a JSON number's text reads back to the same double).
double positive_number(const nlohmann::json& value, const std::string& solver, const std::string& key) {
  return positive_number_param(value.is_string() ? value.get<std::string>() : value.dump(), solver, key);
}

// The parameters every bandit learner takes: the multipliers eta_scale and gamma_scale
// (default 1) and the schedule of its constants: "horizon" (default), tuned once for the
// run's number of episodes as in the theorems, or "doubling", retuned for 2^k at episode
// 2^k so that the bound holds at every episode count.
struct IxScales {
  double eta = 1.0, gamma = 1.0;
  bool doubling = false;
};

bool doubling_schedule(const nlohmann::json& value, const std::string& solver) {
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text == "horizon") return false;
  if (text == "doubling") return true;
  throw UsageError("solver " + solver + ": schedule must be horizon or doubling, not " + text);
}

IxScales ix_scales(const nlohmann::json& extra, const std::string& solver) {
  IxScales scales;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (it.key() == "eta_scale") scales.eta = positive_number(*it, solver, "eta_scale");
    else if (it.key() == "gamma_scale") scales.gamma = positive_number(*it, solver, "gamma_scale");
    else if (it.key() == "schedule") scales.doubling = doubling_schedule(*it, solver);
    else
      throw UsageError("solver " + solver + ": unknown parameter " + it.key() +
                       " (eta_scale=NUMBER, gamma_scale=NUMBER, schedule=horizon|doubling)");
  }
  return scales;
}

// The horizon the constants are computed for: the run's, or 1 for the doubling schedule
// (whose first epoch is the first episode).
std::int64_t tuning_horizon(const IxScales& scales, std::int64_t episodes) { return scales.doubling ? 1 : episodes; }

std::unique_ptr<BanditLearner> make_ix_learner(const LearnerRequest& request, IxomdConfig::Variant variant) {
  const IxScales scales = ix_scales(request.extra, request.solver);
  const Treeplex& tp = request.game.treeplex[request.player];
  IxomdConfig config =
      ixomd_config(tp, variant, tuning_horizon(scales, request.episodes), scales.eta, scales.gamma);
  config.doubling = scales.doubling;
  return std::make_unique<IxomdLearner>(tp, config);
}

// The members every bandit solver records: the feedback, the horizon, the multipliers,
// the schedule, each player's η and γ (from `constants_of(treeplex)`, a pair: those of the
// whole run, or of the first episode with the doubling schedule) and the loss convention. Callers add what is their own.
template <class ConstantsOf>
nlohmann::json bandit_params(const CompiledGame& game, const IxScales& scales, std::int64_t episodes,
                             ConstantsOf&& constants_of) {
  nlohmann::json eta = nlohmann::json::array(), gamma = nlohmann::json::array();
  for (const Treeplex& tp : game.treeplex) {
    const auto [player_eta, player_gamma] = constants_of(tp);
    eta.push_back(player_eta);
    gamma.push_back(player_gamma);
  }
  return {{"feedback", "bandit"},
          {"episodes", episodes},
          {"eta_scale", scales.eta},
          {"gamma_scale", scales.gamma},
          {"schedule", scales.doubling ? "doubling: retuned for the horizon 2^k in episodes [2^k, 2^(k+1)); eta and gamma below are "
                                         "those of the first episode"
                                       : "horizon: eta and gamma below in every episode"},
          {"eta", eta},
          {"gamma", gamma},
          {"losses", "terminal-only: 1 - (u - U_min)/(U_max - U_min) at the last own move"}};
}

nlohmann::json ix_params(const CompiledGame& game, const nlohmann::json& extra, const std::string& solver,
                         std::int64_t episodes, IxomdConfig::Variant variant) {
  const IxScales scales = ix_scales(extra, solver);
  nlohmann::json params = bandit_params(game, scales, episodes, [&](const Treeplex& tp) {
    const IxomdConfig config = ixomd_config(tp, variant, tuning_horizon(scales, episodes), scales.eta, scales.gamma);
    return std::pair{config.eta, config.gamma};
  });
  params["weights"] = variant == IxomdConfig::Variant::balanced ? "balanced" : "uniform";
  return params;
}

// The three EFCE-OMD bandit variants: implicit exploration (Thm 6), balanced (Thm 7) and
// the uniform-exploration baseline.
enum class EfceVariant { plain, balanced, uniform };

EfceOmdBanditOptions efce_options(const IxScales& scales, std::int64_t episodes, EfceVariant variant) {
  EfceOmdBanditOptions options;
  options.balanced = variant == EfceVariant::balanced;
  options.uniform_exploration = variant == EfceVariant::uniform;
  options.horizon = tuning_horizon(scales, episodes);
  options.doubling = scales.doubling;
  options.eta_scale = scales.eta;
  options.gamma_scale = scales.gamma;
  return options;
}

std::unique_ptr<BanditLearner> make_efce_learner(const LearnerRequest& request, EfceVariant variant) {
  const IxScales scales = ix_scales(request.extra, request.solver);
  return std::make_unique<EfceOmdBandit>(request.game.treeplex[request.player],
                                         efce_options(scales, request.episodes, variant));
}

nlohmann::json efce_params(const CompiledGame& game, const nlohmann::json& extra, const std::string& solver,
                           std::int64_t episodes, EfceVariant variant) {
  const IxScales scales = ix_scales(extra, solver);
  const EfceOmdBanditOptions options = efce_options(scales, episodes, variant);
  nlohmann::json params = bandit_params(game, scales, episodes, [&](const Treeplex& tp) {
    const EfceOmdBanditConstants constants = efce_omd_bandit_constants(tp, options);
    return std::pair{constants.eta, constants.gamma};
  });
  params["delta"] = options.delta;
  params["weights"] = variant == EfceVariant::balanced ? "balanced" : "uniform";
  params["exploration"] = variant == EfceVariant::uniform ? "uniform mixing, unbiased estimates" : "implicit exploration";
  return params;
}

struct BanditFactory {
  BanditSolverInfo info;
  std::unique_ptr<BanditLearner> (*make_learner)(const LearnerRequest&);
  nlohmann::json (*params)(const CompiledGame&, const nlohmann::json&, const std::string&, std::int64_t);
};

const std::vector<BanditFactory>& factories() {
  static const std::vector<BanditFactory> list = {
      {{"ixomd", "IXOMD: dilated-entropy OMD with implicit-exploration loss estimates, updated along the "
                 "sampled path only (Kozuno et al. 2021)",
        ""},
       [](const LearnerRequest& r) { return make_ix_learner(r, IxomdConfig::Variant::ixomd); },
       [](const CompiledGame& g, const nlohmann::json& e, const std::string& s, std::int64_t t) {
         return ix_params(g, e, s, t, IxomdConfig::Variant::ixomd);
       }},
      {{"balanced-omd", "Balanced OMD: OMD with the balanced dilated entropy and balanced implicit "
                        "exploration (Bai et al. 2022)",
        ""},
       [](const LearnerRequest& r) { return make_ix_learner(r, IxomdConfig::Variant::balanced); },
       [](const CompiledGame& g, const nlohmann::json& e, const std::string& s, std::int64_t t) {
         return ix_params(g, e, s, t, IxomdConfig::Variant::balanced);
       }},
      {{"efce-omd", "EFCE-OMD with bandit feedback: Phi-Hedge over trigger deviations with implicit-exploration "
                    "estimates, fixed point and updates along the sampled path only (Bai et al. 2022, Thm 6)",
        "efce"},
       [](const LearnerRequest& r) { return make_efce_learner(r, EfceVariant::plain); },
       [](const CompiledGame& g, const nlohmann::json& e, const std::string& s, std::int64_t t) {
         return efce_params(g, e, s, t, EfceVariant::plain);
       }},
      {{"efce-omd-balanced", "Balanced EFCE-OMD: EFCE-OMD bandit with the balanced dilated entropy, tempered "
                             "trigger weights and adaptive implicit exploration (Bai et al. 2022, Thm 7)",
        "efce"},
       [](const LearnerRequest& r) { return make_efce_learner(r, EfceVariant::balanced); },
       [](const CompiledGame& g, const nlohmann::json& e, const std::string& s, std::int64_t t) {
         return efce_params(g, e, s, t, EfceVariant::balanced);
       }},
      {{"efce-omd-uniform", "EFCE-OMD with uniform exploration (baseline): plays the EFCE-OMD fixed point mixed "
                            "with the uniform strategy with probability gamma and updates with unbiased "
                            "importance-weighted estimates",
        "efce"},
       [](const LearnerRequest& r) { return make_efce_learner(r, EfceVariant::uniform); },
       [](const CompiledGame& g, const nlohmann::json& e, const std::string& s, std::int64_t t) {
         return efce_params(g, e, s, t, EfceVariant::uniform);
       }},
  };
  return list;
}

// A function-local static: other translation units may list the bandit solvers while
// they are statically initialised.
const BanditSolverInfo& kefr_info() {
  static const BanditSolverInfo info{
      "kefr",
      "bandit K-EFR: K-EFR on counterfactual values estimated from balanced exploration episodes, one per "
      "(player, own depth) per iteration (--k K, default 1); the mixture of the profiles played is a K-EFCE",
      "kefce"};
  return info;
}

}  // namespace

const std::vector<BanditSolverInfo>& bandit_solver_list() {
  static const std::vector<BanditSolverInfo> list = [] {
    std::vector<BanditSolverInfo> infos;
    for (const BanditFactory& f : factories()) infos.push_back(f.info);
    infos.push_back(kefr_info());
    return infos;
  }();
  return list;
}

std::unique_ptr<Solver> make_bandit_solver(const std::string& name, const CompiledGame& game,
                                           const SolverOptions& options, std::int64_t episodes) {
  if (name == kefr_info().name) {
    if (episodes < 1) throw UsageError("solver " + name + ": the number of episodes must be at least 1");
    return std::make_unique<BanditKefrSolver>(game, kefr_options(options.extra, name), options.seed, episodes);
  }
  for (const BanditFactory& f : factories()) {
    if (f.info.name != name) continue;
    if (episodes < 1) throw UsageError("solver " + name + ": the number of episodes must be at least 1");
    std::vector<std::unique_ptr<BanditLearner>> learners;
    for (int p = 0; p < game.num_players(); ++p)
      learners.push_back(f.make_learner(LearnerRequest{game, p, episodes, options.extra, name}));
    return std::make_unique<BanditSelfPlay>(game, std::move(learners), name,
                                            f.params(game, options.extra, name, episodes), options.seed,
                                            f.info.concept_name);
  }
  std::string names;
  for (const BanditSolverInfo& s : bandit_solver_list()) names += (names.empty() ? "" : ", ") + s.name;
  throw UsageError("unknown bandit solver '" + name + "': choose one of " + names);
}

}  // namespace eqlab

#include <eqlab/algorithms/markov/centralized/nash_vi.hpp>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>
#include <utility>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/memory_text.hpp>

namespace eqlab {

namespace {

// A joint-action count as a whole number while it is one exactly, else in e-notation.
std::string joint_text(double joint) {
  std::ostringstream text;
  if (joint < 9.007199254740992e15) text << std::fixed << std::setprecision(0);
  text << joint;
  return text.str();
}

// Options read, then the memory guard, before any joint table exists.
NashViOptions checked_options(const MarkovModel& model, const nlohmann::json& json) {
  NashViOptions o = read_nash_vi_options(json, model);
  const double bytes = NashVi::estimated_bytes(model);
  if (bytes > o.max_memory_bytes) {
    std::ostringstream message;
    message << "solver nash-vi: the joint-action tables of '" << model.name() << "' would take about "
            << memory_text(static_cast<std::uint64_t>(std::min(bytes, 1e19)))
            << " (H·S·ΠA_i·(S + m + 3)·8 bytes with ΠA_i = " << joint_text(model.joint_actions())
            << "), above max_memory_bytes = " << memory_text(static_cast<std::uint64_t>(o.max_memory_bytes));
    throw UsageError(message.str());
  }
  return o;
}

std::vector<int> action_counts(const MarkovModel& model) {
  std::vector<int> a;
  for (int i = 0; i < model.num_players(); ++i) a.push_back(model.num_actions(i));
  return a;
}

}  // namespace

double NashVi::estimated_bytes(const MarkovModel& model) {
  return static_cast<double>(model.horizon()) * model.num_states() * model.joint_actions() *
         (model.num_states() + model.num_players() + 3) * 8.0;
}

NashVi::NashVi(const MarkovModel& model, const nlohmann::json& options, std::uint64_t seed)
    : model_(model),
      options_(checked_options(model, options)),
      seed_(seed),
      horizon_(model.horizon()),
      states_(model.num_states()),
      players_(model.num_players()),
      joint_(static_cast<std::size_t>(model.joint_actions())),
      simulator_(model, seed),
      rng_(seed, markov_stream::kLearner, 0),
      stage_(action_counts(model), options_.equilibrium == "ce" ? StageEquilibrium::kCorrelated
                                                                : StageEquilibrium::kCoarseCorrelated),
      policy_(model, model.joint_actions()),
      best_(model, model.joint_actions()),
      best_score_(static_cast<double>(model.horizon())) {
  const std::size_t cells = static_cast<std::size_t>(horizon_) * states_ * joint_;
  visits_.assign(cells, 0.0);
  reward_sums_.assign(cells * players_, 0.0);
  next_counts_.assign(cells * states_, 0.0);
  upper_.assign(static_cast<std::size_t>(horizon_ + 1) * states_ * players_, 0.0);
  lower_.assign(upper_.size(), 0.0);
  q_upper_.assign(joint_ * players_, 0.0);
  q_lower_.assign(joint_ * players_, 0.0);
  actions_.assign(players_, 0);
  rewards_.assign(players_, 0.0);
}

double NashVi::bonus(double n) const {
  return options_.bonus_scale * std::sqrt(static_cast<double>(horizon_) * horizon_ * states_ * options_.iota / n);
}

void NashVi::plan() {
  ++plans_;
  const int m = players_, S = states_;
  for (int h = horizon_ - 1; h >= 0; --h) {
    const double cap = static_cast<double>(horizon_ - h);
    const double* up_next = upper_.data() + static_cast<std::size_t>(h + 1) * S * m;
    const double* low_next = lower_.data() + static_cast<std::size_t>(h + 1) * S * m;
    for (int s = 0; s < S; ++s) {
      for (std::size_t a = 0; a < joint_; ++a) {
        const std::size_t c = cell(h, s, a);
        const double n = visits_[c];
        double* qu = q_upper_.data() + a * m;
        double* ql = q_lower_.data() + a * m;
        if (n == 0.0) {
          std::fill(qu, qu + m, cap);
          std::fill(ql, ql + m, 0.0);
          continue;
        }
        const double beta = bonus(n);
        const double* counts = next_counts_.data() + c * S;
        for (int i = 0; i < m; ++i) {
          double pu = 0.0, pl = 0.0;
          for (int t = 0; t < S; ++t) {
            pu += counts[t] * up_next[t * m + i];
            pl += counts[t] * low_next[t * m + i];
          }
          const double r = reward_sums_[c * m + i] / n;
          qu[i] = std::min(r + pu / n + beta, cap);
          ql[i] = std::max(r + pl / n - beta, 0.0);
        }
      }
      const std::span<double> pi = policy_.at(h, s);
      stage_.solve(q_upper_, options_.stage_rounds, pi);
      double* vu = upper_.data() + (static_cast<std::size_t>(h) * S + s) * m;
      double* vl = lower_.data() + (static_cast<std::size_t>(h) * S + s) * m;
      std::fill(vu, vu + m, 0.0);
      std::fill(vl, vl + m, 0.0);
      for (std::size_t a = 0; a < joint_; ++a)
        for (int i = 0; i < m; ++i) {
          vu[i] += pi[a] * q_upper_[a * m + i];
          vl[i] += pi[a] * q_lower_[a * m + i];
        }
    }
  }
  double score = 0.0;
  for (int i = 0; i < m; ++i) {
    double gap = 0.0;
    for (int s = 0; s < S; ++s) gap += model_.initial()[s] * (upper_[s * m + i] - lower_[s * m + i]);
    score = std::max(score, gap);
  }
  if (plans_ == 1 || score < best_score_) {
    best_score_ = score;
    best_ = policy_;
  }
}

bool NashVi::run_episode() {
  if (episodes() % options_.replan_every == 0) plan();
  int s = simulator_.reset();
  for (int h = 0; h < horizon_; ++h) {
    const std::span<const double> pi = std::as_const(policy_).at(h, s);
    const double u = rng_.uniform();
    double cumulative = 0.0;
    std::size_t a = joint_ - 1;  // u within rounding of 1: the last joint action
    for (std::size_t k = 0; k < joint_; ++k) {
      cumulative += pi[k];
      if (u < cumulative) {
        a = k;
        break;
      }
    }
    policy_.decode(a, actions_);
    const int next = simulator_.step(h, s, actions_, rewards_);
    const std::size_t c = cell(h, s, a);
    visits_[c] += 1.0;
    for (int i = 0; i < players_; ++i) reward_sums_[c * players_ + i] += rewards_[i];
    if (next >= 0) next_counts_[c * states_ + next] += 1.0;
    s = next;
  }
  return true;
}

nlohmann::json NashVi::params() const {
  nlohmann::json p = options_.to_json();
  p["seed"] = seed_;
  return p;
}

std::size_t NashVi::memory_bytes() const {
  const std::size_t policies = 2 * static_cast<std::size_t>(horizon_) * states_ * joint_;
  return sizeof(double) * (visits_.size() + reward_sums_.size() + next_counts_.size() + upper_.size() +
                           lower_.size() + q_upper_.size() + q_lower_.size() + rewards_.size() + policies) +
         sizeof(int) * actions_.size() + stage_.memory_bytes();
}

// Registration.
namespace {

SolverEntry nash_vi_entry() {
  SolverEntry e = make_entry("nash-vi", GameKind::markov, Feedback::bandit, Concept::cce, "markov-learning.md",
                             "centralized optimistic Nash-VI over joint actions (a stage CCE or CE of the "
                             "optimistic Q at every state): cost and memory grow as prod_i A_i, the exponential "
                             "baseline");
  e.params = {
      choice_param("preset", {"practical", "paper", "theory"}, "practical",
                   "paper (or its former name theory): bonus_scale 1; practical: 0.05"),
      nonnegative_param("bonus_scale", "0.05 (paper: 1)", "c in the bonus c sqrt(H^2 S iota / N)",
                        "Liu, Yu, Bai, Jin 2021, arXiv:2010.01604"),
      probability_param("delta", "0.1", "the failure probability inside iota"),
      whole_param("planned_episodes", 1, 1'000'000'000'000LL, "the run's episodes", "K inside iota"),
      whole_param("stage_rounds", 1, 1'000'000, "200", "rounds of regret-matching self-play per stage game"),
      choice_param("equilibrium", {"cce", "ce"}, "cce", "the stage equilibrium: coarse correlated or correlated"),
      whole_param("replan_every", 1, 1'000'000'000LL, "1", "episodes between two plannings"),
      positive_param("max_memory_bytes", "2147483648", "refuse a game whose joint-action tables exceed this"),
  };
  e.make_markov = [](const MarkovSolverRequest& request) {
    // Its iota counts the planned episodes too, unless the caller fixed them.
    // (No parameters at all may come as null rather than {}.)
    nlohmann::json with_plan = request.params.is_null() ? nlohmann::json::object() : request.params;
    if (with_plan.is_object() && !with_plan.contains("planned_episodes"))
      with_plan["planned_episodes"] = request.planned_episodes;
    return std::make_unique<NashVi>(request.model, with_plan, request.seed);
  };
  e.markov_memory = joint_action_learner_memory;
  return e;
}

}  // namespace

EQLAB_REGISTER_SOLVER(nash_vi_entry)

}  // namespace eqlab

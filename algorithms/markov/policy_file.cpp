#include <eqlab/algorithms/markov/policy_file.hpp>

#include <cmath>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/markov/play_file.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace jr = json_reading;
using ojson = nlohmann::ordered_json;

namespace {

ojson header(const MarkovModel& model, const char* kind) {
  ojson doc;
  doc["format"] = "eqlab-markov-policy/1";
  doc["game"] = model.name();
  doc["kind"] = kind;
  doc["horizon"] = model.horizon();
  doc["states"] = model.shape().states;
  doc["actions"] = model.shape().actions;
  return doc;
}

constexpr double kSumTolerance = 1e-6;

// Reads an array of n probabilities into out (any span-like of doubles or floats).
template <class Out>
void read_distribution(const nlohmann::json& j, std::size_t n, const std::string& pointer, Out out) {
  if (!j.is_array() || j.size() != n)
    jr::fail(pointer, "expected an array of " + std::to_string(n) + " probabilities");
  double sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!j[k].is_number()) jr::fail(jr::child_pointer(pointer, k), "expected a number");
    const double p = j[k].get<double>();
    if (!(p >= 0.0) || !std::isfinite(p)) jr::fail(jr::child_pointer(pointer, k), "a probability must be >= 0");
    out[k] = static_cast<std::remove_reference_t<decltype(out[k])>>(p);
    sum += p;
  }
  if (std::fabs(sum - 1.0) > kSumTolerance)
    jr::fail(pointer, "the probabilities sum to " + std::to_string(sum) + ", not 1");
}

const nlohmann::json& array_of(const nlohmann::json& j, std::size_t n, const std::string& pointer, const char* what) {
  if (!j.is_array() || j.size() != n)
    jr::fail(pointer, std::string("expected an array of ") + std::to_string(n) + " " + what);
  return j;
}

}  // namespace

ojson product_policy_json(const MarkovModel& model, const ProductPolicy& policy) {
  ojson doc = header(model, "product");
  ojson players = ojson::array();
  for (int i = 0; i < model.num_players(); ++i) {
    ojson steps = ojson::array();
    for (int h = 0; h < model.horizon(); ++h) {
      ojson states = ojson::array();
      for (int s = 0; s < model.num_states(); ++s) {
        const std::span<const double> p = policy.at(h, s, i);
        states.push_back(std::vector<double>(p.begin(), p.end()));
      }
      steps.push_back(std::move(states));
    }
    players.push_back(std::move(steps));
  }
  doc["product"] = std::move(players);
  return doc;
}

ojson correlated_policy_json(const MarkovModel& model, const CorrelatedPolicy& policy) {
  ojson doc = header(model, "correlated");
  ojson steps = ojson::array();
  for (int h = 0; h < model.horizon(); ++h) {
    ojson states = ojson::array();
    for (int s = 0; s < model.num_states(); ++s) {
      const std::span<const double> p = policy.at(h, s);
      states.push_back(std::vector<double>(p.begin(), p.end()));
    }
    steps.push_back(std::move(states));
  }
  doc["correlated"] = std::move(steps);
  return doc;
}

ojson certified_policy_json(const MarkovModel& model, const VisitLog& log) {
  ojson doc = header(model, "certified");
  ojson steps = ojson::array();
  for (int h = 0; h < model.horizon(); ++h) {
    ojson states = ojson::array();
    for (int s = 0; s < model.num_states(); ++s) {
      const std::span<const std::uint32_t> episodes = log.visit_episodes(h, s);
      ojson rows = ojson::array();
      for (std::int64_t j = 0; j < log.visits(h, s); ++j) {
        std::vector<double> row;
        for (int i = 0; i < model.num_players(); ++i)
          for (float p : log.distribution(h, s, j, i)) row.push_back(p);
        rows.push_back(std::move(row));
      }
      states.push_back({{"episodes", std::vector<std::uint32_t>(episodes.begin(), episodes.end())},
                        {"distributions", std::move(rows)}});
    }
    steps.push_back(std::move(states));
  }
  doc["certified"] = {{"episodes", log.episodes()}, {"alpha_horizon", log.alpha_horizon()}, {"visits", std::move(steps)}};
  return doc;
}

void check_markov_policy_shape(const nlohmann::json& doc, const MarkovModel& model) {
  const nlohmann::json& horizon = jr::require(doc, "horizon", "", "the horizon");
  if (!horizon.is_number_integer() || horizon.get<int>() != model.horizon())
    jr::fail("/horizon", "the game has horizon " + std::to_string(model.horizon()));
  if (jr::read_labels(jr::require_array(doc, "states", "", "the states"), "/states", "state labels") !=
      model.shape().states)
    jr::fail("/states", "the states are not the game's");
  const nlohmann::json& actions = jr::require_array(doc, "actions", "", "the actions");
  array_of(actions, static_cast<std::size_t>(model.num_players()), "/actions", "action lists");
  for (int i = 0; i < model.num_players(); ++i)
    if (jr::read_labels(actions[i], jr::child_pointer("/actions", static_cast<std::size_t>(i)), "action labels") !=
        model.shape().actions[i])
      jr::fail(jr::child_pointer("/actions", static_cast<std::size_t>(i)), "player " + std::to_string(i) +
                                                                            "'s actions are not the game's");
}

MarkovPolicyFile parse_markov_policy(const nlohmann::json& doc, const std::string& file, const MarkovModel& model) {
  try {
    if (!doc.is_object()) jr::fail("", "a policy file is a JSON object");
    jr::check_members(doc, "", {"format", "game", "kind", "horizon", "states", "actions", "product", "correlated", "certified"},
                      "a policy file");
    if (jr::require(doc, "format", "", "the format") != "eqlab-markov-policy/1")
      jr::fail("/format", "expected \"eqlab-markov-policy/1\"");
    MarkovPolicyFile out;
    out.game = jr::read_label(jr::require(doc, "game", "", "the game's name"), "/game", "the game's name");
    const std::string kind = jr::read_label(jr::require(doc, "kind", "", "the kind"), "/kind", "the kind");
    check_markov_policy_shape(doc, model);
    const std::size_t H = static_cast<std::size_t>(model.horizon()), S = static_cast<std::size_t>(model.num_states());
    if (kind == "product") {
      const nlohmann::json& players = jr::require(doc, "product", "", "the product policy");
      array_of(players, static_cast<std::size_t>(model.num_players()), "/product", "players");
      ProductPolicy policy(model);
      for (int i = 0; i < model.num_players(); ++i) {
        const std::string pi = jr::child_pointer("/product", static_cast<std::size_t>(i));
        array_of(players[i], H, pi, "steps");
        for (std::size_t h = 0; h < H; ++h) {
          const std::string ph = jr::child_pointer(pi, h);
          array_of(players[i][h], S, ph, "states");
          for (std::size_t s = 0; s < S; ++s)
            read_distribution(players[i][h][s], static_cast<std::size_t>(model.num_actions(i)), jr::child_pointer(ph, s),
                              policy.at(static_cast<int>(h), static_cast<int>(s), i));
        }
      }
      out.product.emplace(std::move(policy));
    } else if (kind == "correlated") {
      CorrelatedPolicy policy(model);
      const nlohmann::json& steps = array_of(jr::require(doc, "correlated", "", "the correlated policy"), H,
                                             "/correlated", "steps");
      for (std::size_t h = 0; h < H; ++h) {
        const std::string ph = jr::child_pointer("/correlated", h);
        array_of(steps[h], S, ph, "states");
        for (std::size_t s = 0; s < S; ++s)
          read_distribution(steps[h][s], policy.num_joint_actions(), jr::child_pointer(ph, s),
                            policy.at(static_cast<int>(h), static_cast<int>(s)));
      }
      out.correlated.emplace(std::move(policy));
    } else if (kind == "certified") {
      const nlohmann::json& c = jr::require(doc, "certified", "", "the certified policy");
      if (!c.is_object()) jr::fail("/certified", "expected an object");
      jr::check_members(c, "/certified", {"episodes", "alpha_horizon", "visits"}, "a certified policy");
      const nlohmann::json& k = jr::require(c, "episodes", "/certified", "the episodes");
      const nlohmann::json& ha = jr::require(c, "alpha_horizon", "/certified", "the alpha horizon");
      if (!k.is_number_integer() || k.get<std::int64_t>() < 0 || k.get<std::int64_t>() > UINT32_MAX)
        jr::fail("/certified/episodes", "expected a whole number of episodes");
      if (!ha.is_number_integer() || ha.get<int>() < 1) jr::fail("/certified/alpha_horizon", "expected a whole number >= 1");
      const std::int64_t episodes = k.get<std::int64_t>();
      VisitLog log(model, ha.get<int>());
      const nlohmann::json& steps = array_of(jr::require(c, "visits", "/certified", "the visits"), H,
                                             "/certified/visits", "steps");
      const std::size_t row = static_cast<std::size_t>(model.total_actions());
      for (std::size_t h = 0; h < H; ++h) {
        const std::string ph = jr::child_pointer("/certified/visits", h);
        array_of(steps[h], S, ph, "states");
        for (std::size_t s = 0; s < S; ++s) {
          const std::string ps = jr::child_pointer(ph, s);
          const nlohmann::json& cell = steps[h][s];
          if (!cell.is_object()) jr::fail(ps, "expected {\"episodes\": [...], \"distributions\": [...]}");
          jr::check_members(cell, ps, {"episodes", "distributions"}, "a visit list");
          const nlohmann::json& e = jr::require_array(cell, "episodes", ps, "the visit episodes");
          const nlohmann::json& d = array_of(jr::require(cell, "distributions", ps, "the distributions"), e.size(),
                                             jr::child_pointer(ps, "distributions"), "distributions, one per visit");
          std::int64_t previous = 0;
          for (std::size_t j = 0; j < e.size(); ++j) {
            const std::string pe = jr::child_pointer(jr::child_pointer(ps, "episodes"), j);
            if (!e[j].is_number_integer()) jr::fail(pe, "expected a whole number");
            const std::int64_t episode = e[j].get<std::int64_t>();
            if (episode < previous || episode >= episodes)
              jr::fail(pe, "visit episodes must not decrease and must be below " + std::to_string(episodes));
            previous = episode;
            const std::string pd = jr::child_pointer(jr::child_pointer(ps, "distributions"), j);
            if (!d[j].is_array() || d[j].size() != row)
              jr::fail(pd, "expected " + std::to_string(row) + " numbers: every player's distribution in turn");
            std::span<float> target =
                log.add_visit(static_cast<int>(h), static_cast<int>(s), static_cast<std::uint32_t>(episode));
            for (int i = 0; i < model.num_players(); ++i) {
              const std::size_t begin = static_cast<std::size_t>(model.action_offset(i));
              const std::size_t n = static_cast<std::size_t>(model.num_actions(i));
              nlohmann::json slice(std::vector<nlohmann::json>(d[j].begin() + static_cast<std::ptrdiff_t>(begin),
                                                               d[j].begin() + static_cast<std::ptrdiff_t>(begin + n)));
              read_distribution(slice, n, pd, target.subspan(begin, n));
            }
          }
        }
      }
      log.set_episodes(episodes);
      out.certified.emplace(std::move(log));
    } else {
      jr::fail("/kind", "expected \"product\", \"correlated\" or \"certified\"");
    }
    return out;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

MarkovPolicyFile read_markov_policy(const std::string& path, const MarkovModel& model, const LoadLimits& limits) {
  const std::string text = read_input_file(path, limits);
  if (looks_like_play_file(text)) {
    ReplayedPlay play = replay_play_file(text, path, model, limits);
    MarkovPolicyFile out;
    out.game = std::move(play.game);
    out.certified.emplace(std::move(play.log));
    out.replay_matches = play.checksum_matches;
    out.written_by = std::move(play.written_by);
    return out;
  }
  return parse_markov_policy(jr::parse_document(text, path, limits), path, model);
}

nlohmann::ordered_json output_policy_json(const MarkovModel& model, const MarkovSolver& solver) {
  if (const VisitLog* log = solver.certified()) return certified_policy_json(model, *log);
  if (const CorrelatedPolicy* c = solver.correlated()) return correlated_policy_json(model, *c);
  if (const ProductPolicy* p = solver.product()) return product_policy_json(model, *p);
  return nullptr;
}

}  // namespace eqlab

#include <eqlab/games/io/result_file.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

namespace {

void require_normal_layout(const CompiledGame& game) {
  for (const Treeplex& tp : game.treeplex)
    if (tp.num_infosets() != 1)
      throw std::invalid_argument("result strategies: a normal-form game has one infoset per player");
}

nlohmann::ordered_json infoset_json(const Treeplex& tp, int infoset, std::span<const double> behavioural) {
  nlohmann::ordered_json actions = nlohmann::ordered_json::object();
  for (int s = tp.first_seq[infoset]; s < tp.first_seq[infoset] + tp.num_actions[infoset]; ++s)
    actions[tp.action_labels[s]] = behavioural[s];
  return actions;
}

double probability(const nlohmann::json& value, const std::string& file, const std::string& pointer) {
  double p = 0.0;
  if (value.is_number()) {
    p = value.get<double>();
  } else if (value.is_string()) {
    std::optional<Number> n = Number::parse(value.get<std::string>());
    if (!n) throw InputError(file, pointer, "\"" + value.get<std::string>() + "\" is not a number");
    p = n->value;
  } else {
    throw InputError(file, pointer, "expected a probability (a number), found " + std::string(value.type_name()));
  }
  if (!std::isfinite(p)) throw InputError(file, pointer, "the probability is not finite");
  if (p < 0.0) throw InputError(file, pointer, "the probability " + value.dump() + " is negative");
  return p;
}

// Reads one infoset's {action label: probability} into `behavioural`.
void read_infoset(const nlohmann::json& actions, const Treeplex& tp, int infoset,
                  std::span<double> behavioural, const std::string& file, const std::string& pointer) {
  if (!actions.is_object())
    throw InputError(file, pointer, "expected an object {action label: probability}, found " +
                                        std::string(actions.type_name()));
  const int first = tp.first_seq[infoset], count = tp.num_actions[infoset];
  for (int s = first; s < first + count; ++s) behavioural[s] = 0.0;
  double sum = 0.0;
  for (const auto& [label, value] : actions.items()) {
    const std::string where = pointer + "/" + pointer_token(label);
    int seq = -1;
    for (int s = first; s < first + count && seq < 0; ++s)
      if (tp.action_labels[s] == label) seq = s;
    if (seq < 0) {
      std::string known;
      for (int s = first; s < first + count; ++s) known += (s == first ? "" : ", ") + tp.action_labels[s];
      throw InputError(file, where, "unknown action \"" + label + "\" (the actions here are " + known + ")");
    }
    behavioural[seq] = probability(value, file, where);
    sum += behavioural[seq];
  }
  if (std::fabs(sum - 1.0) > 1e-6) {
    char text[64];
    std::snprintf(text, sizeof text, "%.12g", sum);
    throw InputError(file, pointer, std::string("the probabilities sum to ") + text + ", not 1");
  }
  for (int s = first; s < first + count; ++s) behavioural[s] /= sum;
}

}  // namespace

nlohmann::ordered_json behavioural_strategies_to_json(const CompiledGame& game, const Profile& behavioural) {
  if (static_cast<int>(behavioural.size()) != game.num_players())
    throw std::invalid_argument("behavioural_strategies_to_json: the profile does not match the game");
  if (game.from_normal_form) require_normal_layout(game);
  nlohmann::ordered_json players = nlohmann::ordered_json::array();
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    if (game.from_normal_form) {
      players.push_back(infoset_json(tp, 0, behavioural[p]));
      continue;
    }
    // Appended in game order without operator[]'s search: labels are unique per player.
    nlohmann::ordered_json infosets = nlohmann::ordered_json::object();
    auto& members = infosets.get_ref<nlohmann::ordered_json::object_t&>();
    members.reserve(tp.num_infosets());
    for (int j = 0; j < tp.num_infosets(); ++j)
      members.emplace_back(tp.infoset_labels[j], infoset_json(tp, j, behavioural[p]));
    players.push_back(std::move(infosets));
  }
  return players;
}

nlohmann::ordered_json strategies_to_json(const CompiledGame& game, const Profile& x) {
  if (static_cast<int>(x.size()) != game.num_players())
    throw std::invalid_argument("strategies_to_json: the profile does not match the game");
  return behavioural_strategies_to_json(game, game.behavioural_profile(x));
}

nlohmann::ordered_json result_to_json(const ResultHeader& header, const CompiledGame& game, const Profile& x, nlohmann::ordered_json metrics, nlohmann::ordered_json curve) {
  nlohmann::ordered_json result = {
      {"format", kResultFormat},
      {"game", header.game},
      {"solver", {{"name", header.solver}, {"params", header.params}}},
      {"concept", header.concept_name},
      {"iterations", header.iterations},
      {"strategies", strategies_to_json(game, x)},
      {"metrics", std::move(metrics)},
  };
  if (!curve.is_null()) result["curve"] = std::move(curve);
  return result;
}

Profile behavioural_strategies_from_json(const nlohmann::json& strategies, const CompiledGame& game, const std::string& file, const std::string& pointer) {
  const int n = game.num_players();
  if (!strategies.is_array() || static_cast<int>(strategies.size()) != n)
    throw InputError(file, pointer, "expected an array of " + std::to_string(n) +
                                        " strategies, one per player");
  if (game.from_normal_form) require_normal_layout(game);
  Profile b(n);
  for (int p = 0; p < n; ++p) {
    const Treeplex& tp = game.treeplex[p];
    const std::string player_pointer = pointer + "/" + std::to_string(p);
    // Start from the uniform strategy: infosets that are not given keep it.
    std::vector<double>& behavioural = b[p];
    behavioural.assign(tp.num_sequences(), 1.0);
    for (int j = 0; j < tp.num_infosets(); ++j)
      for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s)
        behavioural[s] = 1.0 / tp.num_actions[j];

    const nlohmann::json& given = strategies[p];
    if (game.from_normal_form) {
      read_infoset(given, tp, 0, behavioural, file, player_pointer);
    } else {
      if (!given.is_object())
        throw InputError(file, player_pointer, "expected an object {infoset label: {action label: probability}}");
      std::unordered_map<std::string, int> index;
      for (int j = 0; j < tp.num_infosets(); ++j) index.emplace(tp.infoset_labels[j], j);
      for (const auto& [label, actions] : given.items()) {
        const std::string where = player_pointer + "/" + pointer_token(label);
        auto it = index.find(label);
        if (it == index.end())
          throw InputError(file, where, "player " + std::to_string(p) + " (" + game.players[p] +
                                            ") has no infoset \"" + label + "\" in this game");
        read_infoset(actions, tp, it->second, behavioural, file, where);
      }
    }
  }
  return b;
}

Profile strategies_from_json(const nlohmann::json& strategies, const CompiledGame& game,
                             const std::string& file, const std::string& pointer) {
  const Profile b = behavioural_strategies_from_json(strategies, game, file, pointer);
  Profile x(game.num_players());
  for (int p = 0; p < game.num_players(); ++p) {
    x[p].assign(game.treeplex[p].num_sequences(), 0.0);
    game.treeplex[p].to_sequence_form(b[p], x[p]);
  }
  return x;
}

nlohmann::json read_result_file(const std::string& path, const LoadLimits& limits) {
  const std::string text = read_input_file(path, limits);
  // Read into std::map-backed objects: an ordered object would make parsing quadratic
  // in the number of infosets.
  nlohmann::json result;
  try {
    result = parse_json_text(text, limits.max_nesting);
  } catch (const InputError& e) {
    throw e.in_file(path);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "", std::string("not valid JSON: ") + e.what());
  }
  if (!result.is_object()) throw InputError(path, "", "a result file holds one JSON object");
  const auto format = result.find("format");
  if (format == result.end()) throw InputError(path, "/format", "missing; expected \"" + std::string(kResultFormat) + "\"");
  if (*format != kResultFormat)
    throw InputError(path, "/format", "expected \"" + std::string(kResultFormat) + "\", found " + describe_json_value(*format));
  if (!result.contains("strategies")) throw InputError(path, "/strategies", "missing");
  return result;
}

Profile result_profile(const nlohmann::json& result, const CompiledGame& game,
                       const std::string& file) {
  const auto strategies = result.find("strategies");
  if (strategies == result.end()) throw InputError(file, "/strategies", "missing");
  return strategies_from_json(*strategies, game, file, "/strategies");
}

}  // namespace eqlab

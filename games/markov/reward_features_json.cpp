#include <eqlab/games/markov/reward_features_json.hpp>

#include <unordered_map>

#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

using nlohmann::json;
using namespace json_reading;

namespace {

constexpr int kAny = -1;
constexpr double kMaxRows = 1 << 22;

int label_index(const json& j, const std::string& pointer, const std::vector<std::string>& labels, const char* what) {
  const std::string& label = read_label(j, pointer, what);
  if (label == "*") return kAny;
  for (std::size_t k = 0; k < labels.size(); ++k)
    if (labels[k] == label) return static_cast<int>(k);
  fail(pointer, std::string("unknown ") + what + " \"" + label + "\"");
}

}  // namespace

bool has_reward_features(const json& doc) { return doc.is_object() && doc.contains("reward_features"); }

RewardFeatureMap parse_reward_features(const json& doc, const std::string& file, const MarkovModel& model) {
  try {
    if (!has_reward_features(doc)) fail("/reward_features", "the game file has no reward feature map");
    const json& map = doc["reward_features"];
    const std::string at = "/reward_features";
    if (!map.is_object()) fail(at, "expected {\"dimension\": d, \"entries\": [...]}, got " + type_name(map));
    check_members(map, at, {"dimension", "entries"}, "a reward feature map");
    const json& dimension = require(map, "dimension", at, "the number of features d >= 1");
    if (!dimension.is_number_integer() || dimension.get<std::int64_t>() < 1 || dimension.get<std::int64_t>() > 100000)
      fail(at + "/dimension", "expected a whole number of features from 1 to 100000");
    RewardFeatureMap out;
    out.dimension = static_cast<int>(dimension.get<std::int64_t>());
    const int m = model.num_players(), S = model.num_states(), H = model.horizon();
    const double rows = model.joint_actions() * S * H;
    if (rows > kMaxRows) fail(at, "a feature map of more than 2^22 (step, state, joint action) entries is not read");
    const std::size_t J = static_cast<std::size_t>(model.joint_actions());
    out.rows.resize(static_cast<std::size_t>(rows));
    std::vector<char> set(out.rows.size(), 0);

    const json& entries = require_array(map, "entries", at, "feature entries");
    std::vector<int> joint_action(m);
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const json& e = entries[k];
      const std::string p = child_pointer(at + "/entries", k);
      if (!e.is_object()) fail(p, "expected a feature entry (an object), got " + type_name(e));
      check_members(e, p, {"state", "actions", "step", "phi"}, "a feature entry");
      const int state = label_index(require(e, "state", p, "a state label or \"*\""), p + "/state", model.shape().states, "state");
      const json& actions = require_array(e, "actions", p, "one action label or \"*\" per player");
      if (static_cast<int>(actions.size()) != m)
        fail(p + "/actions", "expected " + std::to_string(m) + " actions (one per player), got " + std::to_string(actions.size()));
      std::vector<int> action(m);
      for (int i = 0; i < m; ++i)
        action[i] = label_index(actions[i], child_pointer(p + "/actions", i), model.shape().actions[i], "action");
      int step = kAny;
      if (e.contains("step")) {
        if (!e["step"].is_number_integer() || e["step"].get<std::int64_t>() < 1 || e["step"].get<std::int64_t>() > H)
          fail(p + "/step", "expected a step 1.." + std::to_string(H));
        step = static_cast<int>(e["step"].get<std::int64_t>()) - 1;
      }
      const json& phi = require_array(e, "phi", p, "d feature values");
      if (static_cast<int>(phi.size()) != out.dimension)
        fail(p + "/phi", "expected " + std::to_string(out.dimension) + " values (the dimension), got " + std::to_string(phi.size()));
      std::vector<std::pair<int, double>> row;
      for (int f = 0; f < out.dimension; ++f) {
        const double x = read_number(phi[f], child_pointer(p + "/phi", f), "a feature value").value;
        if (x != 0.0) row.emplace_back(f, x);
      }
      // Every (h, s, joint) the entry matches and no earlier entry took.
      for (int h = 0; h < H; ++h) {
        if (step != kAny && step != h) continue;
        for (int s = 0; s < S; ++s) {
          if (state != kAny && state != s) continue;
          for (std::size_t joint = 0; joint < J; ++joint) {
            model.decode_joint(joint, joint_action);
            bool match = true;
            for (int i = 0; i < m && match; ++i) match = action[i] == kAny || action[i] == joint_action[i];
            const std::size_t r = (static_cast<std::size_t>(h) * S + s) * J + joint;
            if (!match || set[r]) continue;
            set[r] = 1;
            out.rows[r] = row;
          }
        }
      }
    }
    for (std::size_t r = 0; r < set.size(); ++r)
      if (!set[r]) {
        const std::size_t joint = r % J, s = (r / J) % S, h = r / (J * S);
        model.decode_joint(joint, joint_action);
        std::string actions;
        for (int i = 0; i < m; ++i) actions += (i ? ", " : "") + model.shape().actions[i][joint_action[i]];
        fail(at + "/entries", "no entry matches step " + std::to_string(h + 1) + ", state " + model.shape().states[s] +
                                  ", actions [" + actions + "]; every (step, state, joint action) needs one");
      }
    return out;
  } catch (const InputError& e) {
    throw at_document(e, file);
  }
}

RewardFeatureMap load_reward_features(const std::string& path, const MarkovModel& model, const LoadLimits& limits) {
  const json doc = parse_document(read_input_file(path, limits), path, limits);
  return parse_reward_features(doc, path, model);
}

}  // namespace eqlab

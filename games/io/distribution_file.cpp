#include <eqlab/games/io/distribution_file.hpp>

#include <cmath>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

namespace {

constexpr const char* kLineShape = R"({"weight": w, "strategies": [...]})";

double read_weight(const nlohmann::json& value, const std::string& path, const std::string& where) {
  std::optional<double> weight;
  if (value.is_number()) {
    weight = value.get<double>();
  } else if (value.is_string()) {
    if (std::optional<Number> n = Number::parse(value.get<std::string>())) weight = n->value;
  }
  if (!weight)
    throw InputError(path, where, "expected a positive number, found " + describe_json_value(value));
  if (!std::isfinite(*weight) || !(*weight > 0.0))
    throw InputError(path, where, "the weight must be a positive finite number, not " + describe_json_value(value));
  return *weight;
}

}  // namespace

void write_distribution_line(std::ostream& out, const CompiledGame& game, const Profile& x,
                             double weight, const Profile* behavioural) {
  nlohmann::ordered_json line = nlohmann::ordered_json::object();
  line["weight"] = weight;
  line["strategies"] = behavioural ? behavioural_strategies_to_json(game, *behavioural)
                                   : strategies_to_json(game, x);
  // dump() writes each double with the fewest digits that read back to the same value.
  out << line.dump() << '\n';
}

std::int64_t visit_distribution_file(
    const std::string& path, const CompiledGame& game, const LoadLimits& limits,
    const std::function<void(double weight, const Profile& x, std::int64_t line)>& visit) {
  return visit_distribution_file(path, game, limits,
                                 [&](double weight, const Profile& x, const Profile&, std::int64_t line) {
                                   visit(weight, x, line);
                                 });
}

std::int64_t visit_distribution_file(
    const std::string& path, const CompiledGame& game, const LoadLimits& limits,
    const std::function<void(double weight, const Profile& x, const Profile& behavioural, std::int64_t line)>&
        visit) {
  Profile x(game.num_players());
  std::int64_t profiles = 0;
  double weight_sum = 0.0;
  json_reading::visit_json_lines(path, limits, [&](const nlohmann::json& entry, const std::string& where,
                                                   std::int64_t line_number) {
    if (!entry.is_object())
      throw InputError(path, where, std::string("expected an object ") + kLineShape + ", found " + entry.type_name());
    for (const auto& [key, value] : entry.items())
      if (key != "weight" && key != "strategies" && key.rfind("x-", 0) != 0)
        throw InputError(path, where + ": /" + pointer_token(key),
                         "unknown member \"" + key + "\" (a line holds weight and strategies; extensions must "
                         "start with \"x-\")");
    const auto weight_member = entry.find("weight");
    if (weight_member == entry.end()) throw InputError(path, where + ": /weight", "missing");
    const auto strategies = entry.find("strategies");
    if (strategies == entry.end()) throw InputError(path, where + ": /strategies", "missing");

    const double weight = read_weight(*weight_member, path, where + ": /weight");
    weight_sum += weight;
    if (!std::isfinite(weight_sum))
      throw InputError(path, where + ": /weight", "the weights add up to more than the largest double");
    const Profile behavioural =
        behavioural_strategies_from_json(*strategies, game, path, where + ": /strategies");
    for (int p = 0; p < game.num_players(); ++p) {
      x[p].assign(game.treeplex[p].num_sequences(), 0.0);
      game.treeplex[p].to_sequence_form(behavioural[p], x[p]);
    }
    ++profiles;
    visit(weight, x, behavioural, line_number);
  });
  if (profiles == 0)
    throw InputError(path, "", std::string("the distribution is empty: expected one ") + kLineShape + " per line");
  return profiles;
}

std::vector<WeightedProfile> read_distribution_file(const std::string& path, const CompiledGame& game, const LoadLimits& limits) {
  std::vector<WeightedProfile> mixture;
  double total = 0.0;
  visit_distribution_file(path, game, limits, [&](double weight, const Profile& x, std::int64_t) {
    mixture.push_back({weight, x});
    total += weight;
  });
  for (WeightedProfile& entry : mixture) entry.weight /= total;
  return mixture;
}

}  // namespace eqlab

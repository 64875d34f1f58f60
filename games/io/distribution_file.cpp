#include <eqlab/games/io/distribution_file.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLineShape = R"({"weight": w, "strategies": [...]})";

nlohmann::json parse_line(const std::string& text, const std::string& path, const std::string& where,
                          const LoadLimits& limits) {
  try {
    return parse_json_text(text, limits.max_nesting);
  } catch (const InputError& e) {
    // A number out of range comes with its pointer within the line.
    throw InputError(path, e.pointer().rfind('/', 0) == 0 ? where + ": " + e.pointer() : where, e.detail());
  } catch (const nlohmann::json::exception& e) {
    // nlohmann counts lines and columns within the line it was given: keep the column.
    std::string what = e.what();
    if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    if (auto pos = what.find("at line 1, column"); pos != std::string::npos) what.replace(pos, 17, "at column");
    throw InputError(path, where, "invalid JSON: " + what);
  }
}

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
  check_input_file(path, limits);
  Profile x(game.num_players());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the file");

  std::string text;
  std::int64_t line_number = 0, profiles = 0;
  double weight_sum = 0.0;
  while (std::getline(in, text)) {
    ++line_number;
    if (line_number == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 byte-order mark
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "line " + std::to_string(line_number);
    const nlohmann::json entry = parse_line(text, path, where, limits);
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
  }
  if (in.bad()) throw InputError(path, "", "cannot read the file");
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

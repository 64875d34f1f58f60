#include <eqlab/sim/experiment/config.hpp>

#include <filesystem>
#include <set>
#include <system_error>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

bool is_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '+' || c == '-';
}

nlohmann::json read_config_document(const std::string& path) {
  return json_reading::parse_document(read_input_file(path), path, {});
}

std::string game_spec_beside_config(const std::string& folder, const std::string& spec) {
  if (folder.empty() || !std::filesystem::path(spec).is_relative()) return spec;
  std::error_code ec;
  const std::filesystem::path beside = std::filesystem::path(folder) / spec;
  return std::filesystem::is_regular_file(beside, ec) ? beside.string() : spec;
}

std::string config_text(const nlohmann::json& value, const std::string& file, const std::string& pointer) {
  if (!value.is_string() || value.get<std::string>().empty())
    throw InputError(file, pointer, "expected a non-empty string");
  return value.get<std::string>();
}

std::vector<std::uint64_t> config_seeds(const nlohmann::json& doc, const std::string& file) {
  if (!doc.contains("seeds")) throw InputError(file, "", "missing member 'seeds'");
  const nlohmann::json& seeds = doc["seeds"];
  std::vector<std::uint64_t> out;
  if (!seeds.is_array()) {
    if (!seeds.is_number_integer() || seeds.get<std::int64_t>() < 1 || seeds.get<std::int64_t>() > 10000)
      throw InputError(file, "/seeds", "expected a whole number from 1 to 10000, or a list of seeds");
    for (std::int64_t s = 0; s < seeds.get<std::int64_t>(); ++s) out.push_back(static_cast<std::uint64_t>(s));
    return out;
  }
  if (seeds.empty()) throw InputError(file, "/seeds", "expected at least one seed");
  std::set<std::uint64_t> seen;
  for (std::size_t k = 0; k < seeds.size(); ++k) {
    const std::string pointer = "/seeds/" + std::to_string(k);
    if (!seeds[k].is_number_integer() || seeds[k].get<std::int64_t>() < 0)
      throw InputError(file, pointer, "expected a whole number from 0 to " + std::to_string(INT64_MAX));
    const auto seed = static_cast<std::uint64_t>(seeds[k].get<std::int64_t>());
    if (!seen.insert(seed).second) throw InputError(file, pointer, "duplicate seed");
    out.push_back(seed);
  }
  return out;
}

}  // namespace eqlab

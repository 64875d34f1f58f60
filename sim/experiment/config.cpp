#include <eqlab/sim/experiment/config.hpp>

#include <filesystem>
#include <system_error>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>

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

}  // namespace eqlab

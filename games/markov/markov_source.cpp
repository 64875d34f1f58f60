#include <eqlab/games/markov/markov_source.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/io/json_type_scan.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

bool looks_like_path(const std::string& spec) {
  return spec.find('/') != std::string::npos || fs::path(spec).extension() == ".json";
}

}  // namespace

std::unique_ptr<MarkovModel> load_markov_model(const std::string& spec, const LoadLimits& limits) {
  std::error_code ec;
  const fs::file_status status = fs::status(spec, ec);
  if (fs::is_directory(status)) throw InputError("", "", spec + " is a folder: give a game file or a built-in game");
  if (fs::exists(status)) return std::make_unique<TableMarkovModel>(load_markov_game_file(spec, limits));
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw InputError("", "", "cannot open " + spec + ": " + ec.message());
  if (is_markov_builtin_spec(spec)) return make_markov_builtin(spec);
  if (looks_like_path(spec)) throw InputError("", "", "cannot open " + spec + ": no such file");
  throw UnknownGameError(spec);
}

bool is_markov_game(const std::string& spec) {
  if (is_markov_builtin_spec(spec)) return true;
  try {
    std::error_code ec;
    if (!fs::is_regular_file(spec, ec)) return false;
    std::ifstream in(spec, std::ios::binary);
    if (!in) return false;
    return scan_json_type(in) == "markov";
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace eqlab

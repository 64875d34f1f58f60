#include <eqlab/games/io/game_source.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/game_catalog.hpp>
#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/games/io/gambit_nfg.hpp>
#include <eqlab/games/io/json_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/near_names.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

// What docs/FORMAT.md calls "looks like a path": a folder separator or a game file extension.
bool looks_like_path(const std::string& spec) {
  if (spec.find('/') != std::string::npos) return true;
  const fs::path extension = fs::path(spec).extension();
  return extension == ".json" || extension == ".efg" || extension == ".nfg";
}

}  // namespace

namespace {

// The names a GAME argument may start with: every built-in game and OpenSpiel's names.
std::vector<std::string> known_game_names() {
  std::vector<std::string> names;
  for (const CatalogGame& game : game_catalog()) {
    names.push_back(game.name);
    if (const BuiltinOpenSpiel* alias = builtin_openspiel(game.name)) names.push_back(alias->name);
  }
  return names;
}

}  // namespace

UnknownGameError::UnknownGameError(const std::string& spec)
    : InputError("", "",
                 "unknown game '" + spec + "'" + did_you_mean(spec.substr(0, spec.find('(')), known_game_names()) +
                     ": give a game file or a built-in game") {}

std::uintmax_t check_input_file(const std::string& path, const LoadLimits& limits) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) throw InputError(path, "", "no such file");
  if (fs::is_directory(status)) throw InputError(path, "", "a folder, not a file");
  if (!fs::is_regular_file(status)) throw InputError(path, "", "not a readable file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw InputError(path, "", "cannot read the file size: " + ec.message());
  if (size > limits.max_bytes)
    throw InputError(path, "", "the file has " + std::to_string(size) + " bytes, over the limit of " +
                                   std::to_string(limits.max_bytes) + " (raise it with --max-bytes)");
  return size;
}

std::string read_input_file(const std::string& path, const LoadLimits& limits) {
  if (path == kStandardInput) {
    // Read once, whoever asks first: standard input cannot be read twice.
    static const std::string text = [&] {
      std::string all;
      char buffer[1 << 16];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        all.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (all.size() > limits.max_bytes)
          throw InputError("standard input", "", "more than " + std::to_string(limits.max_bytes) +
                                                     " bytes, over the limit (raise it with --max-bytes)");
      }
      return all;
    }();
    return text;
  }
  const std::uintmax_t size = check_input_file(path, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the file");
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in) throw InputError(path, "", "cannot read the file");
  return text;
}

LoadedGame load_game_file(const std::string& file, const LoadLimits& limits) {
  const std::string text = read_input_file(file, limits);
  const std::string path = file == kStandardInput ? "standard input" : file;
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string::npos && text.compare(start, 3, "\xEF\xBB\xBF") == 0) start += 3;  // UTF-8 BOM
  if (start == std::string::npos) throw InputError(path, "", "the file is empty");
  if (text[start] == '{') return read_json_game(text, path, limits);
  if (text.compare(start, 3, "EFG") == 0) return read_gambit_efg(text, path);
  if (text.compare(start, 3, "NFG") == 0) return read_gambit_nfg(text, path);
  throw InputError(path, "", "unknown file format: expected eqlab JSON (starting with '{') or a Gambit "
                             ".efg/.nfg file (starting with EFG or NFG)");
}

LoadedGame load_game(const std::string& spec, const LoadLimits& limits) {
  if (spec == kStandardInput) return load_game_file(spec, limits);
  std::error_code ec;
  const fs::file_status status = fs::status(spec, ec);
  if (fs::is_directory(status))
    throw InputError("", "", spec + " is a folder: give a game file or a built-in game");
  if (fs::exists(status)) return load_game_file(spec, limits);
  // A path that exists but cannot be examined (a folder on the way is not searchable) is
  // reported as it is, not as a missing file.
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw InputError("", "", "cannot open " + spec + ": " + ec.message());
  if (is_builtin_spec(spec)) {
    LoadedGame game;
    game.type = "extensive";
    game.tree = make_builtin(spec);
    game.name = game.tree.name;
    return game;
  }
  if (looks_like_path(spec)) throw InputError("", "", "cannot open " + spec + ": no such file");
  throw UnknownGameError(spec);
}

}  // namespace eqlab

#include <eqlab/games/io/game_source.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/games/io/gambit_nfg.hpp>
#include <eqlab/games/io/json_game.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

std::string read_whole_file(const std::string& path, const LoadLimits& limits) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(path, "", "not a readable file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw InputError(path, "", "cannot read the file size: " + ec.message());
  if (size > limits.max_bytes)
    throw InputError(path, "", "the file has " + std::to_string(size) + " bytes, over the limit of " +
                                   std::to_string(limits.max_bytes) + " (raise it with --max-bytes)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the file");
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in) throw InputError(path, "", "cannot read the file");
  return text;
}

}  // namespace

LoadedGame load_game_file(const std::string& path, const LoadLimits& limits) {
  const std::string text = read_whole_file(path, limits);
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
  std::error_code ec;
  if (fs::exists(spec, ec)) return load_game_file(spec, limits);
  if (!is_builtin_spec(spec)) {
    const bool looks_like_path = spec.find('/') != std::string::npos || spec.find('.') != std::string::npos;
    if (looks_like_path) throw InputError(spec, "", "no such file");
    throw InputError(spec, "", "neither a file nor a built-in game (list them with `eqlab games`)");
  }
  LoadedGame game;
  game.type = "extensive";
  game.tree = make_builtin(spec);
  game.name = game.tree.name;
  return game;
}

}  // namespace eqlab

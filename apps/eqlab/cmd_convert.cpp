// eqlab convert: writes any game eqlab reads (Gambit .efg/.nfg, a built-in game, eqlab
// JSON) as eqlab-game/1 JSON.
#include <sstream>

#include <eqlab/games/io/json_game.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "output_file.hpp"

namespace eqlab::cli {

const std::string_view kConvertHelp =
    R"help(usage: eqlab convert FILE --to json [--out F]

Reads FILE (a Gambit .efg or .nfg file, an eqlab JSON file, or a built-in game
such as "kuhn") and writes it as eqlab-game/1 JSON, the format described in
docs/FORMAT.md: to F, or to standard output without --out.

options:
  --to json           the output format (json is the only one; the default)
  --out F             the output file (default: standard output)
  --max-bytes N       read game files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
)help";

int run_convert(std::span<const std::string> argv) {
  const Args args = parse_args("convert", argv, {{"--to"}, {"--out"}, kMaxBytesFlag, kMaxNestingFlag}, {"FILE"}, 1);
  const std::string to = args.text("--to", "json");
  if (to != "json") throw CommandLineError("convert", "cannot convert to '" + to + "': the only format is json");
  const std::string out_path = args.text("--out", "-");
  prepare_output(out_path);
  const LoadedGame game = load_game_argument(args.positional[0], load_limits(args));
  std::ostringstream text;
  write_json_game(game, text);
  std::string json = text.str();
  if (json.empty() || json.back() != '\n') json += '\n';
  write_text_file(out_path, json);
  return kExitOk;
}

}  // namespace eqlab::cli

// eqlab convert: writes any game eqlab reads (Gambit .efg/.nfg, GraphML, DOT, a built-in
// game, eqlab JSON) as eqlab-game/1 JSON.
#include <sstream>

#include <nlohmann/json.hpp>

#include <eqlab/games/game_catalog.hpp>
#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/markov/markov_source.hpp>

#include <eqlab/games/io/json_game.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "output_file.hpp"

namespace eqlab::cli {

const std::string_view kConvertHelp =
    R"help(usage: eqlab convert FILE --to json [--out F]

Reads FILE (a Gambit .efg or .nfg file, a GraphML or DOT graph game, an eqlab
JSON file, or a built-in game such as "kuhn", "gridworld" or "markov-random")
and writes it as eqlab-game/1 JSON, the format described in docs/FORMAT.md: to
F, or to standard output without --out. A Markov game is written as a table,
one transition entry per step, state and joint action (at most a million).

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
  const std::string& spec = args.positional[0];
  std::string json;
  switch (game_type_of(spec)) {
    case GameType::graph:
      json = graph_game_to_json(load_graph_game(spec, load_limits(args))).dump(2);
      break;
    case GameType::markov:
      json = markov_game_to_json(*load_markov_model(spec, load_limits(args))).dump(2);
      break;
    case GameType::extensive: {
      const LoadedGame game = load_game_argument(spec, load_limits(args));
      std::ostringstream text;
      write_json_game(game, text);
      json = text.str();
    }
  }
  if (json.empty() || json.back() != '\n') json += '\n';
  write_text_file(out_path, json);
  return kExitOk;
}

}  // namespace eqlab::cli

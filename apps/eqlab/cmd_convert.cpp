// eqlab convert: writes any game eqlab reads (Gambit .efg/.nfg, GraphML, DOT, a built-in
// game, eqlab JSON) as eqlab-game/1 JSON, and extensive and normal-form games in Gambit's
// .efg and .nfg formats.
#include <sstream>

#include <nlohmann/json.hpp>

#include <eqlab/games/game_catalog.hpp>
#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/markov/markov_source.hpp>

#include <eqlab/games/io/gambit_writer.hpp>
#include <eqlab/games/io/json_game.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "output_file.hpp"

namespace eqlab::cli {

const std::string_view kConvertHelp =
    R"help(usage: eqlab convert FILE [--to json|efg|nfg] [--out F]

Reads FILE (a Gambit .efg or .nfg file, a GraphML or DOT graph game, an eqlab
JSON file, or a built-in game such as "kuhn", "gridworld" or "markov-random")
and writes it as eqlab-game/1 JSON, the format described in docs/FORMAT.md: to
F, or to standard output without --out. A Markov game is written as a table,
one transition entry per step, state and joint action (at most a million).

--to efg writes an extensive (or normal-form) game as a Gambit .efg file, and
--to nfg a normal-form game as a Gambit .nfg file, so that Gambit's tools can
check it; exact payoffs and probabilities stay exact (p/q), and eqlab reads the
file back into the same game.

options:
  --to FORMAT         json (the default), efg or nfg
  --out F             the output file (default: standard output)
  --mkdir             create the missing folders of output files (else a path
                      into a folder that does not exist is refused)
  --max-bytes N       read game files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
)help";

int run_convert(std::span<const std::string> argv) {
  const Args args = parse_args("convert", argv, {{"--to"}, {"--out"}, kMkdirFlag, kMaxBytesFlag, kMaxNestingFlag}, {"FILE"}, 1);
  allow_new_folders(args);
  const std::string to = args.text("--to", "json");
  if (to != "json" && to != "efg" && to != "nfg")
    throw CommandLineError("convert", "cannot convert to '" + to + "': the formats are json, efg and nfg");
  const std::string out_path = args.text("--out", "-");
  prepare_output(out_path);
  const std::string& spec = args.positional[0];
  const GameType type = game_type_of(spec);
  if (to != "json" && type != GameType::extensive)
    throw CommandLineError("convert", std::string("--to ") + to + " writes extensive and normal-form games; " + spec +
                                          " is a " + (type == GameType::graph ? "graph" : "Markov") +
                                          " game, written only as json");
  if (to != "json") {
    const LoadedGame game = load_game_argument(spec, load_limits(args));
    std::ostringstream text;
    if (to == "efg") {
      write_gambit_efg(game.tree, game.description, text);
    } else {
      if (!game.normal)
        throw CommandLineError("convert", spec + " is an extensive game: .nfg holds normal-form games (write --to efg)");
      write_gambit_nfg(*game.normal, game.description, text);
    }
    write_text_file(out_path, text.str());
    return kExitOk;
  }
  std::string json;
  switch (type) {
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

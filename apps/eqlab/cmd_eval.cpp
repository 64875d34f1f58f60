// eqlab eval: recomputes a result file's metrics from its strategies and the game, so that
// a result can be checked by anyone who has the game.
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/lib/json_limits.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kEvalHelp =
    R"help(usage: eqlab eval GAME RESULT [options]

Reads the strategies of RESULT (a file written by 'eqlab solve --out') and
evaluates them exactly on GAME: each player's value and best-response value,
NashConv (the sum of what players gain by deviating) and exploitability
(NashConv divided by the number of players).

options:
  --json              print the metrics as one JSON object
  --threads K         use at most K threads (default: all cores)
  --max-bytes N       read game and result files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
)help";

int run_eval(std::span<const std::string> argv) {
  const Args args = parse_args("eval", argv, {{"--json", false}, {"--threads"}, kMaxBytesFlag, kMaxNestingFlag}, {"GAME", "RESULT"}, 2);
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  const LoadLimits limits = load_limits(args);
  const GameInput game = load_and_compile(args.positional[0], limits);
  const std::string& result_path = args.positional[1];
  const nlohmann::json result = read_result_file(result_path, limits);
  const Profile x = result_profile(result, game.compiled, game.normal_form(), result_path);
  const NashReport report = evaluate_nash(game.compiled, x);

  if (args.has("--json")) {
    const nlohmann::ordered_json out = {{"game", game.loaded.name},
                                {"values", report.values},
                                {"best_response", report.best_response},
                                {"nash_conv", report.nash_conv},
                                {"exploitability", report.exploitability}};
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << field("game") << game.loaded.name << "\n";
  std::string origin = result_path;
  if (result.contains("solver") && result["solver"].is_object() && result["solver"].contains("name")) {
    origin += ": " + describe_json_value(result["solver"]["name"]);
  }
  if (result.contains("iterations") && result["iterations"].is_number_integer())
    origin += ", " + std::to_string(result["iterations"].get<std::int64_t>()) + " iterations";
  std::cout << field("result") << origin << "\n";
  print_nash_details(std::cout, game.compiled, report);
  return kExitOk;
}

}  // namespace eqlab::cli

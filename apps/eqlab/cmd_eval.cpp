// eqlab eval: recomputes a result file's metrics from its strategies and the game, so that
// a result can be checked by anyone who has the game; with --distribution, the gaps of a
// correlated output from the mixture it was written as.
#include <cmath>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/games/io/distribution_file.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/sim/runner.hpp>
#include <eqlab/lib/json_limits.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "markov_commands.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kEvalHelp =
    R"help(usage: eqlab eval GAME RESULT [options]

Reads the strategies of RESULT (a file written by 'eqlab solve --out') and
evaluates them exactly on GAME: each player's value and best-response value,
NashConv (the sum of what players gain by deviating) and exploitability
(NashConv divided by the number of players).

With --distribution FILE (written by 'eqlab solve --distribution'), it
recomputes instead the NFCCE and EFCE gaps and each player's value of the
mixture that FILE holds, from FILE alone, prints them next to the values RESULT
records, and says whether they agree (to a relative 1e-9, or 1e-12 absolute).
The exit code is 1 when they do not.

With --distribution and --k K, it also computes the mixture's exact K-EFCE gap
(kefce_gap: a deviator that sees recommendations until it has played against
them K times, then plays blind; K = 0 is the NFCCE gap, K = 1 EFCE). When RESULT
records kefce_gap and k, that K is used without --k, and the two are compared.
Profiles are read in sequence form: an infoset a profile never reaches
recommends the uniform strategy there. The augmented states are counted first
('eqlab info GAME --k K' prints them); more than --max-states of them in all is
refused before anything is built.

A correlated learner's result (concept nfcce, efce or kefce) records the
marginals of the mixture it played, not an equilibrium: without --distribution
it is refused, unless --marginals asks to score those marginals as a product
profile (values, best responses, NashConv), which the output then says.

For a Markov game, RESULT is a policy file written by 'eqlab solve --policy'
(eqlab-markov-policy/1, or a .eqplay play file, eqlab-markov-play/1, replayed
through its learner first): a product policy gets its values, best responses
and Nash gap; a correlated policy its CCE and CE gaps; the certified policy of
CCE-/CE-V-learning its values, CCE gap bounds (upper: a deviator that also
knows the policy's hidden index; lower: one Markov deviation), its CE gap
bound, and its exact CCE gap when the horizon is 1.

options:
  --distribution FILE the mixture to evaluate (JSON Lines, weights normalised)
  --marginals         score a correlated result's marginals as a product profile
  --k K               also compute kefce_gap at K (0 to 64; needs --distribution)
  --max-states N      budget of K-EFCE augmented states, all players together
                      (default 50000000, about 4 GB at two actions per infoset)
  --json              print the metrics as one JSON object
  --threads K         use at most K threads (default: all cores)
  --max-bytes N       read game and result files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
)help";

namespace {

// The result's member as it reads from the file, or nothing when it is absent or not a
// number.
std::optional<double> recorded_number(const nlohmann::json& metrics, const char* name) {
  if (!metrics.is_object() || !metrics.contains(name) || !metrics[name].is_number()) return std::nullopt;
  return metrics[name].get<double>();
}

bool agree(double recomputed, double recorded) {
  const double difference = std::fabs(recomputed - recorded);
  return difference <= 1e-12 || difference <= 1e-9 * std::max(std::fabs(recomputed), std::fabs(recorded));
}

// One recomputed number and what the result says of it.
struct Comparison {
  std::string name;
  double recomputed = 0.0;
  std::optional<double> recorded;
  std::string absent = "not in the result";  // said when there is no recorded value
  bool agrees() const { return !recorded || agree(recomputed, *recorded); }
};

struct MixtureCheck {
  std::int64_t profiles = 0;
  MixtureReport mixture;
  std::optional<int> kefce_k;        // the K of kefce_gap, when it was computed
  std::optional<double> kefce_gap;
  std::vector<Comparison> comparisons;  // nfcce_gap, efce_gap, value_0, ...
  bool agrees() const {
    for (const Comparison& c : comparisons)
      if (!c.agrees()) return false;
    return true;
  }
  int compared() const {
    int n = 0;
    for (const Comparison& c : comparisons) n += c.recorded.has_value();
    return n;
  }
};

// The K the result's kefce_gap was measured at, when it records both.
std::optional<int> recorded_k(const nlohmann::json& metrics) {
  if (!recorded_number(metrics, "kefce_gap") || !metrics.contains("k") || !metrics["k"].is_number_integer())
    return std::nullopt;
  const std::int64_t k = metrics["k"].get<std::int64_t>();
  if (k < 0 || k > 64) return std::nullopt;
  return static_cast<int>(k);
}

// Accumulates the gaps over the file, one profile at a time; kefce_gap too when a K is
// given (the state budget is checked before the file is read).
MixtureCheck check_distribution(const GameInput& game, const nlohmann::json& result, const std::string& path,
                                const LoadLimits& limits, std::optional<int> kefce_k, std::uint64_t max_states) {
  const nlohmann::json metrics = result.contains("metrics") ? result["metrics"] : nlohmann::json();
  if (!kefce_k) kefce_k = recorded_k(metrics);
  MixtureMeter meter(game.compiled, kefce_k, max_states);
  MixtureCheck check;
  check.profiles = visit_distribution_file(
      path, game.compiled, limits,
      [&](double weight, const Profile& x, const Profile& behavioural, std::int64_t) {
        // The strategies as written, unreached infosets included: a deviator with K >= 2
        // can reach those and read their recommendations.
        meter.add(x, &behavioural, weight);
      });
  const MixtureReport report = meter.report();
  check.mixture.nfcce_gap = report.nfcce_gap;
  check.mixture.efce_gap = report.efce_gap;
  check.mixture.values = report.values;

  check.comparisons.push_back({"nfcce_gap", check.mixture.nfcce_gap, recorded_number(metrics, "nfcce_gap")});
  check.comparisons.push_back({"efce_gap", check.mixture.efce_gap, recorded_number(metrics, "efce_gap")});
  if (report.kefce_gap) {
    check.kefce_k = kefce_k;
    check.kefce_gap = report.kefce_gap;
    Comparison c{"kefce_gap", *check.kefce_gap, std::nullopt};
    const std::optional<int> k_of_result = recorded_k(metrics);
    if (k_of_result && *k_of_result == *kefce_k) c.recorded = recorded_number(metrics, "kefce_gap");
    else if (k_of_result) c.absent = "not compared: the result's kefce_gap is at K = " + std::to_string(*k_of_result);
    check.comparisons.push_back(c);
  }
  // A Nash result's values are those of its output profile, not of the mixture.
  const std::optional<Concept> recorded =
      result.contains("concept") && result["concept"].is_string()
          ? parse_concept(result["concept"].get<std::string>())
          : std::nullopt;
  const bool correlated = recorded && is_correlated(*recorded);
  const nlohmann::json values = correlated && metrics.is_object() && metrics.contains("values") ? metrics["values"]
                                                                                               : nlohmann::json();
  for (int p = 0; p < game.compiled.num_players(); ++p) {
    Comparison c{"value_" + std::to_string(p), check.mixture.values[p], std::nullopt};
    if (!correlated) c.absent = "not compared: the result's values are those of its output profile";
    if (values.is_array() && values.size() == check.mixture.values.size() && values[p].is_number())
      c.recorded = values[p].get<double>();
    check.comparisons.push_back(c);
  }
  return check;
}

// What the result records of the recomputed numbers, named as in its metrics.
nlohmann::ordered_json comparison_json(const MixtureCheck& check) {
  nlohmann::ordered_json recorded = nlohmann::ordered_json::object();
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (const Comparison& c : check.comparisons) {
    if (!c.recorded) continue;
    if (c.name.rfind("value_", 0) == 0) values.push_back(*c.recorded);
    else recorded[c.name] = *c.recorded;
    if (c.name == "kefce_gap") recorded["k"] = *check.kefce_k;
  }
  if (!values.empty()) recorded["values"] = values;
  return recorded;
}

void print_mixture_check(std::ostream& out, const CompiledGame& game, const MixtureCheck& check) {
  for (const Comparison& c : check.comparisons) {
    std::string name = c.name;
    if (c.name.rfind("value_", 0) == 0) {
      const int p = std::stoi(c.name.substr(6));
      name = p == 0 ? "value" : "";
      out << field(name) << "player " << p << " (" << game.players[p] << "): ";
    } else if (c.name == "kefce_gap") {
      out << field("kefce_gap") << "K = " << *check.kefce_k << ": ";
    } else {
      out << field(name);
    }
    out << precise_text(c.recomputed);
    if (!c.recorded) out << " (" << c.absent << ")\n";
    else out << " (result: " << precise_text(*c.recorded) << ", " << (c.agrees() ? "agrees" : "DIFFERS") << ")\n";
  }
  if (check.compared() == 0) out << field("verdict") << "the result records none of these: nothing to compare\n";
  else if (check.agrees()) out << field("verdict") << "the distribution agrees with the result\n";
  else out << field("verdict") << "the distribution does NOT agree with the result\n";
}

// The concept a result records, when it records a known one.
std::optional<Concept> recorded_concept(const nlohmann::json& result) {
  const auto it = result.find("concept");
  if (it == result.end() || !it->is_string()) return std::nullopt;
  return parse_concept(it->get<std::string>());
}

// The result's strategies on `game`; when they do not fit and the result names another
// game, the message says which game it was made for.
Profile profile_for_game(const nlohmann::json& result, const GameInput& game, const std::string& result_path) {
  try {
    return result_profile(result, game.compiled, result_path);
  } catch (const InputError& e) {
    const auto it = result.find("game");
    if (it != result.end() && it->is_string() && it->get<std::string>() != game.loaded.name)
      throw InputError(e.file(), e.pointer(),
                       e.detail() + " (the result was made for the game " + it->get<std::string>() + ", not " +
                           game.loaded.name + ")");
    throw;
  }
}

std::string result_origin(const nlohmann::json& result, const std::string& result_path) {
  std::string origin = result_path;
  if (result.contains("solver") && result["solver"].is_object() && result["solver"].contains("name")) {
    origin += ": " + describe_json_value(result["solver"]["name"]);
  }
  if (result.contains("iterations") && result["iterations"].is_number_integer())
    origin += ", " + std::to_string(result["iterations"].get<std::int64_t>()) + " iterations";
  return origin;
}

}  // namespace

int run_eval(std::span<const std::string> argv) {
  const Args args = parse_args("eval", argv,
                               {{"--json", false}, {"--distribution"}, {"--marginals", false}, {"--threads"}, {"--k"},
                                {"--max-states"},
                                kMaxBytesFlag, kMaxNestingFlag},
                               {"GAME", "RESULT"}, 2);
  if (is_markov_argument(args.positional[0])) return run_markov_eval(args);
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  std::optional<int> kefce_k;
  if (args.has("--k")) kefce_k = static_cast<int>(args.integer("--k", 1, 0, 64));
  const std::int64_t max_states = args.integer("--max-states", static_cast<std::int64_t>(kDefaultMaxAugmentedStates), 1);
  if ((kefce_k || args.has("--max-states")) && !args.has("--distribution"))
    throw CommandLineError("eval", "--k and --max-states need --distribution: the K-EFCE gap is that of a mixture");

  const LoadLimits limits = load_limits(args);
  const GameInput game = load_and_compile(args.positional[0], limits);
  const std::string& result_path = args.positional[1];
  const nlohmann::json result = read_result_file(result_path, limits);
  if (args.has("--distribution")) {
    const std::string distribution_path = args.text("--distribution");
    if (distribution_path.empty()) throw CommandLineError("eval", "--distribution needs a file name");
    const MixtureCheck check = check_distribution(game, result, distribution_path, limits, kefce_k,
                                                  static_cast<std::uint64_t>(max_states));
    if (args.has("--json")) {
      nlohmann::ordered_json out = {{"game", game.loaded.name},
                                    {"profiles", check.profiles},
                                    {"nfcce_gap", check.mixture.nfcce_gap},
                                    {"efce_gap", check.mixture.efce_gap}};
      if (check.kefce_gap) {
        out["kefce_gap"] = *check.kefce_gap;
        out["k"] = *check.kefce_k;
      }
      out["values"] = check.mixture.values;
      out["recorded"] = comparison_json(check);
      out["agree"] = check.agrees();
      std::cout << out.dump(2) << "\n";
    } else {
      std::cout << field("game") << game.loaded.name << "\n";
      std::cout << field("result") << result_origin(result, result_path) << "\n";
      std::cout << field("distribution") << distribution_path << ": " << check.profiles << " profiles\n";
      print_mixture_check(std::cout, game.compiled, check);
    }
    return check.agrees() ? kExitOk : kExitBadInput;
  }
  const std::optional<Concept> recorded = recorded_concept(result);
  const bool correlated = recorded && is_correlated(*recorded);
  if (correlated && !args.has("--marginals"))
    throw CommandLineError("eval", result_path + " is the output of a correlated learner (concept " +
                                       std::string(concept_name(*recorded)) +
                                       "): its strategies are the marginals of the mixture played, not an "
                                       "equilibrium. Give that mixture with --distribution FILE (written by 'eqlab "
                                       "solve --distribution'), or --marginals to score the marginals as a product "
                                       "profile");
  if (!correlated && args.has("--marginals"))
    throw CommandLineError("eval", "--marginals is for a correlated learner's result; " + result_path +
                                       " is a Nash profile");
  const Profile x = profile_for_game(result, game, result_path);
  const NashReport report = evaluate_nash(game.compiled, x);

  if (args.has("--json")) {
    nlohmann::ordered_json out = {{"game", game.loaded.name}};
    if (correlated) out["measured"] = "the marginal product profile of a correlated result";
    out.update(nlohmann::ordered_json{{"values", report.values},
                                {"best_response", report.best_response},
                                {"nash_conv", report.nash_conv},
                                {"exploitability", report.exploitability}});
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << field("game") << game.loaded.name << "\n";
  std::cout << field("result") << result_origin(result, result_path) << "\n";
  if (correlated)
    std::cout << field("measured") << "the marginal product profile (not the mixture: give --distribution for "
              << concept_name(*recorded) << " gaps)\n";
  print_nash_details(std::cout, game.compiled, report);
  return kExitOk;
}

}  // namespace eqlab::cli

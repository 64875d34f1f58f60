// Distribution files: what is written reads back, and every bad line is named by file and
// line number.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/distribution_file.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

#include "support/random_plans.hpp"

using namespace eqlab;
namespace fs = std::filesystem;

namespace {

fs::path scratch_file(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("eqlab-distribution-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

double largest_difference(const Profile& a, const Profile& b) {
  double worst = 0.0;
  for (std::size_t p = 0; p < a.size(); ++p)
    for (std::size_t s = 0; s < a[p].size(); ++s) worst = std::max(worst, std::fabs(a[p][s] - b[p][s]));
  return worst;
}

CompiledGame prisoners_dilemma(NormalGame& g) {
  g.players = {"row", "col"};
  g.actions = {{"cooperate", "defect"}, {"cooperate", "defect"}};
  for (int v : {3, 3, 0, 5, 5, 0, 1, 1}) g.payoffs.push_back(Number::integer(v));
  return compile(g.to_tree());
}

// The message of the InputError that reading `text` as a distribution of `game` throws.
std::string error_of(const std::string& text, const CompiledGame& game, LoadLimits limits = {}) {
  const fs::path path = scratch_file("bad.jsonl");
  write_text(path, text);
  try {
    read_distribution_file(path.string(), game, limits);
  } catch (const InputError& e) {
    CHECK(e.file() == path.string());
    return std::string(e.what()).substr(path.string().size() + 2);  // without "FILE: "
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("distribution file: profiles and weights read back as written") {
  const CompiledGame game = compile(make_builtin("kuhn(players=3)"));
  RngStream rng(5);
  const fs::path path = scratch_file("kuhn.jsonl");
  std::vector<Profile> written;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (double weight : {1.0, 2.0, 5.0}) {
      written.push_back(test::random_profile(game, rng));
      write_distribution_line(out, game, written.back(), weight);
    }
  }
  // One line per profile, members in the order weight, strategies.
  std::ifstream in(path);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    const nlohmann::ordered_json entry = nlohmann::ordered_json::parse(line);
    CHECK(entry.begin().key() == "weight");
    CHECK(entry.size() == 2);
    CHECK(entry["strategies"] == strategies_to_json(game, written[lines - 1]));
  }
  CHECK(lines == 3);

  const std::vector<WeightedProfile> read = read_distribution_file(path.string(), game);
  REQUIRE(read.size() == 3);
  // Normalised by their sum, 8.
  CHECK(read[0].weight == 0.125);
  CHECK(read[1].weight == 0.25);
  CHECK(read[2].weight == 0.625);
  for (int k = 0; k < 3; ++k) CHECK(largest_difference(read[k].profile, written[k]) <= 1e-15);

  // The visitor hands out the weights as written, with line numbers.
  std::vector<double> raw;
  std::vector<std::int64_t> numbers;
  CHECK(visit_distribution_file(path.string(), game, {}, [&](double w, const Profile&, std::int64_t n) {
          raw.push_back(w);
          numbers.push_back(n);
        }) == 3);
  CHECK(raw == std::vector<double>{1.0, 2.0, 5.0});
  CHECK(numbers == std::vector<std::int64_t>{1, 2, 3});
}

TEST_CASE("distribution file: normal-form probabilities read back bit for bit; blank lines are skipped") {
  NormalGame normal;
  const CompiledGame game = prisoners_dilemma(normal);
  // p >= 1/2 makes 1 - p exact, so p + (1 - p) is exactly 1 and nothing is rescaled.
  const double p = 0.7123456789012345, q = 0.5000000000000001;
  const Profile x = {{1.0, p, 1.0 - p}, {1.0, q, 1.0 - q}};
  std::ostringstream text;
  write_distribution_line(text, game, x, 1.0 / 3.0);
  CHECK(text.str().find(R"("strategies":[{"cooperate":0.7123456789012345,"defect":)") != std::string::npos);
  const fs::path path = scratch_file("pd.jsonl");
  write_text(path, "\n" + text.str() + "  \n\r\n" + text.str() + "\n");
  std::vector<std::int64_t> numbers;
  visit_distribution_file(path.string(), game, {}, [&](double w, const Profile& read, std::int64_t n) {
    CHECK(w == 1.0 / 3.0);
    CHECK(read == x);
    numbers.push_back(n);
  });
  CHECK(numbers == std::vector<std::int64_t>{2, 5});
  const std::vector<WeightedProfile> read = read_distribution_file(path.string(), game);
  CHECK(read.size() == 2);
  CHECK(read[0].weight == 0.5);
}

TEST_CASE("distribution file: every bad line is named by file and line number") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  std::ostringstream good_line;
  write_distribution_line(good_line, kuhn, kuhn.uniform_profile(), 0.5);
  const std::string good = good_line.str();
  const std::string strategies = nlohmann::json::parse(good)["strategies"].dump();

  CHECK(error_of(good + "{\"weight\": 1, \"strategies\"\n", kuhn) ==
        "line 2: invalid JSON: parse error at column 27: syntax error while parsing object separator - unexpected "
        "end of input; expected ':'");
  CHECK(error_of(good + good + "[1, 2]\n", kuhn) ==
        R"(line 3: expected an object {"weight": w, "strategies": [...]}, found array)");
  CHECK(error_of("{\"strategies\": " + strategies + "}\n", kuhn) == "line 1: /weight: missing");
  CHECK(error_of(good + "{\"weight\": 1}\n", kuhn) == "line 2: /strategies: missing");
  CHECK(error_of("{\"wieght\": 1, \"strategies\": " + strategies + "}\n", kuhn) ==
        "line 1: /wieght: unknown member \"wieght\" (a line holds weight and strategies; extensions must start "
        "with \"x-\")");
  CHECK(error_of("{\"x-note\": 1, \"weight\": 1, \"strategies\": " + strategies + "}\n", kuhn) == "(accepted)");
  for (const auto& [weight, what] : std::vector<std::pair<std::string, std::string>>{
           {"0", "the weight must be a positive finite number, not 0"},
           {"-0.5", "the weight must be a positive finite number, not -0.5"},
           {"\"-1/2\"", "the weight must be a positive finite number, not \"-1/2\""},
           {"\"heavy\"", "expected a positive number, found \"heavy\""},
           {"null", "expected a positive number, found null"},
           {"[1]", "expected a positive number, found array"}}) {
    CAPTURE(weight);
    CHECK(error_of(good + good + good + "{\"weight\": " + weight + ", \"strategies\": " + strategies + "}\n", kuhn) == "line 4: /weight: " + what);
  }
  CHECK(error_of("{\"weight\": \"1/3\", \"strategies\": " + strategies + "}\n", kuhn) == "(accepted)");
  CHECK(error_of(good + "{\"weight\": 1e999, \"strategies\": []}\n", kuhn) ==
        "line 2: /weight: the number 1e999 is outside the range of a double (magnitude below 1.8e308)");
  CHECK(error_of("{\"weight\": 1.5e308, \"strategies\": " + strategies + "}\n{\"weight\": 1.5e308, \"strategies\": " +
                     strategies + "}\n",
                 kuhn) == "line 2: /weight: the weights add up to more than the largest double");

  // The strategies are checked as a result file's, with the line in front of the pointer.
  std::string tampered = good;
  tampered.replace(tampered.find("\"Kb\":{\"pass\""), 12, "\"Kb\":{\"fold\"");
  CHECK(error_of(good + good + good + good + good + good + tampered, kuhn) ==
        "line 7: /strategies/1/Kb/fold: unknown action \"fold\" (the actions here are pass, bet)");
  CHECK(error_of("{\"weight\": 1, \"strategies\": [{}]}\n", kuhn) ==
        "line 1: /strategies: expected an array of 2 strategies, one per player");
  CHECK(error_of("{\"weight\": 1, \"strategies\": [{}, {\"Kb\": {\"pass\": 0.5, \"bet\": 0.6}}]}\n", kuhn) ==
        "line 1: /strategies/1/Kb: the probabilities sum to 1.1, not 1");

  // Files without any profile, too large or too deeply nested.
  CHECK(error_of("", kuhn) == R"(the distribution is empty: expected one {"weight": w, "strategies": [...]} per line)");
  CHECK(error_of("\n  \n", kuhn) == R"(the distribution is empty: expected one {"weight": w, "strategies": [...]} per line)");
  LoadLimits small;
  small.max_bytes = 100;
  CHECK(error_of(good + good, kuhn, small) ==
        "the file has " + std::to_string(2 * good.size()) + " bytes, over the limit of 100 (raise it with --max-bytes)");
  LoadLimits shallow;
  shallow.max_nesting = 3;
  CHECK(error_of("{\"weight\": 1, \"strategies\": [{}, {}]}\n{\"weight\": 1, \"strategies\": [{\"K\": {\"pass\": 1}}, {}]}\n",
                 kuhn, shallow)
            .rfind("line 2: ", 0) == 0);
  CHECK_THROWS_WITH_AS(read_distribution_file(scratch_file("missing.jsonl").string(), kuhn),
                       (scratch_file("missing.jsonl").string() + ": no such file").c_str(), InputError);
}

TEST_CASE("distribution file: a weighted mixture read back has the gap of the same mixture with repeated rounds") {
  const CompiledGame game = compile(make_builtin("kuhn(players=3)"));
  RngStream rng(9);
  const Profile a = test::random_profile(game, rng), b = test::random_profile(game, rng);
  const fs::path path = scratch_file("weighted.jsonl");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    write_distribution_line(out, game, a, 3.0);
    write_distribution_line(out, game, b, 1.0);
  }
  NfcceGap weighted(game), repeated(game);
  for (const WeightedProfile& entry : read_distribution_file(path.string(), game))
    weighted.add(entry.profile, entry.weight);
  for (const Profile* x : {&a, &a, &a, &b}) repeated.add(*x);
  CHECK(weighted.rounds() == 2);
  CHECK(weighted.total_weight() == doctest::Approx(1.0).epsilon(1e-15));
  const std::vector<double> w = weighted.player_gaps(), r = repeated.player_gaps();
  const std::vector<double> wv = weighted.values(), rv = repeated.values();
  for (int p = 0; p < 3; ++p) {
    CHECK(std::fabs(w[p] - r[p]) <= 1e-12);
    CHECK(std::fabs(wv[p] - rv[p]) <= 1e-12);
  }
  CHECK(weighted.gap() > 0.01);  // random profiles are far from an equilibrium
  // The mixture's values are the weighted average of the profiles' values.
  const std::vector<double> va = game.expected_values(a), vb = game.expected_values(b);
  for (int p = 0; p < 3; ++p) CHECK(std::fabs(wv[p] - (0.75 * va[p] + 0.25 * vb[p])) <= 1e-12);
  CHECK_THROWS_AS(weighted.add(a, 0.0), std::invalid_argument);
}

TEST_CASE("distribution file: the example of docs/FORMAT.md has the values and gaps the page states") {
  std::ifstream doc(EQLAB_SOURCE_DIR "/docs/FORMAT.md");
  REQUIRE(doc.good());
  std::string line, example;
  bool inside = false;
  while (std::getline(doc, line)) {
    if (line == "```jsonl") inside = true;
    else if (inside && line == "```") break;
    else if (inside) example += line + "\n";
  }
  REQUIRE(!example.empty());
  const fs::path path = scratch_file("format-example.jsonl");
  write_text(path, example);
  const LoadedGame pennies = load_game_file(EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json");
  const CompiledGame game = compile(pennies.tree);
  NfcceGap nfcce(game);
  EfceGap efce(game);
  for (const WeightedProfile& entry : read_distribution_file(path.string(), game)) {
    nfcce.add(entry.profile, entry.weight);
    efce.add(entry.profile);
  }
  CHECK(nfcce.rounds() == 2);
  CHECK(nfcce.values() == std::vector<double>{1.0, -1.0});
  // The matcher can only lose by deviating: its own gap is negative.
  CHECK(nfcce.player_gaps() == std::vector<double>{-1.0, 1.0});
  CHECK(nfcce.gap() == 1.0);
  CHECK(efce.gap() == 1.0);
}

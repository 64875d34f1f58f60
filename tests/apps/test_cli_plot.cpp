// eqlab plot, run as a user runs it: the curves of two solve runs in one figure, and every
// bad input or usage refused with its exit code and a one-line message.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include <sys/wait.h>
#include <unistd.h>

#include <eqlab/sim/curve.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("plot-" + name); }

bool has_gnuplot() { return std::system("command -v gnuplot >/dev/null 2>&1") == 0; }

// The width and height of a PNG, from its header chunk.
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& bytes) {
  auto word = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = at; i < at + 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    return v;
  };
  return {word(16), word(20)};
}

// Vanilla OMD and EFCE-OMD on the asymmetric Shapley game, 2000 iterations each.
void solve_shapley(const fs::path& dir) {
  const std::string game = "'" EQLAB_SOURCE_DIR "/examples/games/shapley-asymmetric.json'";
  for (const std::string solver : {"omd", "efce-omd"}) {
    const Run r = run_eqlab("solve " + game + " --solver " + solver + " --iterations 2000 --checkpoints 8 --curve " +
                                "shapley-" + solver + ".csv",
                            dir);
    REQUIRE(r.code == 0);
  }
}

}  // namespace

TEST_CASE("cli: plot draws the curves of two solve runs in one PNG") {
  const fs::path dir = scratch("draw");
  solve_shapley(dir);
  // What the figure shows: vanilla OMD's EFCE gap stays above 0.1, EFCE-OMD's falls.
  const eqlab::Curve omd = eqlab::read_curve_csv((dir / "shapley-omd.csv").string());
  const eqlab::Curve efce = eqlab::read_curve_csv((dir / "shapley-efce-omd.csv").string());
  REQUIRE(omd.rows.size() == 8);
  REQUIRE(efce.rows.size() == 8);
  CHECK(omd.rows.back().iteration == 2000);
  CHECK(omd.column("efce_gap").back() > 0.1);
  CHECK(efce.column("efce_gap").back() < 0.01);

  if (!has_gnuplot()) {
    MESSAGE("gnuplot is not installed: plot not drawn");
    return;
  }
  Run r = run_eqlab("plot shapley-omd.csv=omd shapley-efce-omd.csv=efce-omd --metric efce_gap --metric nfcce_gap "
                    "--out figures/shapley.png --mkdir --title 'Shapley: OMD vs EFCE-OMD'",
                    dir);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("figures/shapley.png") != std::string::npos);
  const std::string png = read_text(dir / "figures/shapley.png");
  REQUIRE(png.size() > 24);
  CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(png_size(png) == std::pair<std::uint32_t, std::uint32_t>{900, 600});
  CHECK(png.size() > 5000);

  // A label defaults to the file's stem: the same figure as with the stems given.
  const std::string curves[] = {"shapley-omd.csv shapley-efce-omd.csv",
                                "shapley-omd.csv=shapley-omd shapley-efce-omd.csv=shapley-efce-omd",
                                "shapley-omd.csv=omd shapley-efce-omd.csv"};
  const std::string figures[] = {"stems.png", "named.png", "other.png"};
  for (int i = 0; i < 3; ++i)
    REQUIRE(run_eqlab("plot " + curves[i] + " --metric efce_gap --out " + figures[i], dir).code == 0);
  CHECK(read_text(dir / "stems.png") == read_text(dir / "named.png"));
  CHECK(read_text(dir / "stems.png") != read_text(dir / "other.png"));

  // A file whose name holds '=' is read whole; --linear-y draws the zeros too.
  fs::copy_file(dir / "shapley-omd.csv", dir / "eta=100.csv");
  r = run_eqlab("plot eta=100.csv --metric efce_gap --metric nfcce_gap --linear-y --out eta.png", dir);
  CHECK(r.code == 0);
  CHECK(read_text(dir / "eta.png").substr(1, 3) == "PNG");

  // The format follows the name: SVG and PDF too, and nothing is left under .partial.
  REQUIRE(run_eqlab("plot shapley-omd.csv --metric efce_gap --out fig.svg", dir).code == 0);
  REQUIRE(run_eqlab("plot shapley-omd.csv --metric efce_gap --out fig.PDF", dir).code == 0);
  CHECK(read_text(dir / "fig.svg").find("<svg") != std::string::npos);
  CHECK(read_text(dir / "fig.svg").find("\x89PNG") == std::string::npos);
  CHECK(read_text(dir / "fig.PDF").rfind("%PDF-", 0) == 0);
  for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().extension() != ".partial");
  // solve --plot the same way; a name eqlab cannot draw is refused before the run.
  REQUIRE(run_eqlab("solve kuhn --iterations 20 --no-progress --plot k.svg", dir).code == 0);
  CHECK(read_text(dir / "k.svg").find("<svg") != std::string::npos);
  r = run_eqlab("solve kuhn --iterations 20 --no-progress --plot k.jpg", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("--plot 'k.jpg': a figure's name must end in .png, .svg or .pdf") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "k.jpg"));

  r = run_eqlab("help plot", dir);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("usage: eqlab plot CURVE.csv[=LABEL] ...", 0) == 0);
  CHECK(run_eqlab("--help", dir).out.find("\n  plot        draw the learning curves") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: plot refuses a malformed curve, naming the file and the line (exit 1)") {
  const fs::path dir = scratch("bad");
  std::ofstream(dir / "good.csv") << "iteration,efce_gap\n1,0.5\n10,0.25\n";
  std::ofstream(dir / "bad.csv") << "iteration,efce_gap\n1,0.5\n10,0.25x\n";
  std::ofstream(dir / "backwards.csv") << "iteration,efce_gap\n1,0.5\n10,0.25\n5,0.2\n";
  std::ofstream(dir / "headless.csv") << "1,0.5\n";
  std::ofstream(dir / "short.csv") << "iteration,efce_gap,nfcce_gap\n1,0.5\n";
  std::ofstream(dir / "empty.csv") << "iteration,efce_gap\n";
  // Input is read and checked before gnuplot is looked for: the same errors without it.
  for (const std::string env : {"", "PATH=/nonexistent"}) {
    CAPTURE(env);
    Run r = run_eqlab("plot good.csv bad.csv --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err == "eqlab plot: bad.csv: line 3: efce_gap is '0.25x', not a number\n");
    r = run_eqlab("plot good.csv backwards.csv --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err == "eqlab plot: backwards.csv: line 4: iterations must increase: 5 follows 10\n");
    r = run_eqlab("plot headless.csv=x --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err ==
          "eqlab plot: headless.csv: line 1: expected the header iteration,<metric>,..., found '1,0.5'\n");
    r = run_eqlab("plot short.csv --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err == "eqlab plot: short.csv: line 2: found 2 cells where the header has 3\n");
    r = run_eqlab("plot empty.csv --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err == "eqlab plot: empty.csv: the curve has no rows to draw\n");
    r = run_eqlab("plot missing.csv --metric efce_gap --out fig.png", dir, env);
    CHECK(r.code == 1);
    CHECK(r.err == "eqlab plot: missing.csv: no such file\n");
    CHECK(r.out.empty());
  }
  CHECK_FALSE(fs::exists(dir / "fig.png"));
  // Good input without gnuplot: exit 1, and what to install.
  const Run r = run_eqlab("plot good.csv --metric efce_gap --out fig.png", dir, "PATH=/nonexistent");
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab plot: gnuplot not found: install the gnuplot-nox package\n");
  CHECK_FALSE(fs::exists(dir / "fig.png"));
  fs::remove_all(dir);
}

TEST_CASE("cli: plot refuses a metric that no curve has, or a curve with none of them (exit 1)") {
  const fs::path dir = scratch("metric");
  std::ofstream(dir / "nash.csv") << "iteration,nash_conv,exploitability\n1,0.5,0.25\n10,0.1,0.05\n";
  std::ofstream(dir / "efce.csv") << "iteration,nfcce_gap,efce_gap\n1,0.5,0.25\n10,0.1,0.05\n";
  Run r = run_eqlab("plot nash.csv efce.csv --metric efce_gp --out fig.png", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab plot: nash.csv: the curve has none of the metrics asked for (efce_gp); "
                 "it has nash_conv, exploitability\n");
  r = run_eqlab("plot nash.csv efce.csv --metric exploitability --metric efce_gp --out fig.png", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab plot: efce.csv: the curve has none of the metrics asked for (exploitability, efce_gp); "
                 "it has nfcce_gap, efce_gap\n");
  r = run_eqlab("plot nash.csv efce.csv --metric exploitability --metric efce_gap --metric nfcce_gp --out fig.png",
                dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab plot: no curve has the metric 'nfcce_gp': nash.csv has nash_conv, exploitability; "
                 "efce.csv has nfcce_gap, efce_gap\n");
  CHECK_FALSE(fs::exists(dir / "fig.png"));
  // Each curve has one of the metrics: a Nash and an EFCE learner share the figure.
  if (has_gnuplot()) {
    r = run_eqlab("plot nash.csv efce.csv --metric exploitability --metric efce_gap --out fig.png", dir);
    CHECK(r.code == 0);
    CHECK(read_text(dir / "fig.png").substr(1, 3) == "PNG");
  }
  fs::remove_all(dir);
}

TEST_CASE("cli: plot usage errors exit 2 with one line that points to 'eqlab help plot'") {
  const fs::path dir = scratch("usage");
  std::ofstream(dir / "a.csv") << "iteration,efce_gap\n1,0.5\n";
  const std::pair<const char*, const char*> cases[] = {
      {"plot a.csv --metric efce_gap", "missing --out FIG.png, the figure to write"},
      {"plot a.csv --out fig.png", "missing --metric NAME, the column to draw (e.g. --metric exploitability)"},
      {"plot --metric efce_gap --out fig.png",
       "missing CURVE.csv (usage: eqlab plot CURVE.csv[=LABEL] ... --metric NAME --out FIG.png)"},
      {"plot a.csv --metric efce_gap --out -", "--out needs a file name: a figure does not go to standard output"},
      {"plot a.csv --metric efce_gap --out fig.jpg",
       "--out 'fig.jpg': a figure's name must end in .png, .svg or .pdf, the formats drawn"},
      {"plot a.csv --metric efce_gap --out fig", "--out 'fig': a figure's name must end in .png, .svg or .pdf, the formats drawn"},
      {"plot a.csv= --metric efce_gap --out fig.png", "'a.csv=' has no label after '='"},
      {"plot =a --metric efce_gap --out fig.png", "'=a' has no file name before '='"},
      {"plot a.csv --metric efce_gap --out fig.png --log-x", "unknown option '--log-x'"},
      {"plot a.csv --metric efce_gap --out fig.png --linear-y=1", "--linear-y takes no value"},
      {"plot a.csv --metric efce_gap --out", "--out needs a value"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args);
    const Run r = run_eqlab(args, dir);
    CHECK(r.code == 2);
    CHECK(r.err == std::string("eqlab plot: ") + message + "; run 'eqlab help plot'\n");
    CHECK(r.out.empty());
  }
  CHECK_FALSE(fs::exists(dir / "fig.png"));
  fs::remove_all(dir);
}

TEST_CASE("regret-vs-bound.sh: a curve's regret beside Theorem 7's bound and T, by hand") {
  if (!has_gnuplot()) return;
  const fs::path dir = scratch("bound");
  std::ofstream(dir / "run.csv") << "iteration,nfcce_gap,efce_gap\n1,0.9,0.5\n100,0.2,0.25\n";
  std::ofstream(dir / "nfcce.csv") << "iteration,nfcce_gap\n1,0.9\n";
  const std::string script = "sh '" EQLAB_SOURCE_DIR "/examples/experiments/regret-vs-bound.sh' ";
  const std::string eqlab = " '" EQLAB_BINARY_DIR "/bin/eqlab'";
  const std::string cd = "cd '" + dir.string() + "' && ";
  REQUIRE(std::system((cd + script + "run.csv 2 32 0.01 bound.png" + eqlab + " >/dev/null").c_str()) == 0);
  CHECK(read_text(dir / "bound.png").rfind("\x89PNG", 0) == 0);
  // ι = ln(10 · 32 / 0.01) = ln 32000 = 10.3734912; at T = 100: regret 0.25 · 100 = 25,
  // bound sqrt(2⁴ · 32 · 100 · ι) = sqrt(531122.75) = 728.78170.
  std::istringstream table(read_text(dir / "bound.csv"));
  std::string header, first, second;
  std::getline(table, header);
  std::getline(table, first);
  std::getline(table, second);
  CHECK(header == "iteration,regret,theorem_7_bound,T");
  CHECK(first.rfind("1,0.5,", 0) == 0);
  CHECK(second.rfind("100,25,728.78", 0) == 0);
  CHECK(second.substr(second.rfind(',')) == ",100");
  // A curve without an efce_gap column is refused, and no figure is drawn.
  CHECK(std::system((cd + script + "nfcce.csv 2 32 0.01 none.png" + eqlab + " 2>/dev/null").c_str()) != 0);
  CHECK_FALSE(fs::exists(dir / "none.png"));
  fs::remove_all(dir);
}

#endif  // EQLAB_HAVE_CLI

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <eqlab/sim/plot.hpp>

using namespace eqlab;
namespace fs = std::filesystem;

namespace {

Curve falling_curve() {
  Curve curve({"nash_conv", "exploitability", "value_0"});
  for (std::int64_t t : {1, 2, 5, 10, 100, 1000}) curve.add_row(t, {2.0 / t, 1.0 / t, -0.05});
  return curve;
}

}  // namespace

TEST_CASE("a missing gnuplot is reported with the package to install") {
  PlotOptions options;
  options.gnuplot = "eqlab-no-such-gnuplot";
  const std::string png = (fs::temp_directory_path() / "eqlab-never-written.png").string();
  try {
    plot_curve_png(falling_curve(), png, options);
    FAIL("expected a PlotError");
  } catch (const PlotError& e) {
    CHECK(std::string(e.what()) == "gnuplot not found: install the gnuplot-nox package");
  }
  CHECK_FALSE(fs::exists(png));
}

TEST_CASE("a curve without the metrics to draw is refused") {
  Curve curve({"value_0"});
  curve.add_row(1, {0.0});
  CHECK_THROWS_AS(plot_curve_png(curve, "unused.png", PlotOptions{}), std::invalid_argument);
}

TEST_CASE("gnuplot draws a PNG of a curve, zero gaps included") {
  if (find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: plot not drawn");
    return;
  }
  const fs::path png = fs::temp_directory_path() / ("eqlab-plot-test-" + std::to_string(getpid()) + ".png");
  Curve curve = falling_curve();
  curve.add_row(2000, {0.0, 0.0, -0.05});  // an exact equilibrium: left off the log axis
  PlotOptions options;
  options.title = "it's kuhn, cfr+";  // a quote in the title must not break the script
  plot_curve_png(curve, png.string(), options);
  std::ifstream in(png, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  CHECK(std::string(magic + 1, 3) == "PNG");
  CHECK(fs::file_size(png) > 1000);
  fs::remove(png);
}

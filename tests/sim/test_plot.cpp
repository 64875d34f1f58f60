#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

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

// A gap that levels off near 0.12, as vanilla OMD's EFCE gap on the Shapley game, at
// iterations of its own, with NFCCE gaps beside it that reach zero.
Curve level_curve() {
  Curve curve({"iteration_seconds", "nfcce_gap", "efce_gap"});
  for (std::int64_t t : {1, 3, 30, 300, 3000}) curve.add_row(t, {1e-3, t < 3000 ? 1.0 / t : 0.0, 0.12 + 1.0 / t});
  return curve;
}

fs::path scratch_png(const std::string& name) {
  return fs::temp_directory_path() / ("eqlab-plot-" + name + "-" + std::to_string(getpid()) + ".png");
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The width and height in a PNG's header chunk (big-endian, bytes 16 to 23).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& bytes) {
  auto word = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = at; i < at + 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    return v;
  };
  return {word(16), word(20)};
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

TEST_CASE("several curves: a curve without any metric to draw is skipped, none at all is refused") {
  PlotOptions options;
  options.metrics = {"efce_gap"};
  options.gnuplot = "eqlab-no-such-gnuplot";
  // falling_curve has no efce_gap: level_curve's alone is drawn, so gnuplot is looked for.
  const std::vector<LabelledCurve> both{{"cfr", falling_curve()}, {"omd", level_curve()}};
  CHECK_THROWS_WITH_AS(plot_curves_png(both, "unused.png", options),
                       "gnuplot not found: install the gnuplot-nox package", PlotError);
  const std::vector<LabelledCurve> without{{"cfr", falling_curve()}};
  CHECK_THROWS_WITH_AS(plot_curves_png(without, "unused.png", options),
                       "plot: the curves have none of the metrics to draw", std::invalid_argument);
  CHECK_THROWS_AS(plot_curves_png({}, "unused.png", options), std::invalid_argument);
  // Nothing finite to draw, or no rows: gnuplot would fail on an empty plot.
  Curve undefined({"efce_gap"});
  undefined.add_row(1, {std::numeric_limits<double>::quiet_NaN()});
  const std::vector<LabelledCurve> empty{{"a", undefined}, {"b", Curve({"efce_gap"})}};
  CHECK_THROWS_WITH_AS(plot_curves_png(empty, "unused.png", options), "plot: the curves have no values to draw",
                       std::invalid_argument);
  CHECK_FALSE(fs::exists("unused.png"));
}

TEST_CASE("a metric column without any value stays out of the figure and its legend") {
  if (find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: plot not drawn");
    return;
  }
  // A learner without a certified policy has the column, all NaN, beside one that has it.
  Curve without({"cce_gap_upper", "last_iterate_gap"});
  for (std::int64_t t : {1, 10, 100}) without.add_row(t, {std::numeric_limits<double>::quiet_NaN(), 0.5});
  Curve with({"cce_gap_upper", "last_iterate_gap"});
  for (std::int64_t t : {1, 10, 100}) with.add_row(t, {1.0 / t, 0.4});
  PlotOptions options;
  options.metrics = {"cce_gap_upper", "last_iterate_gap"};
  options.format = PlotFormat::svg;
  options.x_label = "episodes";
  const fs::path svg = fs::temp_directory_path() / ("eqlab-plot-nan-" + std::to_string(getpid()) + ".svg");
  plot_curves({{"exp3-ix", without}, {"cce-v", with}}, svg.string(), options);
  const std::string text = read_bytes(svg);
  CHECK(text.find(">exp3-ix: last_iterate_gap<") != std::string::npos);
  CHECK(text.find(">cce-v: cce_gap_upper<") != std::string::npos);
  CHECK(text.find(">exp3-ix: cce_gap_upper<") == std::string::npos);
  CHECK(text.find(">episodes<") != std::string::npos);
  fs::remove(svg);
}

TEST_CASE("gnuplot draws several labelled curves in one PNG of the size asked for") {
  if (find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: plot not drawn");
    return;
  }
  PlotOptions options;
  options.title = "shapley: omd vs efce-omd";
  options.metrics = {"efce_gap", "nfcce_gap", "exploitability"};
  options.y_label = "efce_gap, nfcce_gap";
  options.width = 640;
  options.height = 480;
  const fs::path png = scratch_png("several");
  // Different iterations, metrics missing from one curve, a zero on the log axis.
  plot_curves_png({{"omd", level_curve()}, {"cfr", falling_curve()}, {"it's omd again", level_curve()}}, png.string(),
                  options);
  const std::string bytes = read_bytes(png);
  REQUIRE(bytes.size() > 24);
  CHECK(bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(png_size(bytes) == std::pair<std::uint32_t, std::uint32_t>{640, 480});
  CHECK(bytes.size() > 1000);

  // The labels are drawn: other labels give another picture.
  const fs::path relabelled = scratch_png("relabelled");
  plot_curves_png({{"x", level_curve()}, {"y", falling_curve()}, {"z", level_curve()}}, relabelled.string(), options);
  CHECK(read_bytes(relabelled) != bytes);

  // A linear axis draws the same curves, zeros included.
  options.log_y = false;
  plot_curves_png({{"omd", level_curve()}, {"cfr", falling_curve()}}, relabelled.string(), options);
  CHECK(png_size(read_bytes(relabelled)) == std::pair<std::uint32_t, std::uint32_t>{640, 480});
  fs::remove(png);
  fs::remove(relabelled);
}

TEST_CASE("one curve through plot_curve_png is the same picture as a curve without a label") {
  if (find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: plot not drawn");
    return;
  }
  const fs::path single = scratch_png("single"), unlabelled = scratch_png("unlabelled"),
                 labelled = scratch_png("labelled");
  PlotOptions options;
  plot_curve_png(falling_curve(), single.string(), options);
  plot_curves_png({{"", falling_curve()}}, unlabelled.string(), options);
  plot_curves_png({{"cfr+", falling_curve()}}, labelled.string(), options);
  const std::string bytes = read_bytes(single);
  CHECK(png_size(bytes) == std::pair<std::uint32_t, std::uint32_t>{900, 600});
  CHECK(read_bytes(unlabelled) == bytes);
  CHECK(read_bytes(labelled) != bytes);  // the legend says "cfr+: exploitability"
  for (const fs::path& p : {single, unlabelled, labelled}) fs::remove(p);
}

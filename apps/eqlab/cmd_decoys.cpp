// eqlab decoys: where to put traps and fake targets on an attack graph, and how to play.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include <tbb/global_control.h>

#include <eqlab/algorithms/graph/placement_report.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/sim/plot.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "output_file.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kDecoysHelp =
    R"help(usage: eqlab decoys GRAPH [--traps K] [--fakes K] [--region dswin|daswin]
                    [--mode clean|reference] [--exhaustive | --lazy] [--check-submodular]
                    [--out placement.json] [--dot annotated.dot] [--png annotated.png]

Places decoys on a two-player graph game: the attacker (P2) wants to reach a
target, the defender (P1) hides traps (which look like ordinary states) and
fake targets (which look like targets) so that the attacker, acting on what it
believes, walks into one without noticing. GRAPH is a graph file (eqlab JSON of
type "graph", GraphML, GraphViz DOT, or a published experiment's .model) or a
built-in graph game: gridworld(rows=7,cols=7) or
random-graph(vertices=150,max_actions=5,targets=10,seed=0).

Greedy placement puts the fakes first, then the traps, each time at the site
that most enlarges the defender's deceptive winning region (the first such site
on a tie); --exhaustive tries every placement of exactly the budgets instead.
It prints each pick with the value of deception (the deceptive region over the
attacker's winning region without its targets), the regions' sizes and what is
known about greedy's (1 - 1/e) guarantee: it is stated only when
--check-submodular has checked the instance.

The regions (specs of the method: DSWin and DASWin):
  dswin    the defender surely lures the attacker into a decoy (default)
  daswin   the same against an attacker that picks each of its rational moves
           with positive probability
The modes: clean (default) counts an attacker move out of its winning region
as a defender win; reference deletes such moves and reproduces the published
numbers of the method's paper.

options:
  --traps K           traps to place (default: the file's budget, else 0)
  --fakes K           fake targets to place (default: the file's budget, else 0)
  --region R          dswin or daswin (default dswin)
  --mode M            clean or reference (default clean)
  --exhaustive        the optimal placement by trying every one
  --lazy              lazy greedy: after a full first pass per kind, re-evaluate
                      only candidates whose earlier gain may still be the best
                      (the same picks as greedy on submodular instances)
  --check-submodular  test the instance pairwise, for the (1 - 1/e) statement
  --out FILE          write the placement as JSON (format eqlab-decoys/1)
  --dot FILE          write the graph with decoys, regions and the defender's
                      strategy coloured, for GraphViz
  --png FILE          draw that graph with GraphViz's dot (must be installed):
                      PNG, SVG or PDF, as the name ends (.png, .svg, .pdf)
  --mkdir             create the missing folders of output files (else a path
                      into a folder that does not exist is refused)
  --threads K         use at most K threads (default: all cores)
  --max-bytes N       read graph files of up to N bytes (default 2^30)

example:
  eqlab decoys gridworld --fakes 1 --traps 1 --out placement.json --dot grid.dot
)help";

namespace {

DeceptionRegion region_argument(const Args& args) {
  const std::string r = args.text("--region", "dswin");
  if (const auto region = region_from_name(r)) return *region;
  throw CommandLineError("decoys", "--region must be dswin or daswin, not '" + r + "'");
}

DeceptionMode mode_argument(const Args& args) {
  const std::string m = args.text("--mode", "clean");
  if (const auto mode = mode_from_name(m)) return *mode;
  throw CommandLineError("decoys", "--mode must be clean or reference, not '" + m + "'");
}

const char* kind_text(DecoyPick::Kind kind) { return kind == DecoyPick::Kind::fake ? "fake" : "trap"; }

// --out, --dot and --png: checked writable before the placement; --png needs GraphViz.
void prepare_decoy_outputs(const Args& args) {
  for (const char* flag : {"--out", "--dot", "--png"})
    if (args.has(flag)) {
      if (args.text(flag) == "-" && std::string(flag) == "--png")
        throw CommandLineError("decoys", "--png needs a file name: a picture does not go to standard output");
      if (std::string(flag) == "--png") check_figure_name("decoys", "--png", args.text(flag));
      if (args.text(flag) != "-") prepare_output(args.text(flag));
    }
  if (args.has("--png") && find_program("dot").empty())
    throw BadInputError("GraphViz's dot not found, needed by --png: install the graphviz package (or write --dot "
                        "and draw it elsewhere)");
}

// The placement method of the flags; refuses an exhaustive search of too many placements.
PlacementMethod placement_method(const Args& args, const DeceptionEvaluator& evaluator, int fakes, int traps) {
  if (args.has("--exhaustive")) {
    const double count = exhaustive_placement_count(evaluator, fakes, traps);
    if (count > kMaxExhaustivePlacements)
      throw CommandLineError("decoys", "--exhaustive would try about " + value_text(count) +
                                           " placements; use greedy placement or smaller budgets");
  }
  if (args.has("--exhaustive") && args.has("--lazy"))
    throw CommandLineError("decoys", "--lazy is a way to run greedy placement; --exhaustive tries every placement");
  return args.has("--exhaustive") ? PlacementMethod::exhaustive
         : args.has("--lazy")     ? PlacementMethod::lazy_greedy
                                  : PlacementMethod::greedy;
}

void print_placement(const TurnGame& game, const DeceptionEvaluator& evaluator, const PlacementReport& report,
                     DeceptionRegion region, DeceptionMode mode, int fakes, int traps) {
  const ReachabilitySolution& base = evaluator.base();
  std::cout << field("game") << game.name() << "\n"
            << field("graph") << game.num_vertices() << " vertices, " << game.num_edges() << " edges, "
            << game.targets().size() << " targets, " << game.sites().size() << " decoy sites\n"
            << field("attacker wins") << base.win2_size << " states (defender: "
            << game.num_vertices() - static_cast<int>(base.win2_size) << ")\n"
            << field("placement") << report.method << ", " << region_name(region) << ", " << mode_name(mode)
            << " mode: " << fakes << " fake" << (fakes == 1 ? "" : "s") << ", " << traps << " trap"
            << (traps == 1 ? "" : "s") << " (" << report.result.evaluations << " evaluations, "
            << duration_text(report.seconds) << ")\n";
  for (std::size_t k = 0; k < report.result.picks.size(); ++k) {
    const DecoyPick& p = report.result.picks[k];
    std::cout << field(k == 0 ? "picks" : "") << kind_text(p.kind) << " at " << game.sites()[p.site].name;
    if (report.method != "exhaustive")
      std::cout << ": region " << p.region_size << " of " << evaluator.denominator() << ", value " << value_text(p.value);
    std::cout << "\n";
  }
  if (report.result.picks.size() < static_cast<std::size_t>(traps + fakes))
    std::cout << field("") << "stopped after " << report.result.picks.size()
              << " picks: no further site enlarges the region\n";
  std::cout << field("deceptive") << region_name(region) << " " << report.result.region_size << " states, value of deception "
            << value_text(report.result.value) << "\n"
            << field("guarantee") << guarantee_text(report) << "\n";
}

// Draws the annotated graph `dot` as the PNG `png` with GraphViz's dot.
// Draws the picture in the format its name asks for (GraphViz's -Tpng, -Tsvg or -Tpdf),
// under "<picture>.partial", renamed once dot has finished.
void draw_decoys_picture(const std::string& picture, const std::string& dot) {
  const PlotFormat format = plot_format_for(picture);
  const char* type = format == PlotFormat::png ? "png" : format == PlotFormat::svg ? "svg" : "pdf";
  const std::string source = picture + ".dot.tmp", partial = picture + ".partial";
  write_text_file(source, dot);
  std::string command = "'";  // appended piecewise: GCC 12 warns wrongly on "'" + string
  command.append(find_program("dot")).append("' -T").append(type).append(" -o '").append(partial).append("' '");
  command.append(source).append("' 2>/dev/null");
  const int status = std::system(command.c_str());
  std::remove(source.c_str());
  if (status != 0) {
    std::remove(partial.c_str());
    throw BadInputError("GraphViz's dot could not draw " + picture + " (the graph may be too large)");
  }
  if (std::rename(partial.c_str(), picture.c_str()) != 0) throw BadInputError("cannot write " + picture);
}

// Writes --out, --dot and --png; the files written, as a list for the summary.
std::string write_decoy_outputs(const Args& args, const DeceptionEvaluator& evaluator, const PlacementReport& report) {
  std::string wrote;
  if (args.has("--out")) {
    write_text_file(args.text("--out"), placement_json(evaluator, report).dump(2) + "\n");
    wrote += args.text("--out");
  }
  const std::string dot = args.has("--dot") || args.has("--png") ? annotated_dot(evaluator, report) : std::string();
  if (args.has("--dot")) {
    write_text_file(args.text("--dot"), dot);
    wrote += (wrote.empty() ? "" : ", ") + args.text("--dot");
  }
  if (args.has("--png")) {
    const std::string png = args.text("--png");
    draw_decoys_picture(png, dot);
    wrote += (wrote.empty() ? "" : ", ") + png;
  }
  return wrote;
}

}  // namespace

int run_decoys(std::span<const std::string> argv) {
  const Args args = parse_args("decoys", argv,
                               {{"--traps"}, {"--fakes"}, {"--region"}, {"--mode"}, {"--exhaustive", false}, {"--lazy", false},
                                {"--check-submodular", false}, {"--out"}, {"--dot"}, {"--png"}, {"--threads"}, kMkdirFlag,
                                kMaxBytesFlag},
                               {"GRAPH"}, 1);
  allow_new_folders(args);
  const DeceptionRegion region = region_argument(args);
  const DeceptionMode mode = mode_argument(args);
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0) thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const std::string& spec = args.positional[0];
  if (!is_graph_game(spec))
    throw BadInputError("'" + spec + "' is not a graph game: give a graph file (JSON of type \"graph\", .graphml, "
                        ".dot, .model) or a built-in graph game (gridworld, random-graph)");
  prepare_decoy_outputs(args);

  const TurnGame game = load_graph_game(spec, load_limits(args));
  const int traps = static_cast<int>(args.integer("--traps", std::max(game.trap_budget(), 0), 0, 1'000'000));
  const int fakes = static_cast<int>(args.integer("--fakes", std::max(game.fake_budget(), 0), 0, 1'000'000));
  if (traps + fakes == 0)
    throw CommandLineError("decoys", "nothing to place: give --traps K and/or --fakes K (the graph has no budgets)");

  const DeceptionEvaluator evaluator(game, mode);
  const PlacementMethod method = placement_method(args, evaluator, fakes, traps);
  const PlacementReport report = place_decoys(evaluator, region, fakes, traps, method, args.has("--check-submodular"));
  print_placement(game, evaluator, report, region, mode, fakes, traps);
  const std::string wrote = write_decoy_outputs(args, evaluator, report);
  if (!wrote.empty()) std::cout << field("wrote") << wrote << "\n";
  return kExitOk;
}

}  // namespace eqlab::cli

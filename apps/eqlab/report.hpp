#pragma once
// How the command line prints numbers and evaluation reports.
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/sim/runner.hpp>

namespace eqlab::cli {

// A left column label, padded so that the values line up.
std::string field(std::string_view name);
// Values with 6 significant digits; gaps in scientific notation.
std::string value_text(double v);
std::string gap_text(double v);
// "42 ms", "3.14 s", "12 min 5 s".
std::string duration_text(double seconds);
// " (preset paper)" for a solver whose parameters record a preset, else "".
std::string preset_text(const nlohmann::json& params);

// Each player's value, then exploitability and NashConv.
void print_nash_summary(std::ostream& out, const CompiledGame& game, const NashReport& report);
// The same with each player's best-response value and gain.
void print_nash_details(std::ostream& out, const CompiledGame& game, const NashReport& report);

// The end of a run, by concept: the Nash summary, or for correlated concepts the
// mixture's values and its nfcce_gap and efce_gap; then the solver's own metrics, and
// the mixture's gaps of a Nash run that measured them.
void print_run_summary(std::ostream& out, const CompiledGame& game, const RunResult& result);

// Enough digits to see an agreement to 1e-9: "1.23456789012e-03".
std::string precise_text(double v);

}  // namespace eqlab::cli

#include "report.hpp"

#include <cstdio>
#include <ostream>

namespace eqlab::cli {

namespace {
constexpr std::size_t kFieldWidth = 16;

std::string player_name(const CompiledGame& game, int p) {
  return "player " + std::to_string(p) + " (" + game.players[p] + ")";
}
}  // namespace

std::string field(std::string_view name) {
  std::string text(name);
  text += ' ';
  if (text.size() < kFieldWidth) text.resize(kFieldWidth, ' ');
  return text;
}

std::string value_text(double v) {
  char text[48];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::string gap_text(double v) {
  char text[48];
  std::snprintf(text, sizeof text, "%.4e", v);
  return text;
}

std::string duration_text(double seconds) {
  char text[64];
  if (seconds < 1.0) std::snprintf(text, sizeof text, "%.3g ms", seconds * 1e3);
  else if (seconds < 60.0) std::snprintf(text, sizeof text, "%.3g s", seconds);
  else std::snprintf(text, sizeof text, "%d min %d s", static_cast<int>(seconds / 60), static_cast<int>(seconds) % 60);
  return text;
}

std::string preset_text(const nlohmann::json& params) {
  const auto preset = params.find("preset");
  if (preset == params.end() || !preset->is_string()) return {};
  return " (preset " + preset->get<std::string>() + ")";
}

void print_nash_summary(std::ostream& out, const CompiledGame& game, const NashReport& report) {
  for (int p = 0; p < game.num_players(); ++p)
    out << field(p == 0 ? "value" : "") << player_name(game, p) << ": " << value_text(report.values[p]) << "\n";
  out << field("exploitability") << gap_text(report.exploitability) << "\n";
  out << field("nash_conv") << gap_text(report.nash_conv) << "\n";
}

std::string precise_text(double v) {
  char text[48];
  std::snprintf(text, sizeof text, "%.11e", v);
  return text;
}

void print_run_summary(std::ostream& out, const CompiledGame& game, const RunResult& result) {
  if (is_correlated(result.solution_concept) && result.mixture) {
    const MixtureReport& mixture = *result.mixture;
    for (int p = 0; p < game.num_players(); ++p)
      out << field(p == 0 ? "value" : "") << player_name(game, p) << ": " << value_text(mixture.values[p]) << "\n";
    out << field("nfcce_gap") << gap_text(mixture.nfcce_gap) << "\n";
    out << field("efce_gap") << gap_text(mixture.efce_gap) << "\n";
    if (mixture.kefce_gap)
      out << field("kefce_gap") << gap_text(*mixture.kefce_gap) << " (K = " << mixture.kefce_k << ")\n";
  } else {
    print_nash_summary(out, game, result.final_report);
  }
  for (const auto& [name, value] : result.own_metrics) out << field(name) << gap_text(value) << "\n";
  if (!is_correlated(result.solution_concept) && result.mixture) {
    out << field("nfcce_gap") << gap_text(result.mixture->nfcce_gap) << " (the mixture of the rounds played)\n";
    out << field("efce_gap") << gap_text(result.mixture->efce_gap) << " (the mixture of the rounds played)\n";
    if (result.mixture->kefce_gap)
      out << field("kefce_gap") << gap_text(*result.mixture->kefce_gap) << " (K = " << result.mixture->kefce_k
          << ", the mixture of the rounds played)\n";
  }
}

void print_nash_details(std::ostream& out, const CompiledGame& game, const NashReport& report) {
  for (int p = 0; p < game.num_players(); ++p) {
    out << field(p == 0 ? "players" : "") << player_name(game, p) << ": value " << value_text(report.values[p])
        << ", best response " << value_text(report.best_response[p]) << ", gain "
        << gap_text(report.best_response[p] - report.values[p]) << "\n";
  }
  out << field("nash_conv") << gap_text(report.nash_conv) << "\n";
  out << field("exploitability") << gap_text(report.exploitability) << "\n";
}

}  // namespace eqlab::cli

#include <eqlab/sim/solver_catalog.hpp>

#include <algorithm>

namespace eqlab {

namespace {

std::string concept_text(const SolverEntry& entry) {
  const std::string learns(concept_name(entry.learns));
  return entry.nash_on_two_player_zero_sum ? "nash (two-player zero-sum), else " + learns : learns;
}

std::string padded(std::string text, std::size_t width) {
  text.resize(std::max(width, text.size()), ' ');
  return text;
}

// "KEY=WHAT (default D): doc [source]" for every parameter.
std::string parameter_lines(const SolverEntry& entry, std::size_t indent) {
  if (entry.params.empty()) return std::string(indent, ' ') + "parameters: none\n";
  std::string lines;
  for (const ParamSpec& p : entry.params) {
    std::string line = p.name + "=" + p.what() + " (default " + p.default_text + "): " + p.doc;
    if (!p.source.empty()) line += " [" + p.source + "]";
    lines += std::string(indent, ' ') + wrap_text(line, indent + 4, 80) + "\n";
  }
  return lines;
}

}  // namespace

std::string wrap_text(const std::string& text, std::size_t indent, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line;
}

std::string solver_help_section(const std::string& title, GameKind kind, Feedback feedback) {
  const std::vector<const SolverEntry*> entries = registered_solvers(kind, feedback);
  std::size_t width = 0;
  for (const SolverEntry* e : entries) width = std::max(width, e->name.size());
  std::string text = title + ":\n";
  for (const SolverEntry* e : entries) {
    text += "  " + padded(e->name, width + 2) + wrap_text(e->summary, width + 4, 80) + "\n";
    text += std::string(width + 4, ' ') + "concept: " + concept_text(*e) + "; docs/algorithms/" + e->note + "\n";
    text += parameter_lines(*e, width + 4);
  }
  return text;
}

std::string solver_table_markdown() {
  std::string table = "| solver | game | feedback | concept | parameters (default) | note |\n"
                      "|---|---|---|---|---|---|\n";
  for (const SolverEntry* e : registered_solvers()) {
    std::string params;
    for (const ParamSpec& p : e->params) params += (params.empty() ? "" : ", ") + p.name + " (" + p.default_text + ")";
    const std::string game = e->normal_form_only ? "normal" : std::string(game_kind_name(e->game_kind));
    table += "| `" + e->name + "` | " + game + " | " +
             std::string(feedback_name(e->feedback)) + " | " + concept_text(*e) + " | " +
             (params.empty() ? "none" : params) + " | [" + e->note + "](docs/algorithms/" + e->note + ") |\n";
  }
  return table;
}

}  // namespace eqlab

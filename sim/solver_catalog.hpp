#pragma once
// The catalogue of solvers, generated from the solver registry: the solver sections of `eqlab help solve`,
// the listing of `eqlab solvers` and the README's solver table (`eqlab solvers
// --markdown`, which a test compares with the README).
#include <string>

#include <eqlab/algorithms/solver_registry.hpp>

namespace eqlab {

// "TITLE:\n" and, per solver of that kind and feedback, its name, summary, concept and
// parameters (value, default, description, source), wrapped to 80 columns.
std::string solver_help_section(const std::string& title, GameKind kind, Feedback feedback);

// One Markdown table of every registered solver: name, game kind, feedback, concept,
// parameters with defaults, and the note that documents it.
std::string solver_table_markdown();

// `text` wrapped to `width` columns, every line but the first indented by `indent`.
std::string wrap_text(const std::string& text, std::size_t indent, std::size_t width);

}  // namespace eqlab

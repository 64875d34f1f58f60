#pragma once
// Reading solver parameters given as text (--param KEY=VALUE) or JSON numbers: the checks
// every solver's options share, with messages that name the solver and the key.
#include <string>
#include <vector>

namespace eqlab {

// One parameter of a solver's schema (SolverEntry::params): what --param NAME=VALUE and an
// experiment's "params" accept, with the text `eqlab help solve`, the README's table and
// docs/algorithms show. Values are checked by the same rules as JsonOptionReader's.
struct ParamSpec {
  enum class Kind {
    positive,     // a finite number > 0
    nonnegative,  // a finite number >= 0
    probability,  // a number in (0, 1)
    whole,        // a whole number in [low, high]
    flag,         // true or false
    choice,       // one of `choices`
  };
  std::string name;
  Kind kind = Kind::positive;
  std::string default_text;  // as shown: "60", "practical", "tuned to the horizon"
  std::string doc;           // one line
  // Where the default is a paper's constant: the paper, theorem and equation.
  std::string source;
  long long low = 0, high = 0;       // whole
  std::vector<std::string> choices;  // choice

  // "a positive number", "one of rm, rm+", "a whole number from 0 to 64", ...
  std::string what() const;
};

ParamSpec positive_param(std::string name, std::string default_text, std::string doc, std::string source = {});
ParamSpec nonnegative_param(std::string name, std::string default_text, std::string doc, std::string source = {});
ParamSpec probability_param(std::string name, std::string default_text, std::string doc, std::string source = {});
ParamSpec whole_param(std::string name, long long low, long long high, std::string default_text, std::string doc);
ParamSpec flag_param(std::string name, std::string default_text, std::string doc);
ParamSpec choice_param(std::string name, std::vector<std::string> choices, std::string default_text, std::string doc);

// A positive finite number; UsageError "solver S: KEY must be a positive number, not V".
double positive_number_param(const std::string& text, const std::string& solver, const std::string& key);

// A finite number >= 0 (a scale that may switch something off); UsageError
// "solver S: KEY must be a number >= 0, not V".
double nonnegative_number_param(const std::string& text, const std::string& solver, const std::string& key);

// A whole number in [low, high]; UsageError naming the range otherwise.
long long whole_number_param(const std::string& text, long long low, long long high, const std::string& solver,
                             const std::string& key);

}  // namespace eqlab

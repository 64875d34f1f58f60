#pragma once
// Shared pieces of the `eqlab` command line: exit codes, the two kinds of command-line
// failure, argument parsing and the list of commands. Commands live one per file.
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eqlab::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;  // bad or unreadable input, unknown game
inline constexpr int kExitUsage = 2;     // unknown command or flag, missing or bad value
inline constexpr int kExitResources = 3; // the run would need more memory than its budget

// The command line itself is wrong (exit 2); the message ends with where to read help.
class CommandLineError : public std::runtime_error {
 public:
  CommandLineError(const std::string& command, const std::string& what);
};

// Input that cannot be used and is not an eqlab::InputError, e.g. a missing file or an
// unknown game (exit 1). The message says what to do.
class BadInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where to read help: "run 'eqlab help solve'" or "run 'eqlab --help'".
std::string help_hint(const std::string& command);

struct FlagSpec {
  std::string name;   // with the dashes: "--iterations"
  bool takes_value = true;
};

class Args {
 public:
  std::string command;
  std::vector<std::string> positional;

  bool has(const std::string& flag) const;
  // The flag's value (the last one when it is given more than once).
  std::string text(const std::string& flag, const std::string& fallback = {}) const;
  // Every value of a flag that may be repeated, in order.
  std::vector<std::string> all(const std::string& flag) const;
  // Whole numbers, checked: a bad or out-of-range value is a CommandLineError.
  std::int64_t integer(const std::string& flag, std::int64_t fallback, std::int64_t min,
                       std::int64_t max = INT64_MAX) const;
  std::uint64_t unsigned_integer(const std::string& flag, std::uint64_t fallback) const;

 private:
  friend Args parse_args(const std::string&, std::span<const std::string>, const std::vector<FlagSpec>&,
                         const std::vector<std::string>&, std::size_t);
  std::map<std::string, std::vector<std::string>> values_;
  std::set<std::string> switches_;
};

// Parses a command's arguments: flags as "--flag value" or "--flag=value", the rest
// positional (after "--" everything is positional), named `names` in messages; the first
// `min_positional` are required. Throws CommandLineError for an unknown flag, a missing
// value, or a missing or extra argument.
Args parse_args(const std::string& command, std::span<const std::string> argv,
                const std::vector<FlagSpec>& flags, const std::vector<std::string>& names,
                std::size_t min_positional);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `eqlab --help`
  std::string_view (*help)();  // the full text for `eqlab help NAME`
  int (*run)(std::span<const std::string> args);
};

// Every command, in the order `eqlab --help` lists them.
const std::vector<Command>& commands();
const Command* find_command(std::string_view name);
// "unknown command 'NAME'" with the commands it is near ("did you mean solve?").
std::string unknown_command_message(const std::string& name);

int run_solve(std::span<const std::string> args);
int run_eval(std::span<const std::string> args);
int run_convert(std::span<const std::string> args);
int run_games(std::span<const std::string> args);
int run_solvers(std::span<const std::string> args);
int run_info(std::span<const std::string> args);
int run_plot(std::span<const std::string> args);
int run_experiment(std::span<const std::string> args);
int run_decoys(std::span<const std::string> args);
int run_preferences(std::span<const std::string> args);
int run_preferences_data(std::span<const std::string> args);

// Generated from the solver registry when first asked for.
std::string_view solve_help();
extern const std::string_view kSolversHelp;
extern const std::string_view kEvalHelp;
extern const std::string_view kConvertHelp;
extern const std::string_view kGamesHelp;
extern const std::string_view kInfoHelp;
extern const std::string_view kPlotHelp;
extern const std::string_view kExperimentHelp;
extern const std::string_view kDecoysHelp;
extern const std::string_view kPreferencesHelp;
extern const std::string_view kPreferencesDataHelp;

}  // namespace eqlab::cli

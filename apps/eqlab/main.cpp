// The eqlab command line: finds the command, runs it, and turns every failure into a
// one-line message on stderr and an exit code (0 ok, 1 bad input, 2 bad usage).
#include <iostream>
#include <string>
#include <vector>

#include <eqlab/lib/error.hpp>

#include "cli.hpp"

#ifndef EQLAB_VERSION
#define EQLAB_VERSION "unknown"
#endif

namespace {

using namespace eqlab::cli;

void print_help(std::ostream& out) {
  out << "eqlab " EQLAB_VERSION ": learn game-theoretic equilibria\n\n"
      << "usage: eqlab COMMAND [arguments]\n\ncommands:\n";
  for (const Command& c : commands()) {
    std::string name(c.name);
    name.resize(12, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nGAME is a game file (eqlab JSON, Gambit .efg/.nfg), - to read one from standard input,\nor a built-in game.\n"
      << "'eqlab help COMMAND' describes a command; 'eqlab --version' prints the version.\n"
      << "Exit codes: 0 success, 1 bad input (a file, a game), 2 bad usage, 3 a run that would need\n"
         "more memory than its budget (--memory-budget).\n";
}

// A message on one line, whatever the exception text held.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

int fail(const std::string& command, int code, const std::string& message) {
  std::cerr << "eqlab" << (command.empty() ? "" : " " + command) << ": " << one_line(message) << "\n";
  return code;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

int dispatch(const std::vector<std::string>& argv, std::string& command) {
  if (argv.empty()) throw CommandLineError("", "missing command");
  const std::string& first = argv[0];
  if (first == "--help" || first == "-h") {
    print_help(std::cout);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "eqlab " EQLAB_VERSION "\n";
    return kExitOk;
  }
  if (first == "help") {
    if (argv.size() == 1) {
      print_help(std::cout);
      return kExitOk;
    }
    if (argv.size() > 2) throw CommandLineError("", "'eqlab help' takes one command name");
    const Command* c = find_command(argv[1]);
    if (!c) throw CommandLineError("", unknown_command_message(argv[1]));
    std::cout << c->help();
    return kExitOk;
  }
  const Command* c = find_command(first);
  if (!c) {
    if (!first.empty() && first[0] == '-') throw CommandLineError("", "unknown option '" + first + "'");
    throw CommandLineError("", unknown_command_message(first));
  }
  command = first;
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (asks_for_help(rest)) {
    std::cout << c->help();
    return kExitOk;
  }
  return c->run(rest);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string command;
  try {
    return dispatch(args, command);
  } catch (const CommandLineError& e) {
    return fail(command, kExitUsage, e.what());
  } catch (const eqlab::UsageError& e) {
    // A request the library cannot carry out as asked, e.g. a solver for normal-form
    // games only on an extensive game.
    return fail(command, kExitUsage, std::string(e.what()) + "; " + help_hint(command));
  } catch (const eqlab::InputError& e) {
    return fail(command, kExitBadInput, e.what());
  } catch (const eqlab::ResourceError& e) {
    return fail(command, kExitResources, e.what());
  } catch (const BadInputError& e) {
    return fail(command, kExitBadInput, e.what());
  } catch (const std::bad_alloc&) {
    return fail(command, kExitBadInput, "out of memory: the game is too large for this machine");
  } catch (const std::exception& e) {
    return fail(command, kExitBadInput, e.what());
  }
}

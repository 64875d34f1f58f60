#include "cli.hpp"

#include <algorithm>
#include <charconv>

#include <eqlab/lib/near_names.hpp>

namespace eqlab::cli {

std::string help_hint(const std::string& command) {
  return command.empty() ? "run 'eqlab --help'" : "run 'eqlab help " + command + "'";
}

CommandLineError::CommandLineError(const std::string& command, const std::string& what)
    : std::runtime_error(what + "; " + help_hint(command)) {}

bool Args::has(const std::string& flag) const {
  return values_.count(flag) > 0 || switches_.count(flag) > 0;
}

std::string Args::text(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& flag) const {
  auto it = values_.find(flag);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::int64_t Args::integer(const std::string& flag, std::int64_t fallback, std::int64_t min,
                           std::int64_t max) const {
  auto it = values_.find(flag);
  if (it == values_.end()) return fallback;
  const std::string& s = it->second.back();
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw CommandLineError(command, flag + " needs a whole number, not '" + s + "'");
  if (v < min || v > max)
    throw CommandLineError(command, flag + " must be " +
                                        (max == INT64_MAX ? "at least " + std::to_string(min)
                                                          : "between " + std::to_string(min) + " and " +
                                                                std::to_string(max)) +
                                        ", not " + s);
  return v;
}

std::uint64_t Args::unsigned_integer(const std::string& flag, std::uint64_t fallback) const {
  auto it = values_.find(flag);
  if (it == values_.end()) return fallback;
  const std::string& s = it->second.back();
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw CommandLineError(command, flag + " needs a whole number from 0 to 2^64-1, not '" + s + "'");
  return v;
}

Args parse_args(const std::string& command, std::span<const std::string> argv,
                const std::vector<FlagSpec>& flags, const std::vector<std::string>& names,
                std::size_t min_positional) {
  Args args;
  args.command = command;
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-') {
      args.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    const std::size_t eq = a.find('=');
    const std::string name = a.substr(0, eq);
    auto spec = std::find_if(flags.begin(), flags.end(), [&](const FlagSpec& f) { return f.name == name; });
    if (spec == flags.end()) {
      std::vector<std::string> names;
      for (const FlagSpec& f : flags) names.push_back(f.name);
      throw CommandLineError(command, "unknown option '" + name + "'" + did_you_mean(name, names));
    }
    if (!spec->takes_value) {
      if (eq != std::string::npos) throw CommandLineError(command, name + " takes no value");
      args.switches_.insert(name);
      continue;
    }
    if (eq != std::string::npos) {
      args.values_[name].push_back(a.substr(eq + 1));
    } else {
      if (i + 1 >= argv.size()) throw CommandLineError(command, name + " needs a value");
      args.values_[name].push_back(argv[++i]);
    }
  }
  if (args.positional.size() > names.size())
    throw CommandLineError(command, "unexpected argument '" + args.positional[names.size()] + "'");
  if (args.positional.size() < min_positional) {
    std::string usage = "eqlab " + command;
    for (const std::string& n : names) usage += " " + n;
    throw CommandLineError(command, "missing " + names[args.positional.size()] + " (usage: " + usage + ")");
  }
  return args;
}

}  // namespace eqlab::cli

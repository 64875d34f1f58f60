#pragma once
// Helpers shared by the Gambit reader tests: reading the copied Gambit files
// (tests/data/gambit) and the table of their properties in its README.
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/games/io/gambit_nfg.hpp>

namespace eqlab::test {

inline const std::string kGambitData = std::string(EQLAB_TEST_DATA) + "/gambit";

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Loads a file of tests/data/gambit by its path relative to that folder.
inline LoadedGame load_gambit(const std::string& relative) {
  const std::string text = read_text(kGambitData + "/" + relative);
  return ends_with(relative, ".nfg") ? read_gambit_nfg(text, relative) : read_gambit_efg(text, relative);
}

// 1-based line of the first occurrence of `needle` in `text` (0 when absent).
inline int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return 0;
  int line = 1;
  for (std::size_t k = 0; k < at; ++k) line += text[k] == '\n';
  return line;
}

inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test setup: '" + from + "' not found");
  return text.replace(at, from.size(), to);
}

// One row of the README's table of games.
struct GambitRow {
  std::string file;           // relative to tests/data/gambit
  int players = 0;
  int nodes = -1;             // extensive games only
  std::vector<int> infosets;  // per player, extensive games only
  std::vector<int> strategies;  // per player, strategic games only
  bool perfect_recall = true;
  bool constant_sum = false;
  std::string lp_value;       // "(1/3, -1/3)" or "n/a", "refused (...)"
};

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

inline std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// Rows of the games table (the table of rejected files has other columns and is skipped).
inline std::vector<GambitRow> gambit_table() {
  std::vector<GambitRow> rows;
  std::istringstream in(read_text(kGambitData + "/README.md"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    const std::vector<std::string> cells = split(line, '|');
    // cells[0] is empty (before the first '|'); games rows have 11 columns.
    if (cells.size() < 12) continue;
    GambitRow row;
    row.file = trim(cells[1]);
    row.file = row.file.substr(1, row.file.size() - 2);  // strip the backticks
    if (row.file.rfind("rejected_by_gambit17/", 0) == 0) continue;
    row.players = std::stoi(trim(cells[3]));
    const std::string size = cells[4];
    row.perfect_recall = size.find("NO perfect recall") == std::string::npos;
    row.constant_sum = trim(cells[5]) == "yes";
    row.lp_value = trim(cells[9]);
    for (const std::string& part : split(size, ';')) {
      const std::string p = trim(part);
      if (ends_with(p, " nodes")) row.nodes = std::stoi(p);
      if (p.rfind("infosets ", 0) == 0)
        for (const std::string& k : split(p.substr(9), '/')) row.infosets.push_back(std::stoi(k));
      if (p.rfind("strategies ", 0) == 0 && ends_with(row.file, ".nfg"))
        for (const std::string& k : split(p.substr(11), 'x')) row.strategies.push_back(std::stoi(k));
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace eqlab::test

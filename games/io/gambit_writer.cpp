#include <eqlab/games/io/gambit_writer.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void write_header(const char* kind, const std::string& name, const std::vector<std::string>& players,
                  std::ostream& out) {
  out << kind << " " << quoted(name) << " {";
  for (const std::string& p : players) out << " " << quoted(p);
  out << " }\n";
}

}  // namespace

std::string gambit_number(const Number& n) {
  if (n.exact) return n.to_string();  // "3", "-1/3": Gambit's own spelling
  char text[40];
  std::snprintf(text, sizeof text, "%.16e", n.value);
  return text;
}

void write_gambit_efg(const GameTree& tree, const std::string& description, std::ostream& out) {
  if (!tree.finalized() || tree.nodes.empty()) throw UsageError("write_gambit_efg: the game tree is not finalized");
  write_header("EFG 2 R", tree.name, tree.players, out);
  out << quoted(description) << "\n\n";
  // Gambit numbers each player's information sets from 1; eqlab's infosets are global.
  std::vector<int> number(tree.infosets.size(), 0);
  std::vector<int> next_number(tree.players.size(), 1);
  int chance_events = 0, outcomes = 0;
  const auto id_of = [&](int node) {
    return node < static_cast<int>(tree.node_ids.size()) ? tree.node_ids[node] : std::string();
  };
  // Preorder without recursion: deep trees are deep.
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    const TreeNode& node = tree.nodes[v];
    switch (node.kind) {
      case NodeKind::terminal: {
        out << "t " << quoted(id_of(v)) << " " << ++outcomes << " \"\" {";
        for (const Number& u : tree.payoffs_of(v)) out << " " << gambit_number(u);
        out << " }\n";
        break;
      }
      case NodeKind::chance: {
        out << "c " << quoted(id_of(v)) << " " << ++chance_events << " \"\" {";
        const auto probs = tree.probs_of(v);
        for (int a = 0; a < node.num_children; ++a)
          out << " " << quoted(tree.action_label(v, a)) << " " << gambit_number(probs[a]);
        out << " } 0\n";
        break;
      }
      case NodeKind::decision: {
        const Infoset& set = tree.infosets[node.infoset];
        out << "p " << quoted(id_of(v)) << " " << node.player + 1 << " ";
        int& k = number[node.infoset];
        if (k == 0) {
          k = next_number[node.player]++;
          out << k << " " << quoted(set.label) << " {";
          for (const std::string& a : set.actions) out << " " << quoted(a);
          out << " }";
        } else {
          out << k;
        }
        out << " 0\n";
        break;
      }
    }
    for (int a = node.num_children - 1; a >= 0; --a) stack.push_back(tree.child(v, a));
  }
}

void write_gambit_nfg(const NormalGame& game, const std::string& description, std::ostream& out) {
  const int n = game.num_players();
  write_header("NFG 1 R", game.name, game.players, out);
  out << "\n{";
  for (const auto& actions : game.actions) {
    out << " {";
    for (const std::string& a : actions) out << " " << quoted(a);
    out << " }";
  }
  out << " }\n" << quoted(description) << "\n\n";
  // Gambit lists profiles with player 1's strategy varying fastest; eqlab's index has
  // player 0's action most significant.
  std::vector<int> profile(n, 0);
  const std::size_t profiles = game.num_profiles();
  for (std::size_t k = 0; k < profiles; ++k) {
    const std::size_t at = game.profile_index(profile) * static_cast<std::size_t>(n);
    for (int p = 0; p < n; ++p) out << (p > 0 ? " " : "") << gambit_number(game.payoffs[at + p]);
    out << "\n";
    for (int p = 0; p < n; ++p) {
      if (++profile[p] < static_cast<int>(game.actions[p].size())) break;
      profile[p] = 0;
    }
  }
}

}  // namespace eqlab

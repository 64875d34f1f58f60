#include <eqlab/games/io/json_game.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>

namespace eqlab {

using nlohmann::json;

namespace {

using namespace json_reading;


// Depth of a JSON value, measured without recursion.
int depth_of(const json& root, int limit) {
  std::vector<std::pair<const json*, int>> stack{{&root, 1}};
  int deepest = 0;
  while (!stack.empty()) {
    auto [j, d] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, d);
    if (deepest > limit) return deepest;
    if (j->is_structured())
      for (const json& child : *j) stack.emplace_back(&child, d + 1);
  }
  return deepest;
}

// Extensions are copied into the game and written back by recursive code, so their
// nesting is capped well below what the stack allows.
constexpr int kMaxExtensionDepth = 1000;

std::vector<Number> read_payoff_vector(const json& j, const std::string& pointer, int n) {
  if (!j.is_array()) fail(pointer, "expected an array of " + std::to_string(n) + " payoffs, got " + type_name(j));
  if (static_cast<int>(j.size()) != n)
    fail(pointer, "expected " + std::to_string(n) + " payoffs (one per player), got " + std::to_string(j.size()));
  std::vector<Number> u;
  for (int p = 0; p < n; ++p) {
    u.push_back(read_number(j[p], child_pointer(pointer, p), "a payoff"));
    if (const std::string problem = payoff_range_problem(u.back().value); !problem.empty())
      fail(child_pointer(pointer, p), problem);
  }
  return u;
}

// --- normal -------------------------------------------------------------------------

void read_normal(const json& doc, LoadedGame& game) {
  check_members(doc, "", {"format", "type", "players", "name", "description", "actions", "payoffs"}, "a normal game");
  NormalGame g;
  g.name = game.name;
  g.players = game.tree.players;
  const int n = g.num_players();
  const json& actions = require_array(doc, "actions", "", "one array of action labels per player");
  if (static_cast<int>(actions.size()) != n)
    fail("/actions", "expected " + std::to_string(n) + " action lists (one per player), got " +
                         std::to_string(actions.size()));
  for (int p = 0; p < n; ++p) {
    const std::string ptr = child_pointer("/actions", p);
    if (!actions[p].is_array()) fail(ptr, "expected an array of action labels, got " + type_name(actions[p]));
    if (actions[p].empty()) fail(ptr, "a player needs at least one action");
    g.actions.push_back(read_labels(actions[p], ptr, "action label"));
  }
  // Walk the nested payoff arrays level by level (depth = number of players).
  require(doc, "payoffs", "", "nested arrays of payoff vectors");
  // Payoffs are appended as the walk meets them (in profile order), so memory follows the
  // data actually present, never the product of the declared action counts.
  struct Item { const json* j; std::string pointer; std::size_t prefix; int level; };
  std::vector<Item> stack{{&doc["payoffs"], "/payoffs", 0, 0}};
  while (!stack.empty()) {
    Item it = std::move(stack.back());
    stack.pop_back();
    const json& j = *it.j;
    const std::size_t width = g.actions[it.level].size();
    if (!j.is_array() || j.size() != width)
      fail(it.pointer, "expected an array of " + std::to_string(width) + " entries (one per action of player " +
                           std::to_string(it.level) + "), got " +
                           (j.is_array() ? std::to_string(j.size()) + " entries" : type_name(j)));
    if (it.level + 1 == n) {
      for (std::size_t a = 0; a < width; ++a) {
        auto u = read_payoff_vector(j[a], child_pointer(it.pointer, a), n);
        g.payoffs.insert(g.payoffs.end(), u.begin(), u.end());
      }
    } else {
      for (std::size_t a = width; a-- > 0;)
        stack.push_back({&j[a], child_pointer(it.pointer, a), it.prefix * width + a, it.level + 1});
    }
  }
  game.tree = g.to_tree();
  game.normal = std::move(g);
}

// --- extensive ----------------------------------------------------------------------

void read_extensive(const json& doc, LoadedGame& game) {
  check_members(doc, "", {"format", "type", "players", "name", "description", "root"}, "an extensive game");
  GameTree& tree = game.tree;
  const int n = tree.num_players();
  require(doc, "root", "", "the root node");
  std::unordered_set<std::string> ids;

  struct Item { const json* j; int parent; int edge; };
  std::vector<Item> stack{{&doc["root"], -1, -1}};
  // Checks inside a node use pointers relative to the node; the node's own pointer is
  // derived from its parent only when an error needs it, since building every pointer
  // eagerly would cost O(depth) per node.
  auto pointer_for = [&](const Item& it) {
    return it.parent < 0 ? std::string("/root")
                         : tree.pointer_of(it.parent) + "/children/" + std::to_string(it.edge);
  };
  while (!stack.empty()) {
    const Item it = stack.back();
    stack.pop_back();
    try {
      const json& j = *it.j;
      if (!j.is_object()) fail("", "expected a node (an object), got " + type_name(j));
      std::string id;
      if (auto f = j.find("id"); f != j.end()) {
        id = read_label(*f, "/id", "a node id");
        if (!ids.insert(id).second) fail("/id", "duplicate node id \"" + id + "\"");
      }
      if (!j.contains("player")) {
        if (!j.contains("payoffs"))
          fail("", "a node needs \"player\" (decision or chance node) or \"payoffs\" (terminal node)");
        check_members(j, "", {"payoffs", "id"}, "a terminal node");
        auto spec = GameTree::terminal_node(read_payoff_vector(j["payoffs"], "/payoffs", n), id);
        if (it.parent < 0) tree.add_root(std::move(spec));
        else tree.add_child(it.parent, it.edge, std::move(spec));
        continue;
      }
      const json& player = j["player"];
      const bool chance = player.is_string() && player.get<std::string>() == "chance";
      if (chance) check_members(j, "", {"player", "actions", "probs", "children", "id"}, "a chance node");
      else check_members(j, "", {"player", "infoset", "actions", "children", "id"}, "a decision node");
      const json& actions = require_array(j, "actions", "", "action labels");
      if (actions.empty()) fail("/actions", "a node needs at least one action");
      std::vector<std::string> labels = read_labels(actions, "/actions", "action label");
      const json& kids = require_array(j, "children", "", "one child node per action");
      if (kids.size() != actions.size())
        fail("/children", "expected " + std::to_string(actions.size()) + " children (one per action), got " +
                              std::to_string(kids.size()));
      GameTree::NodeSpec spec;
      if (chance) {
        const json& probs = require_array(j, "probs", "", "one probability per action");
        if (probs.size() != actions.size())
          fail("/probs", "expected " + std::to_string(actions.size()) + " probabilities (one per action), got " +
                             std::to_string(probs.size()));
        std::vector<Number> p;
        Number sum = Number::integer(0);
        // Rationals ("p/q" and integers) must sum to 1 exactly; decimals within 1e-9.
        bool any_decimal = false;
        for (std::size_t k = 0; k < probs.size(); ++k) {
          any_decimal = any_decimal || probs[k].is_number_float() ||
                        (probs[k].is_string() && probs[k].get<std::string>().find_first_of(".eE") != std::string::npos);
          const std::string pk = child_pointer("/probs", k);
          p.push_back(read_number(probs[k], pk, "a probability"));
          if (p.back().value < 0.0) fail(pk, "a probability must be >= 0, got " + p.back().to_string());
          sum = add(sum, p.back());
        }
        if (!any_decimal && !sum.exact)
          fail("/probs", "the exact sum of these probabilities does not fit in 64-bit rationals, so it "
                         "cannot be checked; use smaller denominators");
        const bool exactly_one = sum.exact && sum.num == 1 && sum.den == 1;
        const bool ok = exactly_one || ((any_decimal || !sum.exact) && std::fabs(sum.value - 1.0) <= 1e-9);
        if (!ok) fail("/probs", "probabilities must sum to 1, they sum to " + sum.to_string());
        spec = GameTree::chance_node(std::move(p), std::move(labels), id);
      } else {
        if (!player.is_number_integer() || player.get<std::int64_t>() < 0 || player.get<std::int64_t>() >= n)
          fail("/player", "expected a player index 0.." + std::to_string(n - 1) + " or \"chance\", got " +
                              describe_json_value(player));
        const int p = static_cast<int>(player.get<std::int64_t>());
        const std::string& label = read_label(require(j, "infoset", "", "the infoset label"), "/infoset",
                                              "an infoset label");
        spec = GameTree::decision_node(tree.infoset(p, label, labels, "/actions"), id);
      }
      const int v = it.parent < 0 ? tree.add_root(std::move(spec)) : tree.add_child(it.parent, it.edge, std::move(spec));
      for (std::size_t k = kids.size(); k-- > 0;) stack.push_back({&kids[k], v, static_cast<int>(k)});
    } catch (const InputError& e) {
      throw InputError(pointer_for(it) + e.pointer(), e.detail());
    }
  }
  tree.finalize();
}

}  // namespace

LoadedGame read_json_game(const std::string& text, const std::string& file, const LoadLimits& limits) {
  const json doc = parse_document(text, file, limits);
  try {
    check_game_format(doc);
    const json& type = require(doc, "type", "", "\"normal\" or \"extensive\"");
    if (!type.is_string()) fail("/type", "expected a string, got " + type_name(type));
    const std::string& kind = type.get_ref<const std::string&>();
    if (kind != "normal" && kind != "extensive") {
      if (kind == "markov" || kind == "graph")
        fail("/type", "games of type \"" + kind + "\" cannot be loaded by this version of eqlab");
      fail("/type", "expected \"normal\", \"extensive\", \"markov\" or \"graph\", got \"" + kind + "\"");
    }
    const json& players = require_array(doc, "players", "", "player names");
    if (players.empty()) fail("/players", "a game needs at least one player");
    LoadedGame game;
    game.type = kind;
    game.tree.players = read_labels(players, "/players", "player name");
    check_name_and_description(doc);
    game.name = doc.value("name", std::string());
    game.description = doc.value("description", std::string());
    for (auto it = doc.begin(); it != doc.end(); ++it)
      if (it.key().rfind("x-", 0) == 0) {
        if (depth_of(*it, kMaxExtensionDepth) > kMaxExtensionDepth)
          fail("/" + pointer_token(it.key()), "an extension nested deeper than " +
                                                  std::to_string(kMaxExtensionDepth) + " levels");
        game.extensions[it.key()] = *it;
      }
    if (game.name.empty()) {
      auto slash = file.find_last_of('/');
      game.name = slash == std::string::npos ? file : file.substr(slash + 1);
    }
    game.tree.name = game.name;
    if (kind == "normal") read_normal(doc, game);
    else read_extensive(doc, game);
    return game;
  } catch (const InputError& e) {
    throw at_document(e, file);
  }
}

// --- writing -----------------------------------------------------------------------

namespace {

void write_string(std::ostream& out, const std::string& s) { out << json(s).dump(); }
void write_number(std::ostream& out, const Number& v) { out << v.to_json().dump(); }

void write_header(const LoadedGame& game, std::ostream& out) {
  out << "{\"format\": \"" << json_reading::kGameFormat << "\", \"type\": \"" << game.type << "\", \"name\": ";
  write_string(out, game.name);
  if (!game.description.empty()) {
    out << ",\n \"description\": ";
    write_string(out, game.description);
  }
  for (const auto& [key, value] : game.extensions) {
    out << ",\n ";
    write_string(out, key);
    out << ": " << value.dump();
  }
  out << ",\n \"players\": " << json(game.tree.players).dump();
}

void write_extensive(const LoadedGame& game, std::ostream& out) {
  const GameTree& tree = game.tree;
  out << ",\n \"root\": ";
  // Explicit stack of (node, next child to write); closing brackets written on the way up.
  std::vector<std::pair<int, int>> stack{{0, -1}};
  while (!stack.empty()) {
    auto& [v, next] = stack.back();
    const TreeNode& node = tree.nodes[v];
    if (next == -1) {
      out << "\n" << std::string(std::min<std::size_t>(stack.size(), 40), ' ') << "{";
      if (v < static_cast<int>(tree.node_ids.size()) && !tree.node_ids[v].empty()) {
        out << "\"id\": ";
        write_string(out, tree.node_ids[v]);
        out << ", ";
      }
      if (node.kind == NodeKind::terminal) {
        out << "\"payoffs\": [";
        auto u = tree.payoffs_of(v);
        for (std::size_t p = 0; p < u.size(); ++p) {
          if (p) out << ", ";
          write_number(out, u[p]);
        }
        out << "]}";
        stack.pop_back();
        if (!stack.empty()) ++stack.back().second;
        continue;
      }
      std::vector<std::string> actions;
      for (int a = 0; a < node.num_children; ++a) actions.push_back(tree.action_label(v, a));
      if (node.kind == NodeKind::chance) {
        out << "\"player\": \"chance\", \"actions\": " << json(actions).dump() << ", \"probs\": [";
        auto probs = tree.probs_of(v);
        for (std::size_t k = 0; k < probs.size(); ++k) {
          if (k) out << ", ";
          write_number(out, probs[k]);
        }
        out << "]";
      } else {
        out << "\"player\": " << node.player << ", \"infoset\": ";
        write_string(out, tree.infosets[node.infoset].label);
        out << ", \"actions\": " << json(actions).dump();
      }
      out << ", \"children\": [";
      next = 0;
    }
    if (next < node.num_children) {
      if (next > 0) out << ",";
      stack.emplace_back(tree.child(v, next), -1);
      continue;
    }
    out << "]}";
    stack.pop_back();
    if (!stack.empty()) ++stack.back().second;
  }
}

void write_normal(const NormalGame& g, std::ostream& out) {
  const int n = g.num_players();
  out << ",\n \"actions\": " << json(g.actions).dump() << ",\n \"payoffs\": ";
  // Nested arrays with player 0 outermost: walk profiles in index order and open/close
  // brackets where the mixed-radix counter rolls over.
  const std::size_t total = g.num_profiles();
  std::vector<std::size_t> radix(n);
  for (int p = 0; p < n; ++p) radix[p] = g.actions[p].size();
  for (std::size_t k = 0; k < total; ++k) {
    // How many trailing levels start here: levels whose index is 0 at profile k.
    std::size_t rest = k;
    int opening = 0;
    for (int p = n - 1; p >= 0 && rest % radix[p] == 0; --p, rest /= radix[p + 1]) ++opening;
    if (k > 0) out << ",";
    if (opening > 0 && k > 0 && n > 1) out << "\n  ";
    out << std::string(opening, '[') << "[";
    for (int p = 0; p < n; ++p) {
      if (p) out << ", ";
      write_number(out, g.payoffs[k * n + p]);
    }
    out << "]";
    std::size_t after = k + 1;
    int closing = 0;
    for (int p = n - 1; p >= 0 && after % radix[p] == 0; --p, after /= radix[p + 1]) ++closing;
    out << std::string(closing, ']');
  }
}

}  // namespace

void write_json_game(const LoadedGame& game, std::ostream& out) {
  write_header(game, out);
  if (game.type == "normal" && game.normal) write_normal(*game.normal, out);
  else write_extensive(game, out);
  out << "}\n";
}

std::string game_to_json_text(const LoadedGame& game) {
  std::ostringstream out;
  write_json_game(game, out);
  return out.str();
}

json game_to_json(const LoadedGame& game) { return json::parse(game_to_json_text(game)); }

}  // namespace eqlab

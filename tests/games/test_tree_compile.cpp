#include <doctest/doctest.h>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

TEST_CASE("a 100,000-deep chain builds and compiles without recursion") {
  GameTree tree({"solo"});
  const std::vector<std::string> actions{"go", "stop"};
  int node = -1;
  for (int d = 0; d < 100000; ++d) {
    int info = tree.infoset(0, "d" + std::to_string(d), actions);
    int v = d == 0 ? tree.add_root(GameTree::decision_node(info)) : tree.add_child(node, 0, GameTree::decision_node(info));
    tree.add_child(v, 1, GameTree::terminal_node({Number::integer(d)}));
    node = v;
  }
  tree.add_child(node, 0, GameTree::terminal_node({Number::integer(-1)}));
  tree.finalize();
  CompiledGame g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() == 100000);
  CHECK(g.treeplex[0].num_sequences() == 200001);
  CHECK(g.terminals.size() == 100001);
}

TEST_CASE("a normal game compiles to one infoset per player") {
  NormalGame pd;
  pd.players = {"row", "col"};
  pd.actions = {{"c", "d"}, {"c", "d"}};
  for (int v : {3, 3, 0, 5, 5, 0, 1, 1}) pd.payoffs.push_back(Number::integer(v));
  CompiledGame g = compile(pd.to_tree());
  CHECK(g.treeplex[0].num_infosets() == 1);
  CHECK(g.treeplex[1].num_infosets() == 1);
  CHECK(g.terminals.size() == 4);
  Profile x = g.uniform_profile();
  auto v = g.expected_values(x);
  CHECK(v[0] == doctest::Approx(2.25));
  CHECK(v[1] == doctest::Approx(2.25));
}

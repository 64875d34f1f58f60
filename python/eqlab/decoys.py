"""Decoy placement on attack graphs: where a defender puts traps and fake targets so that an
attacker, acting on what it believes, walks into one (`eqlab decoys`)."""
from . import _eqlab
from ._loading import load_graph


def place(graph, traps=None, fakes=None, mode="clean", region="dswin", method="greedy", check_submodular=False,
          threads=0, dot=False):
    """Places `fakes` fake targets and `traps` traps on a graph game (an eqlab.GraphGame, a
    networkx.DiGraph, a "graph" dict, a file or a built-in spec such as "gridworld"); a
    budget left out is the graph's own, else 0.

    mode: "clean" (an attacker move out of its winning region is a defender win) or
    "reference" (the published experiments' construction). region: "dswin" (the defender
    surely lures the attacker) or "daswin" (almost surely, against an attacker that plays
    each rational move with positive probability). method: "greedy" (fakes first, then
    traps, each at the site that most enlarges the deceptive region), "lazy" (lazy greedy)
    or "exhaustive" (every placement of exactly the budgets). check_submodular tests the
    instance pairwise, for the (1 - 1/e) statement. threads: at most this many (0: all).

    Returns the placement document `eqlab decoys --out` writes (format eqlab-decoys/1) as
    a dict: "picks" (kind, site, value and region size after each pick), "value" (the
    value of deception), "regions", the defender's "strategy", "vertex_roles" and the
    "guarantee"; with dot=True also "dot", the graph coloured for GraphViz.
    """
    return _eqlab._place_decoys(load_graph(graph), traps=traps, fakes=fakes, region=region, mode=mode,
                                method=method, check_submodular=check_submodular, threads=threads, dot=dot)

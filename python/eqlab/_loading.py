"""eqlab.load: games from names, files, dicts and networkx graphs."""
import os

from . import _eqlab
from .graphs import from_networkx, is_networkx_graph


def load(game):
    """Loads a game: a built-in name with parameters ("kuhn", "leduc_poker",
    "goofspiel(cards=4)", "markov-random(players=3)", "gridworld(rows=7,cols=7)"), a file
    (eqlab JSON, Gambit .efg/.nfg, GraphML, GraphViz DOT), a dict in eqlab's JSON format,
    or a networkx.DiGraph whose attributes carry the graph format's names (see
    eqlab.graphs). Returns an eqlab.Game (normal and extensive form), an eqlab.MarkovGame
    or an eqlab.GraphGame. Bad input raises ValueError with the file and JSON pointer.
    """
    if is_networkx_graph(game):
        return _eqlab.load(from_networkx(game))
    return _eqlab.load(game)


def _load_kind(game, kind, noun, forms):
    """`game` as an eqlab game of class `kind`: loaded unless it already is one; ValueError,
    naming the `forms` a `noun` takes, when it is another kind of game."""
    if isinstance(game, kind):
        return game
    loaded = load(game)
    if not isinstance(loaded, kind):
        name = os.fspath(game) if isinstance(game, (str, os.PathLike)) else type(game).__name__
        article = "an" if loaded.kind[0] in "aeiou" else "a"
        raise ValueError(f"{name} is {article} {loaded.kind} game, not {noun} ({forms})")
    return loaded


def load_graph(graph):
    """`graph` as an eqlab.GraphGame: loaded unless it already is one; ValueError when it
    is another kind of game."""
    return _load_kind(graph, _eqlab.GraphGame, "a graph game",
                      "graph JSON, GraphML, DOT, gridworld, random-graph or a networkx.DiGraph")


def load_markov(game):
    """`game` as an eqlab.MarkovGame: loaded unless it already is one; ValueError when it
    is another kind of game."""
    return _load_kind(game, _eqlab.MarkovGame, "a Markov game",
                      'a "markov" game file or dict, or a built-in Markov game such as markov-random')

"""eqlab.preferences: Nash equilibrium outcomes of graph games with incomplete preferences."""
import os

from . import _eqlab
from ._loading import load_graph


def preferences(graph, goals):
    """The Nash equilibrium outcomes of a two-player graph game whose players want temporal
    goals and rank the sets of goals a play achieves only partly, as `eqlab preferences`
    finds them: the report document (format eqlab-preferences/1) as a dict, with per
    alignment case what each player can guarantee alone and, for every outcome some play
    can have, whether it is an equilibrium (with a witness play and the punishments that
    hold each deviator) or why not, and whether it is Pareto efficient.

    graph: an eqlab.GraphGame, a networkx.DiGraph or anything eqlab.load takes, with one
    vertex marked "init". goals: the goals and preferences (format eqlab-goals/1) as a dict
    or a JSON file.
    """
    return _eqlab._preferences(load_graph(graph), goals if isinstance(goals, dict) else os.fspath(goals))

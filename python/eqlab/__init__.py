"""eqlab: learning game-theoretic equilibria, exactly measured.

    import eqlab
    game = eqlab.load("kuhn")
    solver = eqlab.Solver(game, "cfr+")
    solver.step(1000)
    solver.metrics()["exploitability"]

eqlab.load() reads extensive, normal-form, Markov and graph games (names, files, dicts,
networkx graphs); eqlab.solvers() lists every solver with its parameters; eqlab.Solver
steps one; eqlab.solve() and eqlab.experiment() make the runs of `eqlab solve` and `eqlab
experiment`; eqlab.evaluate() and eqlab.evaluate_distribution() measure strategies from
anywhere; eqlab.decoys.place() and eqlab.preferences() analyse graph games;
eqlab.marlhf samples preference data of Markov games and learns equilibria from it;
eqlab.curve_array() turns a curve into a NumPy structured array.
"""
from ._eqlab import Game, GraphGame, MarkovGame, MarkovSolver, Solver, evaluate, evaluate_distribution, solvers
from ._loading import load
from ._preferences import preferences
from ._runs import experiment, solve
from .curves import curve_array, curve_frame
from . import decoys, graphs, marlhf, openspiel

__all__ = [
    "Game", "GraphGame", "MarkovGame", "MarkovSolver", "Solver", "curve_array", "curve_frame", "decoys", "evaluate",
    "evaluate_distribution", "experiment", "graphs", "load", "marlhf", "openspiel", "preferences", "solve", "solvers"
]

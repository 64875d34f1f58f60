"""eqlab: learning game-theoretic equilibria, exactly measured.

    import eqlab
    game = eqlab.load("kuhn")
    solver = eqlab.Solver(game, "cfr+")
    solver.step(1000)
    solver.metrics()["exploitability"]

eqlab.solvers() lists every solver with its parameters; eqlab.solve() makes the run
`eqlab solve` makes and returns its result document as a dict, whose curve
eqlab.curve_array() turns into a NumPy structured array.
"""
from ._eqlab import Game, MarkovGame, Solver, evaluate, evaluate_distribution, load, solve, solvers
from .curves import curve_array, curve_frame
from . import openspiel

__all__ = [
    "Game", "MarkovGame", "Solver", "curve_array", "curve_frame", "evaluate", "evaluate_distribution", "load", "solve", "solvers"
]

"""eqlab: learning game-theoretic equilibria, exactly measured.

    import eqlab
    game = eqlab.load("kuhn")
    solver = eqlab.Solver(game, "cfr+")
    solver.step(1000)
    solver.metrics()["exploitability"]

eqlab.solvers() lists every solver with its parameters; eqlab.solve() makes the run
`eqlab solve` makes and returns its result document as a dict.
"""
from ._eqlab import Game, Solver, evaluate, evaluate_distribution, load, solve, solvers

__all__ = ["Game", "Solver", "evaluate", "evaluate_distribution", "load", "solve", "solvers"]

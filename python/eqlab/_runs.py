"""eqlab.solve and eqlab.experiment: the runs of `eqlab solve` and `eqlab experiment`."""
import os

from . import _eqlab
from ._loading import load
from ._progress import progress_bar


def solve(game, solver=None, iterations=None, checkpoints=None, seed=0, feedback="full", progress=True, episodes=None,
          **params):
    """Runs a solver as `eqlab solve` does and returns its result document as a dict: the
    same numbers as the command line's result file (format eqlab-result/1 for extensive and
    normal-form games; the Markov result for Markov games), its "curve" included
    (eqlab.curve_array turns it into a NumPy array).

    game: an eqlab.Game or eqlab.MarkovGame, or anything eqlab.load takes.
    solver: a name of eqlab.solvers() (default "cfr+", or "cce-v" for Markov games).
    iterations (or its other name, episodes): iterations, or episodes with bandit feedback
    and for Markov games (default 1000, or 100000 episodes for Markov games). checkpoints: curve points (default 30, or
    20 for Markov games). feedback: "full" or "bandit" (Markov learners are bandit).
    progress: a tqdm bar on runs longer than a second, where tqdm is installed.
    Other keywords are the solver's parameters, checked against its schema (ValueError
    naming the valid ones). Ctrl-C stops the run with KeyboardInterrupt.
    """
    if episodes is not None:
        if iterations is not None:
            raise ValueError("give iterations or episodes, not both: they are the run's length")
        iterations = episodes
    if not isinstance(game, (_eqlab.Game, _eqlab.MarkovGame)):
        game = load(game)
    if isinstance(game, _eqlab.MarkovGame):
        if feedback != "bandit" and feedback != "full":
            raise ValueError(f'feedback must be "full" or "bandit", not "{feedback}"')
        episodes = 100000 if iterations is None else iterations
        name = solver or "cce-v"
        with progress_bar(progress, episodes, name, "episode") as report:
            return _eqlab._solve_markov(game, name, episodes, 20 if checkpoints is None else checkpoints, seed,
                                        report, **params)
    iterations = 1000 if iterations is None else iterations
    name = solver or "cfr+"
    with progress_bar(progress, iterations, name, "it") as report:
        return _eqlab._solve(game, name, iterations, 30 if checkpoints is None else checkpoints, seed, feedback,
                             report, **params)


def experiment(config, out_dir, resume=False, plots=True, threads=0, progress=True):
    """Runs an experiment as `eqlab experiment CONFIG --out out_dir` does, writing the same
    files into out_dir (runs/, summary.csv, rates.csv, plots/ ...; see `eqlab help
    experiment`), and returns what it found as a dict: "runs", "rates" (the fitted regret
    rates) or, for a Markov experiment, "episodes" and "fits"; "files", the summaries and
    plots written (the runs' curves are under out_dir/runs), and "notes".

    config: the config as a dict (its relative game files are looked up from the working
    folder) or a JSON file. resume keeps the complete runs already in out_dir. plots needs
    gnuplot (a note says when it is missing). threads: at most this many (0: all cores).
    progress: a tqdm bar over the runs, where tqdm is installed.
    """
    with progress_bar(progress, None, "experiment", "run") as report:
        return _eqlab._experiment(config if isinstance(config, dict) else os.fspath(config), os.fspath(out_dir),
                                  resume=resume, plots=plots, threads=threads, progress=report)

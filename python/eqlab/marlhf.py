"""eqlab.marlhf: Nash equilibria of Markov games learned from preference-only offline data
(MARLHF; docs/algorithms/marlhf.md), as the command line makes them:

    data = eqlab.marlhf.sample("examples/marlhf/coverage-trap.json", "unilateral", 5000)
    result = eqlab.marlhf.solve("examples/marlhf/coverage-trap.json", data)
    result["metrics"]["nash_gap"]

sample is `eqlab preferences-data`, read loads what it writes, and solve is `eqlab solve
GAME --solver marlhf --data FILE`, whose result document it returns.
"""
import os
import warnings

from . import _eqlab
from ._loading import load_markov
from ._progress import progress_bar

PreferenceData = _eqlab.PreferenceData

__all__ = ["PreferenceData", "read", "sample", "solve"]


def _behaviour_spec(behaviour):
    """The command line's SPEC: a name as it is, policy files joined by commas."""
    if isinstance(behaviour, (list, tuple)):
        return ",".join(os.fspath(path) for path in behaviour)
    return os.fspath(behaviour)


def sample(game, behaviour, pairs, temperature=1.0, seed=0, out=None, threads=0, progress=True):
    """Samples `pairs` trajectory pairs of a Markov game under a behaviour policy and labels
    each for every player by the Bradley-Terry model on the true returns, as `eqlab
    preferences-data` does: player i prefers the first trajectory with probability
    1 / (1 + exp(-(R_i - R_i') / temperature)). Returns an eqlab.marlhf.PreferenceData.

    game: an eqlab.MarkovGame or anything eqlab.load takes for one. behaviour:
    "equilibrium" (every player plays an equilibrium of the game), "unilateral" (the
    equilibrium, or one player deviating uniformly at random), "uniform", or policy files
    (eqlab-markov-policy/1), as a list or joined by commas, one drawn for each trajectory.
    seed: pair k is drawn from its own stream, so the first n pairs are the n-pair sample
    of the same seed, for any number of threads (0: all cores). out: a path where the
    dataset is also written as JSON Lines, whole or not at all. progress: a tqdm bar where
    tqdm is installed. Bad arguments raise ValueError with the command line's message.
    """
    game = load_markov(game)
    with progress_bar(progress, pairs, "preferences", "pair") as report:
        data = _eqlab._sample_preferences(game, _behaviour_spec(behaviour), pairs, temperature, seed, threads, report)
    if out is not None:
        data.write(os.fspath(out))
    return data


def read(path, game):
    """Reads a preference dataset (format eqlab-preferences/1, as sample(out=...) and `eqlab
    preferences-data` write it) of a Markov game. A file that does not fit the game raises
    ValueError naming the file, the line and the JSON pointer within it.
    """
    return _eqlab._read_preferences(os.fspath(path), load_markov(game))


def solve(game, data, mse=0.0, pessimism=1.0, imitation=0.0, policy=None, **params):
    """Learns an equilibrium from preference data and measures it exactly in the game, as
    `eqlab solve GAME --solver marlhf --data FILE` does: returns its result document as a
    dict (format eqlab-result/1; "metrics" holds nash_gap, or cce_gap and ce_gap for three
    players or more, the values, best responses and reward errors).

    game: an eqlab.MarkovGame or anything eqlab.load takes for one. data: an
    eqlab.marlhf.PreferenceData or the path of a dataset file. mse, pessimism, imitation
    and the other keywords (ridge, unknown_width, pseudo_count, cce_rounds,
    max_newton_iterations, features) are the learner's parameters, checked as --param
    checks them; features="game" fits rewards linear in the game file's (or dict's)
    "reward_features" instead of a table.
    policy: a path where the output policy (eqlab-markov-policy/1) is written, as --policy.
    """
    game = load_markov(game)
    if not isinstance(data, PreferenceData):
        data = read(data, game)
    if data.game != game.name:
        warnings.warn(f"the data was sampled from {data.game}, learned here on {game.name}", stacklevel=2)
    return _eqlab._solve_marlhf(game, data, dict(mse=mse, pessimism=pessimism, imitation=imitation, **params),
                                None if policy is None else os.fspath(policy))

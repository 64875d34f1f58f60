"""Type stubs of eqlab's compiled module (see help(eqlab.Solver) for the full texts)."""
import os
from typing import Any, Callable, Dict, List, Optional, Union

import numpy as np

class Game:
    """A game eqlab can solve, compiled to sequence form. Make one with eqlab.load()."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...  # "extensive" or "normal"
    @property
    def num_players(self) -> int: ...
    @property
    def players(self) -> List[str]: ...
    @property
    def infosets(self) -> List[int]: ...
    @property
    def sequences(self) -> List[int]: ...
    @property
    def terminals(self) -> int: ...
    @property
    def is_zero_sum(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...

def load(game: Union[str, "os.PathLike[str]", Dict[str, Any]]) -> Union[Game, "MarkovGame", "GraphGame"]:
    """A built-in game ("kuhn", "leduc_poker", "goofspiel(cards=4)", "gridworld"), a file, or a
    dict in eqlab's JSON format; ValueError with the file and JSON pointer for bad input.
    (eqlab.load wraps it and takes networkx graphs too.)"""

class Solver:
    """A solver of the registry on a game; keyword parameters are checked against its schema."""
    def __init__(self, game: Game, name: str, feedback: str = "full", seed: int = 0, horizon: int = 1000,
                 **params: Any) -> None: ...
    def step(self, iterations: int = 1) -> None: ...
    @property
    def iteration(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def concept(self) -> str: ...
    @property
    def params(self) -> Dict[str, Any]: ...
    def metrics(self) -> Dict[str, Any]: ...
    def strategies(self) -> List[Dict[str, Dict[str, float]]]: ...
    def sequence_form(self) -> List[np.ndarray]: ...
    def played(self) -> Optional[List[np.ndarray]]: ...

def solvers() -> List[Dict[str, Any]]:
    """Every solver of the registry: name, game kind, feedback, concept, parameters, note."""

Progress = Optional[Callable[[int, int], None]]

def _solve(game: Game, solver: str, iterations: int, checkpoints: int, seed: int, feedback: str, progress: Progress,
           **params: Any) -> Dict[str, Any]:
    """The run `eqlab solve` makes; its result document (eqlab-result/1) as a dict (eqlab.solve wraps it)."""

def _solve_markov(game: "MarkovGame", solver: str, episodes: int, checkpoints: int, seed: int, progress: Progress,
                  **params: Any) -> Dict[str, Any]:
    """The run `eqlab solve MARKOV_GAME` makes, as a dict (eqlab.solve wraps it)."""

def _experiment(config: Union[str, Dict[str, Any]], out_dir: str, resume: bool = False, plots: bool = True,
                threads: int = 0, progress: Progress = None) -> Dict[str, Any]:
    """`eqlab experiment` (eqlab.experiment wraps it)."""

def evaluate(game: Game, strategies: List[Any]) -> Dict[str, Any]:
    """Exploitability, NashConv, values and best-response values of a profile, given per
    player as {infoset: {action: probability}} or as a sequence-form array."""

def evaluate_distribution(game: Game, profiles: List[List[Any]], weights: Any = None,
                          k: Optional[int] = None) -> Dict[str, Any]:
    """NFCCE and EFCE gaps and values of a weighted mixture of product profiles; with k, its
    K-EFCE gap at that K too."""

class MarkovGame:
    """An episodic m-player Markov game; eqlab.load returns one for Markov games."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...  # "markov"
    @property
    def num_players(self) -> int: ...
    @property
    def horizon(self) -> int: ...
    @property
    def num_states(self) -> int: ...
    @property
    def actions(self) -> List[int]: ...
    def evaluate_policy(self, path: str) -> Dict[str, Any]: ...  # as `eqlab eval GAME PATH --json`
    def to_dict(self) -> Dict[str, Any]: ...

class MarkovSolver:
    """A Markov learner of the registry, played episode by episode."""
    def __init__(self, game: MarkovGame, name: str, seed: int = 0, episodes: int = 100000, **params: Any) -> None: ...
    def step(self, episodes: int = 1) -> bool: ...
    @property
    def episodes(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def concept(self) -> str: ...
    @property
    def params(self) -> Dict[str, Any]: ...
    def metrics(self) -> Dict[str, Any]: ...
    def policy(self) -> Dict[str, Any]: ...
    def write_policy(self, path: str) -> None: ...  # .eqplay: the play file; else JSON

class GraphGame:
    """A two-player turn-based game on a graph (the defender, player 0, against an attacker)."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...  # "graph"
    @property
    def num_players(self) -> int: ...
    @property
    def num_vertices(self) -> int: ...
    @property
    def num_edges(self) -> int: ...
    @property
    def vertices(self) -> List[str]: ...
    @property
    def targets(self) -> List[str]: ...
    @property
    def sites(self) -> List[str]: ...
    @property
    def budgets(self) -> Dict[str, int]: ...
    def to_dict(self) -> Dict[str, Any]: ...

def _place_decoys(graph: GraphGame, traps: Optional[int] = None, fakes: Optional[int] = None, region: str = "dswin",
                  mode: str = "clean", method: str = "greedy", check_submodular: bool = False, threads: int = 0,
                  dot: bool = False) -> Dict[str, Any]:
    """`eqlab decoys` (eqlab.decoys.place wraps it)."""

def _preferences(graph: GraphGame, goals: Union[str, Dict[str, Any]]) -> Dict[str, Any]:
    """`eqlab preferences` (eqlab.preferences wraps it)."""

class PreferenceData:
    """A preference dataset of a Markov game (eqlab-preferences/1); eqlab.marlhf.sample and
    eqlab.marlhf.read make one. The arrays are copies, by index."""
    @property
    def game(self) -> str: ...  # the game's name, as recorded
    @property
    def behaviour(self) -> str: ...
    @property
    def temperature(self) -> float: ...
    @property
    def num_pairs(self) -> int: ...
    @property
    def players(self) -> List[str]: ...
    @property
    def states(self) -> np.ndarray: ...  # int32 [pairs, 2, H]
    @property
    def actions(self) -> np.ndarray: ...  # int32 [pairs, 2, H, m]
    @property
    def labels(self) -> np.ndarray: ...  # int32 [pairs, m], 1: prefers the first
    def write(self, path: str) -> None: ...  # JSON Lines, whole or not at all
    def __len__(self) -> int: ...

def _sample_preferences(game: MarkovGame, behaviour: str, pairs: int, temperature: float, seed: int, threads: int,
                        progress: Progress) -> PreferenceData:
    """`eqlab preferences-data` (eqlab.marlhf.sample wraps it)."""

def _read_preferences(path: str, game: MarkovGame) -> PreferenceData:
    """A dataset file of the game; ValueError with the line and JSON pointer (eqlab.marlhf.read wraps it)."""

def _solve_marlhf(game: MarkovGame, data: PreferenceData, params: Dict[str, Any],
                  policy: Optional[str]) -> Dict[str, Any]:
    """`eqlab solve GAME --solver marlhf`: its result document (eqlab.marlhf.solve wraps it)."""

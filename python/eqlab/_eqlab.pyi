"""Type stubs of eqlab's compiled module (see help(eqlab.Solver) for the full texts)."""
import os
from typing import Any, Dict, List, Union

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

def load(game: Union[str, "os.PathLike[str]", Dict[str, Any]]) -> Union[Game, "MarkovGame"]:
    """A built-in game ("kuhn", "leduc_poker", "goofspiel(cards=4)"), a file, or a dict in
    eqlab's JSON format; ValueError with the file and JSON pointer for bad input."""

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

def solvers() -> List[Dict[str, Any]]:
    """Every solver of the registry: name, game kind, feedback, concept, parameters, note."""

def solve(game: Union[Game, "MarkovGame"], solver: str = "cfr+", iterations: int = 1000, checkpoints: int = 30, seed: int = 0,
          feedback: str = "full", **params: Any) -> Dict[str, Any]:
    """The run `eqlab solve` makes; its result document (eqlab-result/1) as a dict."""

def evaluate(game: Game, strategies: List[Any]) -> Dict[str, Any]:
    """Exploitability, NashConv, values and best-response values of a profile, given per
    player as {infoset: {action: probability}} or as a sequence-form array."""

def evaluate_distribution(game: Game, profiles: List[List[Any]], weights: Any = None) -> Dict[str, Any]:
    """NFCCE and EFCE gaps and values of a weighted mixture of product profiles."""

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

"""OpenSpiel policies for eqlab's Kuhn and Leduc poker, without OpenSpiel installed.

OpenSpiel (Lanctot et al., "OpenSpiel: A Framework for Reinforcement Learning in Games",
arXiv:1908.09453) keys a tabular policy by `state.information_state_string()` and numbers
actions by ids; eqlab labels infosets and actions with its own strings. This module maps
one onto the other for the games eqlab loads from OpenSpiel's names `kuhn_poker` (any
number of players eqlab builds) and `leduc_poker` (default parameters), so that a policy
trained with OpenSpiel can be measured with eqlab's exact evaluators:

    import eqlab
    game = eqlab.load("leduc_poker")
    strategies = eqlab.openspiel.from_tabular_policy(game, tabular_policy)
    eqlab.evaluate(game, strategies)["exploitability"]

The mapping (docs/python-openspiel.md has it as tables):

* kuhn_poker: the string is the player's card as a digit (0 = J, 1 = Q, 2 = K, 3 = A)
  then the betting, "p" or "b" per move, e.g. "1pb" is eqlab's "Qpb". Action 0 is
  "pass", 1 is "bet".
* leduc_poker: "[Observer: p][Private: c][Round r][Player: p][Pot: ...][Money: ...]"
  then "[Public: c]" in round 2, then "[Round1: ids][Round2: ids]", the moves as action
  ids separated by spaces. Card c is eqlab's card c: rank c // 2 (J, Q, K, A), suit
  c % 2 (s, h). Action 0 is "fold", 1 "call", 2 "raise".
"""
import functools
import numbers
import re
from collections.abc import Mapping

from ._eqlab import Solver

__all__ = ["from_tabular_policy", "info_state_strings", "to_tabular_dict"]

# OpenSpiel's action ids, by eqlab's action labels.
_ACTION_IDS = {
    "kuhn": {"pass": 0, "bet": 1},
    "leduc": {"fold": 0, "call": 1, "raise": 2},
}
_MOVE_IDS = {"p": 0, "b": 1, "f": 0, "c": 1, "r": 2}

# eqlab's built-in games with OpenSpiel's decks: players + 1 ranks from the jack up.
_RANKS = "JQKA"
_SUITS = "sh"
_KUHN_LABEL = re.compile(r"([JQKA])([pb]*)")
_LEDUC_LABEL = re.compile(r"([JQKA][sh])\|([fcr]*)(?:\|([JQKA][sh])\|([fcr]*))?")

# Leduc's stakes, as OpenSpiel plays it: everyone starts with 100 and antes 1; raises are 2
# in round 1 and 4 in round 2.
_LEDUC_MONEY = 100
_LEDUC_RAISE = (2, 4)


def _family(game):
    """("kuhn" or "leduc", players) for a game eqlab built from OpenSpiel's names.

    Only these names have OpenSpiel's decks: eqlab's extra parameters (leduc's `ranks`)
    show in the name and make a game OpenSpiel does not have."""
    match = re.fullmatch(r"(kuhn|leduc)\(players=(\d+)\)", game.name)
    if match is None:
        raise ValueError(f"eqlab.openspiel maps OpenSpiel's kuhn_poker and leduc_poker with default decks "
                         f"(eqlab.load(\"kuhn_poker\"), eqlab.load(\"leduc_poker(players=3)\")), not game "
                         f"{game.name!r}")
    return match.group(1), int(match.group(2))


def _openspiel_name(family, players):
    name = family + "_poker"
    return name if players == 2 else f"{name}(players={players})"


def _card_id(name):
    """OpenSpiel's number of a Leduc card: both number the deck rank by rank, two suits each."""
    return 2 * _RANKS.index(name[0]) + _SUITS.index(name[1])


def _kuhn_string(label):
    match = _KUHN_LABEL.fullmatch(label)
    if match is None:
        raise ValueError(f"{label!r} is not a Kuhn poker infoset label of eqlab's")
    card, bets = match.groups()
    return str(_RANKS.index(card)) + bets


def _leduc_string(players, player, label):
    match = _LEDUC_LABEL.fullmatch(label)
    if match is None:
        raise ValueError(f"{label!r} is not a Leduc poker infoset label of eqlab's")
    card, round1, public, round2 = match.groups()
    betting, sequences = _leduc_betting(players, player, round1, round2)
    text = f"[Observer: {player}][Private: {_card_id(card)}]{betting}"
    if public is not None:
        text += f"[Public: {_card_id(public)}]"
    return text + sequences


@functools.lru_cache(maxsize=None)
def _leduc_betting(players, player, round1, round2):
    """The parts of a Leduc string the betting decides (round, acting player, pot, money;
    the moves as ids), shared by every deal: round2 is None in round 1."""
    rounds = [round1] if round2 is None else [round1, round2]
    # The string shows the pot, each player's money and who acts: replay the betting to
    # find them. The stakes are always the most anyone has put in.
    paid = [1] * players
    folded = [False] * players

    def next_in_hand(after):
        return next(q % players for q in range(after + 1, after + 1 + players) if not folded[q % players])

    to_act = 0
    for index, moves in enumerate(rounds):
        if index == 1:  # round 2 opens with the first player still in, counting from player 0
            to_act = next_in_hand(players - 1)
        for move in moves:
            if move == "f":
                folded[to_act] = True
            else:
                paid[to_act] = max(paid) + (_LEDUC_RAISE[index] if move == "r" else 0)
            to_act = next_in_hand(to_act)
    if to_act != player:
        raise ValueError(f"{'|'.join(rounds)!r} is not a betting after which player {player} acts in Leduc poker")
    betting = (f"[Round {len(rounds)}][Player: {player}][Pot: {sum(paid)}]"
               f"[Money: {' '.join(str(_LEDUC_MONEY - p) for p in paid)}]")
    ids = [" ".join(str(_MOVE_IDS[m]) for m in moves) for moves in rounds + [""] * (2 - len(rounds))]
    return betting, f"[Round1: {ids[0]}][Round2: {ids[1]}]"


def _tables(game):
    """The game's family ("kuhn" or "leduc") and number of players, its action labels per
    player and infoset, and the two maps between (player, eqlab label) and OpenSpiel's
    strings."""
    family, players = _family(game)
    # A fresh solver's profile lists every infoset of every player with its actions: the
    # labels come from the game itself, not from a copy of its rules.
    actions = [{label: list(probs) for label, probs in infosets.items()}
               for infosets in Solver(game, "cfr+").strategies()]
    to_openspiel = []
    from_openspiel = {}
    for player, infosets in enumerate(actions):
        strings = {}
        for label in infosets:
            text = _kuhn_string(label) if family == "kuhn" else _leduc_string(players, player, label)
            strings[label] = text
            from_openspiel[text] = (player, label)
        to_openspiel.append(strings)
    return family, players, actions, to_openspiel, from_openspiel


def info_state_strings(game):
    """Every OpenSpiel information-state string of `game` (eqlab.load("kuhn_poker"),
    eqlab.load("leduc_poker"), ...) as {string: (player, eqlab infoset label)}.

    ValueError for a game OpenSpiel does not have."""
    return dict(_tables(game)[4])


def _entries(policy):
    """{information-state string: probabilities} from any of the forms OpenSpiel hands out."""
    if isinstance(policy, Mapping):
        return policy
    if hasattr(policy, "state_lookup") and hasattr(policy, "action_probability_array"):
        # open_spiel.python.policy.TabularPolicy: one row per string, one column per action id.
        rows = policy.action_probability_array
        return {key: rows[index] for key, index in policy.state_lookup.items()}
    if hasattr(policy, "to_dict"):  # TabularPolicy.to_dict(): {string: [(action, prob), ...]}
        return policy.to_dict()
    if hasattr(policy, "policy_table"):  # pyspiel.TabularPolicy
        return policy.policy_table()
    raise TypeError("the policy must be a dict {information-state string: probabilities}, an OpenSpiel "
                    "TabularPolicy, or an object with to_dict() or policy_table(); a policy that only answers "
                    f"action_probabilities(state) needs pyspiel: call its to_tabular() first (got {type(policy)})")


def _action_id(key, action):
    if isinstance(action, str) and action.isdigit():  # keys of a dict read back from JSON
        return int(action)
    if isinstance(action, numbers.Integral):
        return int(action)
    raise ValueError(f"{key!r}: action ids are integers, not {action!r}")


def _pairs(key, probs):
    """(action id, probability) pairs from {id: p}, [(id, p), ...] or [p per id]."""
    if isinstance(probs, Mapping):
        return [(_action_id(key, a), float(p)) for a, p in probs.items()]
    probs = list(probs)
    if not probs:
        raise ValueError(f"{key!r}: no probabilities")
    if all(isinstance(p, numbers.Real) for p in probs):
        return [(a, float(p)) for a, p in enumerate(probs)]
    try:
        return [(_action_id(key, a), float(p)) for a, p in probs]
    except (TypeError, ValueError):
        raise ValueError(f"{key!r}: the probabilities must be {{action id: p}}, [(action id, p), ...] or one p "
                         f"per action id, not {probs!r}") from None


def from_tabular_policy(game, policy):
    """An OpenSpiel policy of `game` as eqlab strategies, ready for eqlab.evaluate.

    `game` is eqlab's Kuhn or Leduc poker (eqlab.load("kuhn_poker"),
    eqlab.load("kuhn_poker(players=3)"), eqlab.load("leduc_poker"), ...). `policy` is keyed
    by OpenSpiel's information-state strings and is one of: a dict {string: [probability
    per action id]}, {string: {action id: probability}} or {string: [(action id,
    probability), ...]} (what TabularPolicy.to_dict() returns); a TabularPolicy (its
    state_lookup and action_probability_array are read); or any object with to_dict() or
    policy_table() (pyspiel.TabularPolicy). pyspiel is not needed.

    Returns one dict per player, {eqlab infoset label: {eqlab action label: probability}};
    infosets the policy leaves out are left out too, and eqlab.evaluate plays them
    uniformly. ValueError for a game OpenSpiel does not have, a string that is not one of
    the game's, or probability on an action not legal there (zero probability on one is
    dropped: TabularPolicy rows hold every action id).
    """
    family, players, actions, _, from_openspiel = _tables(game)
    ids = _ACTION_IDS[family]
    strategies = [{} for _ in actions]
    for key, probs in _entries(policy).items():
        if key not in from_openspiel:
            example = next(iter(from_openspiel))
            raise ValueError(f"{key!r} is not an information-state string of OpenSpiel's "
                             f"{_openspiel_name(family, players)} (they look like {example!r})")
        player, label = from_openspiel[key]
        legal = {ids[a]: a for a in actions[player][label]}
        out = dict.fromkeys(actions[player][label], 0.0)
        for action, prob in _pairs(key, probs):
            if action in legal:
                out[legal[action]] = prob
            elif prob != 0.0:
                raise ValueError(f"{key!r}: action {action} is not legal there (the legal ones are "
                                 f"{', '.join(f'{i} ({a})' for i, a in sorted(legal.items()))})")
        strategies[player][label] = out
    return strategies


def to_tabular_dict(game, strategies):
    """eqlab strategies of `game` as {OpenSpiel information-state string: [(action id,
    probability), ...]}, the form OpenSpiel's TabularPolicy.to_dict() returns and
    pyspiel.TabularPolicy(...) takes.

    `strategies` has one dict per player, {infoset label: {action label: probability}}, as
    Solver.strategies() returns; every infoset of the game is in the result, those left
    out uniform (as eqlab.evaluate plays them) and actions left out with probability 0.
    Each list holds the legal action ids in increasing order. ValueError for a game
    OpenSpiel does not have or an unknown infoset or action label.
    """
    family, _, actions, to_openspiel, _ = _tables(game)
    ids = _ACTION_IDS[family]
    if len(strategies) != len(actions):
        raise ValueError(f"one strategy per player: {len(actions)}, not {len(strategies)}")
    table = {}
    for player, infosets in enumerate(actions):
        given = strategies[player]
        for label in given:
            if label not in infosets:
                raise ValueError(f"player {player} has no infoset {label!r} in {game.name}")
        for label, legal in infosets.items():
            probs = given.get(label)
            if probs is None:
                probs = dict.fromkeys(legal, 1.0 / len(legal))
            for action in probs:
                if action not in legal:
                    raise ValueError(f"player {player}, infoset {label!r}: unknown action {action!r} "
                                     f"(the actions here are {', '.join(legal)})")
            pairs = sorted((ids[a], float(probs.get(a, 0.0))) for a in legal)
            table[to_openspiel[player][label]] = pairs
    return table

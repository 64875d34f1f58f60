"""eqlab.openspiel against OpenSpiel's information-state strings, without pyspiel.

The expected strings are written out literally (from OpenSpiel's kuhn_poker.cc and
leduc_poker.cc and its recorded playthroughs), and the whole set of strings is rebuilt here
from OpenSpiel's rules, independently of the module, to check that every one maps."""
import subprocess
import sys

import numpy as np
import pytest

import eqlab
from eqlab import openspiel


def openspiel_kuhn(players):
    """{information-state string: acting player} of OpenSpiel's kuhn_poker: the card as a
    digit, then p/b per move; after the first bet every other player answers once."""
    out = {}

    def walk(bets, first_bettor):
        if len(bets) == (players if first_bettor is None else players + first_bettor):
            return
        player = len(bets) % players
        for card in range(players + 1):
            out[str(card) + bets] = player
        walk(bets + "p", first_bettor)
        walk(bets + "b", player if first_bettor is None else first_bettor)

    walk("", None)
    return out


def openspiel_leduc(players):
    """{information-state string: (acting player, legal action ids)} of OpenSpiel's
    leduc_poker, walking its betting rounds (the betting does not depend on the cards)."""
    deck = 2 * (players + 1)
    out = {}

    def decide(paid, folded, seqs, raises, calls, to_act, round_index):
        stakes = max(paid)
        legal = ([0] if stakes > paid[to_act] else []) + [1] + ([2] if raises < 2 else [])
        publics = [None] if round_index == 0 else range(deck)
        for card in range(deck):
            for public in publics:
                if public == card:
                    continue
                text = (f"[Observer: {to_act}][Private: {card}][Round {round_index + 1}][Player: {to_act}]"
                        f"[Pot: {sum(paid)}][Money: {' '.join(str(100 - x) for x in paid)}]")
                if public is not None:
                    text += f"[Public: {public}]"
                text += f"[Round1: {' '.join(map(str, seqs[0]))}][Round2: {' '.join(map(str, seqs[1]))}]"
                out[text] = (to_act, legal)
        for action in legal:
            p, f, s = list(paid), list(folded), [list(seqs[0]), list(seqs[1])]
            r, c = raises, calls
            s[round_index].append(action)
            if action == 0:
                f[to_act] = True
            elif action == 1:
                p[to_act] = stakes
                c += 1
            else:
                p[to_act] = stakes + (2 if round_index == 0 else 4)
                r, c = r + 1, 0
            remaining = players - sum(f)
            if remaining == 1:
                continue
            if action != 2 and c == (remaining if r == 0 else remaining - 1):  # the round is over
                if round_index == 1:
                    continue
                first = next(q for q in range(players) if not f[q])
                decide(p, f, s, 0, 0, first, 1)
            else:
                after = next(q % players for q in range(to_act + 1, to_act + 1 + players) if not f[q % players])
                decide(p, f, s, r, c, after, round_index)

    decide([1] * players, [False] * players, [[], []], 0, 0, 0, 0)
    return out


class TabularPolicyLike:
    """The part of open_spiel.python.policy.TabularPolicy the module reads: a row of
    probabilities per string (state_lookup), one column per action id; uniform here."""

    def __init__(self, legal_by_string, num_actions):
        self.state_lookup = {key: row for row, key in enumerate(legal_by_string)}
        self.legal_actions_mask = np.zeros((len(legal_by_string), num_actions))
        for key, legal in legal_by_string.items():
            self.legal_actions_mask[self.state_lookup[key], legal] = 1
        self.action_probability_array = self.legal_actions_mask / self.legal_actions_mask.sum(axis=1, keepdims=True)


class ToDictPolicy:
    def __init__(self, table):
        self.table = table

    def to_dict(self):
        return self.table


def test_known_strings_map_to_eqlab_labels():
    kuhn = openspiel.info_state_strings(eqlab.load("kuhn_poker"))
    assert kuhn["0"] == (0, "J")
    assert kuhn["1pb"] == (0, "Qpb")
    assert kuhn["0p"] == (1, "Jp")
    assert kuhn["2b"] == (1, "Kb")
    kuhn3 = openspiel.info_state_strings(eqlab.load("kuhn_poker(players=3)"))
    assert kuhn3["3ppb"] == (0, "Appb")
    assert kuhn3["1pb"] == (2, "Qpb")
    assert kuhn3["2bp"] == (2, "Kbp")
    leduc = openspiel.info_state_strings(eqlab.load("leduc_poker"))
    # From OpenSpiel's leduc_poker playthroughs: cards 0-5 are Js Jh Qs Qh Ks Kh.
    assert leduc["[Observer: 0][Private: 5][Round 1][Player: 0][Pot: 2][Money: 99 99][Round1: ][Round2: ]"] == (0, "Kh|")
    assert leduc["[Observer: 1][Private: 1][Round 1][Player: 1][Pot: 4][Money: 97 99][Round1: 2][Round2: ]"] == (1, "Jh|r")
    assert leduc["[Observer: 0][Private: 1][Round 1][Player: 0][Pot: 4][Money: 99 97][Round1: 1 2][Round2: ]"] == (0, "Jh|cr")
    assert leduc["[Observer: 0][Private: 1][Round 2][Player: 0][Pot: 6][Money: 97 97][Public: 3][Round1: 1 2 1]"
                 "[Round2: ]"] == (0, "Jh|crc|Qh|")
    assert leduc["[Observer: 1][Private: 0][Round 2][Player: 1][Pot: 6][Money: 97 97][Public: 3][Round1: 1 2 1]"
                 "[Round2: 1]"] == (1, "Js|crc|Qh|c")
    leduc3 = openspiel.info_state_strings(eqlab.load("leduc_poker(players=3)"))
    assert leduc3["[Observer: 2][Private: 7][Round 1][Player: 2][Pot: 5][Money: 99 97 99][Round1: 1 2][Round2: ]"] == (
        2, "Ah|cr")
    # Player 0 folded: round 2 opens with player 1.
    assert leduc3["[Observer: 1][Private: 2][Round 2][Player: 1][Pot: 7][Money: 99 97 97][Public: 6][Round1: 1 1 2 0 1]"
                  "[Round2: ]"] == (1, "Qs|ccrfc|As|")


@pytest.mark.parametrize("players", [2, 3])
def test_every_kuhn_string_maps(players):
    game = eqlab.load(f"kuhn_poker(players={players})")
    expected = openspiel_kuhn(players)
    mapped = openspiel.info_state_strings(game)
    assert {key: player for key, (player, _) in mapped.items()} == expected
    uniform = openspiel.from_tabular_policy(game, {key: [0.5, 0.5] for key in expected})
    assert all(probs == {"pass": 0.5, "bet": 0.5} for infosets in uniform for probs in infosets.values())
    assert [len(infosets) for infosets in uniform] == game.infosets


@pytest.mark.parametrize("players", [2, 3])
def test_every_leduc_string_maps_with_its_legal_actions(players):
    game = eqlab.load(f"leduc_poker(players={players})")
    expected = openspiel_leduc(players)
    ids = {"fold": 0, "call": 1, "raise": 2}
    table = openspiel.to_tabular_dict(game, [{}] * players)
    assert {key: [a for a, _ in pairs] for key, pairs in table.items()} == {
        key: legal for key, (_, legal) in expected.items()}
    mapped = openspiel.info_state_strings(game)
    assert {key: player for key, (player, _) in mapped.items()} == {key: p for key, (p, _) in expected.items()}
    strategies = openspiel.from_tabular_policy(game, {key: dict(pairs) for key, pairs in table.items()})
    for key, (player, label) in mapped.items():
        assert sorted(ids[a] for a in strategies[player][label]) == expected[key][1]


def test_kuhn_equilibrium_in_openspiel_strings():
    # Kuhn's equilibrium family at alpha = 1/3 (kuhn_poker.h's GetOptimalPolicy), [pass, bet].
    alpha = 1 / 3
    policy = {
        "0": [1 - alpha, alpha], "0pb": [1, 0], "1": [1, 0], "1pb": [2 / 3 - alpha, 1 / 3 + alpha],
        "2": [1 - 3 * alpha, 3 * alpha], "2pb": [0, 1],
        "0p": [2 / 3, 1 / 3], "0b": [1, 0], "1p": [1, 0], "1b": [2 / 3, 1 / 3], "2p": [0, 1], "2b": [0, 1],
    }
    game = eqlab.load("kuhn_poker")
    strategies = openspiel.from_tabular_policy(game, policy)
    assert strategies[0]["K"] == {"pass": 0.0, "bet": 1.0}
    assert strategies[1]["Jp"] == {"pass": 2 / 3, "bet": 1 / 3}
    report = eqlab.evaluate(game, strategies)
    assert report["exploitability"] == pytest.approx(0.0, abs=1e-12)
    assert report["values"][0] == pytest.approx(-1 / 18, abs=1e-12)


def test_uniform_leduc_tabular_policy_measures_as_eqlabs_uniform_profile():
    game = eqlab.load("leduc_poker")
    legal = {key: actions for key, (_, actions) in openspiel_leduc(2).items()}
    converted = openspiel.from_tabular_policy(game, TabularPolicyLike(legal, 3))
    assert [len(infosets) for infosets in converted] == game.infosets
    own = eqlab.evaluate(game, eqlab.Solver(game, "cfr+").strategies())
    report = eqlab.evaluate(game, converted)
    assert report["exploitability"] == pytest.approx(own["exploitability"], rel=1e-12)
    assert report["values"] == pytest.approx(own["values"], abs=1e-12)


@pytest.mark.parametrize("spec", ["kuhn_poker", "kuhn_poker(players=3)", "leduc_poker", "leduc_poker(players=3)"])
def test_round_trips(spec):
    game = eqlab.load(spec)
    solver = eqlab.Solver(game, "cfr+")
    solver.step(20)
    strategies = solver.strategies()
    table = openspiel.to_tabular_dict(game, strategies)
    assert all(len(pairs) >= 1 and [a for a, _ in pairs] == sorted(a for a, _ in pairs) for pairs in table.values())
    assert openspiel.from_tabular_policy(game, table) == strategies
    assert openspiel.from_tabular_policy(game, ToDictPolicy(table)) == strategies
    # One probability per action id, zero on the illegal ones, as TabularPolicy rows are.
    width = 2 if spec.startswith("kuhn") else 3
    rows = {key: [dict(pairs).get(a, 0.0) for a in range(width)] for key, pairs in table.items()}
    assert openspiel.from_tabular_policy(game, rows) == strategies
    assert openspiel.to_tabular_dict(game, openspiel.from_tabular_policy(game, rows)) == table
    assert eqlab.evaluate(game, openspiel.from_tabular_policy(game, table)) == eqlab.evaluate(game, strategies)


def test_partial_policies_and_json_keys():
    game = eqlab.load("kuhn_poker")
    assert openspiel.from_tabular_policy(game, {"2b": {"1": 1.0}}) == [{}, {"Kb": {"pass": 0.0, "bet": 1.0}}]
    table = openspiel.to_tabular_dict(game, [{"K": {"bet": 1.0}}, {}])
    assert table["2"] == [(0, 0.0), (1, 1.0)]
    assert table["0p"] == [(0, 0.5), (1, 0.5)]
    assert len(table) == 12


def test_errors_name_the_problem():
    kuhn = eqlab.load("kuhn_poker")
    leduc = eqlab.load("leduc_poker")
    for other in ("leduc(players=2,ranks=5)", "goofspiel(cards=3)"):
        with pytest.raises(ValueError, match="kuhn_poker and leduc_poker"):
            openspiel.from_tabular_policy(eqlab.load(other), {})
    with pytest.raises(ValueError, match=r"'J' is not an information-state string of OpenSpiel's kuhn_poker"):
        openspiel.from_tabular_policy(kuhn, {"J": [0.5, 0.5]})
    with pytest.raises(ValueError, match=r"leduc_poker \(they look like '\[Observer: 0\]"):
        openspiel.from_tabular_policy(leduc, {"[Round 1][Player: 0]": [0.0, 0.5, 0.5]})
    opening = "[Observer: 0][Private: 5][Round 1][Player: 0][Pot: 2][Money: 99 99][Round1: ][Round2: ]"
    assert openspiel.from_tabular_policy(leduc, {opening: [0.0, 0.5, 0.5]})[0] == {"Kh|": {"call": 0.5, "raise": 0.5}}
    with pytest.raises(ValueError, match=r"action 0 is not legal there \(the legal ones are 1 \(call\), 2 \(raise\)\)"):
        openspiel.from_tabular_policy(leduc, {opening: [0.2, 0.4, 0.4]})
    with pytest.raises(ValueError, match="action ids are integers"):
        openspiel.from_tabular_policy(leduc, {opening: {"call": 1.0}})
    with pytest.raises(TypeError, match="to_tabular"):
        openspiel.from_tabular_policy(kuhn, object())
    with pytest.raises(ValueError, match="player 0 has no infoset 'Jb'"):
        openspiel.to_tabular_dict(kuhn, [{"Jb": {"pass": 1.0}}, {}])
    with pytest.raises(ValueError, match="unknown action 'fold'"):
        openspiel.to_tabular_dict(kuhn, [{"J": {"fold": 1.0}}, {}])
    with pytest.raises(ValueError, match="one strategy per player"):
        openspiel.to_tabular_dict(kuhn, [{}])


def test_import_eqlab_is_enough():
    # In a fresh interpreter: here the import above has already made eqlab.openspiel.
    code = "import eqlab; print(eqlab.openspiel.from_tabular_policy.__name__)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "from_tabular_policy"

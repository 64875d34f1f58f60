"""Bad input from Python: every malformed game, keyword or request raises a Python exception
with the command line's message, and none crashes the interpreter."""
import copy
import json
import os

import pytest

import eqlab

SOURCE_DIR = os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
POKER = os.path.join(SOURCE_DIR, "tests", "data", "gambit", "doc", "poker.efg")
PENNIES = os.path.join(SOURCE_DIR, "examples", "games", "matching-pennies.json")

# Values that break a member of almost any type.
BAD_VALUES = [None, [], {}, "", "x", -1, 0, 1.5, True, [None], {"x": 1}, 10**30, float("nan")]


def mutations(document, path=(), depth=3):
    """Every copy of `document` with one member, down to `depth` levels, replaced by a bad
    value or removed."""
    if depth == 0:
        return
    items = document.items() if isinstance(document, dict) else enumerate(document)
    for key, value in list(items)[:6]:
        for bad in BAD_VALUES:
            changed = copy.deepcopy(document)
            changed[key] = bad
            yield path + (key,), changed
        if isinstance(document, dict):
            removed = copy.deepcopy(document)
            del removed[key]
            yield path + (key,), removed
        if isinstance(value, (dict, list)) and value:
            for inner_path, inner in mutations(value, path + (key,), depth - 1):
                changed = copy.deepcopy(document)
                changed[key] = inner
                yield inner_path, changed


@pytest.mark.parametrize("spec", ["kuhn", PENNIES, "markov-random(players=2,states=2,actions=2,horizon=2,seed=1)",
                                  os.path.join(SOURCE_DIR, "examples", "security", "network.graphml")],
                         ids=["extensive", "normal", "markov", "graph"])
def test_broken_game_dicts_raise_and_never_crash(spec):
    document = eqlab.load(spec).to_dict()
    tried = 0
    for path, broken in mutations(document):
        tried += 1
        try:
            eqlab.load(broken)
        except (ValueError, TypeError):
            pass
    assert tried > 100


def test_gambit_files_load_and_bad_files_name_themselves(tmp_path):
    poker = eqlab.load(POKER)
    assert poker.players == ["Alice", "Bob"]
    solver = eqlab.Solver(poker, "cfr+")
    solver.step(500)
    assert solver.metrics()["exploitability"] < 1e-2
    broken = tmp_path / "broken.efg"
    broken.write_text('EFG 2 R "x" { "A" "B" }\n t "" 1 "o" { 1 2 \n')
    with pytest.raises(ValueError, match="broken.efg"):
        eqlab.load(str(broken))
    with pytest.raises(ValueError, match="no-such-file.json"):
        eqlab.load(str(tmp_path / "no-such-file.json"))
    with pytest.raises(ValueError, match="kuhnn"):
        eqlab.load("kuhnn")
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"]})[:-3])
    with pytest.raises(ValueError, match="typo.json"):
        eqlab.load(typo)


def test_wrong_arguments_raise_type_or_value_errors():
    kuhn = eqlab.load("kuhn")
    with pytest.raises(TypeError):
        eqlab.load(42)
    with pytest.raises(TypeError):
        eqlab.Solver("kuhn", "cfr+")
    with pytest.raises(TypeError, match="eqlab.MarkovSolver"):
        eqlab.Solver(eqlab.load("markov-random(players=2)"), "cce-v")
    with pytest.raises(TypeError, match="eqlab.decoys.place"):
        eqlab.Solver(eqlab.load("gridworld(rows=5,cols=5)"), "cfr+", seed=1)
    with pytest.raises(ValueError, match="unknown solver"):
        eqlab.Solver(kuhn, "cfr++")
    with pytest.raises(ValueError, match='feedback must be "full" or "bandit"'):
        eqlab.Solver(kuhn, "cfr+", feedback="partial")
    with pytest.raises(ValueError, match="step takes"):
        eqlab.Solver(kuhn, "cfr+").step(-5)
    with pytest.raises(ValueError):
        eqlab.evaluate(kuhn, [{"J": {"bet": 2.0}}])
    with pytest.raises(ValueError):
        eqlab.evaluate(kuhn, [[0.5] * 3])
    with pytest.raises(ValueError, match="iterations or episodes"):
        eqlab.solve(kuhn, "cfr+", iterations=10, episodes=10)

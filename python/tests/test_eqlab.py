"""The Python package against known values and against the command line, number for number."""
import json
import os
import re
import subprocess
import tempfile

import pytest

import eqlab

BINARY_DIR = os.environ.get("EQLAB_BINARY_DIR", "")
SOURCE_DIR = os.environ.get("EQLAB_SOURCE_DIR", "")
EQLAB_CLI = os.path.join(BINARY_DIR, "bin", "eqlab")
MATCHING_PENNIES = os.path.join(SOURCE_DIR, "examples", "games", "matching-pennies.json")


def test_load_kuhn_sizes():
    game = eqlab.load("kuhn")
    assert game.kind == "extensive"
    assert game.num_players == 2
    assert game.infosets == [6, 6]
    assert game.sequences == [13, 13]
    assert game.terminals == 30
    assert game.is_zero_sum


def test_openspiel_names_and_dicts_load_the_same_game():
    leduc = eqlab.load("leduc_poker")
    assert sum(leduc.infosets) == 936
    assert leduc.terminals == 5520
    pennies = eqlab.load(MATCHING_PENNIES)
    again = eqlab.load(pennies.to_dict())
    assert again.kind == "normal"
    assert again.to_dict() == pennies.to_dict()


def test_cfr_plus_reaches_kuhn_value():
    solver = eqlab.Solver(eqlab.load("kuhn"), "cfr+")
    solver.step(2000)
    assert solver.iteration == 2000
    metrics = solver.metrics()
    assert metrics["values"][0] == pytest.approx(-1 / 18, abs=1e-3)
    assert metrics["exploitability"] < 1e-3
    x = solver.sequence_form()
    assert len(x) == 2 and x[0][0] == 1.0
    strategies = solver.strategies()
    assert sum(strategies[0]["J"].values()) == pytest.approx(1.0)


def test_the_played_rounds_average_to_the_measured_mixture():
    game = eqlab.load("kuhn(players=3)")
    solver = eqlab.Solver(game, "efce-omd")
    assert solver.played() is None
    rounds = []
    for _ in range(20):
        solver.step(1)
        rounds.append([x.copy() for x in solver.played()])
    mixture = eqlab.evaluate_distribution(game, rounds)
    assert mixture["efce_gap"] == pytest.approx(solver.metrics()["efce_gap"], rel=1e-12)
    assert eqlab.Solver(game, "cfr+").played() is None
    # A K-EFCE learner measures its mixture at its own K, as a run does; K = 0 is the NFCCE gap.
    kefr = eqlab.Solver(game, "kefr", k=2)
    kefr.step(30)
    metrics = kefr.metrics()
    assert metrics["k"] == 2 and metrics["kefce_gap"] >= metrics["efce_gap"] - 1e-12
    at_zero = eqlab.evaluate_distribution(game, rounds, k=0)
    assert at_zero["kefce_gap"] == pytest.approx(at_zero["nfcce_gap"], abs=1e-12)


def test_efce_omd_measures_its_mixture():
    solver = eqlab.Solver(eqlab.load("kuhn(players=3)"), "efce-omd")
    solver.step(200)
    first = solver.metrics()["efce_gap"]
    solver.step(1800)
    assert solver.concept == "efce"
    assert solver.metrics()["efce_gap"] < first


def test_bad_keyword_and_value_name_the_valid_ones():
    game = eqlab.load("kuhn")
    with pytest.raises(ValueError, match=r"unknown parameter regret \(regret_matching, updates, averaging\)"):
        eqlab.Solver(game, "cfr+", regret="rm")
    with pytest.raises(ValueError, match="averaging must be one of uniform, linear, quadratic, not cubic"):
        eqlab.Solver(game, "cfr+", averaging="cubic")
    with pytest.raises(ValueError, match=re.escape("unknown solver 'cfr++' (did you mean cfr+?): choose one of cfr, cfr+, rm")):
        eqlab.Solver(game, "cfr++")


def test_bad_game_dict_names_the_pointer():
    with pytest.raises(ValueError, match=r'<dict>: /: missing member "actions"'):
        eqlab.load({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"]})
    with pytest.raises(ValueError):
        eqlab.load("no-such-game")


def cli_result(args):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "result.json")
        subprocess.run([EQLAB_CLI, "solve", *args, "--seed", "3", "--checkpoints", "4", "--no-progress",
                        "--out", out], check=True, capture_output=True)
        with open(out) as f:
            return json.load(f)


@pytest.mark.skipif(not os.path.exists(EQLAB_CLI), reason="the eqlab command line is not built")
@pytest.mark.parametrize("players", [2, 3])
@pytest.mark.parametrize("entry", [s for s in eqlab.solvers() if s["game"] == "extensive"],
                         ids=lambda s: s["feedback"] + "-" + s["name"])
def test_solve_equals_the_command_line(entry, players):
    name, feedback = entry["name"], entry["feedback"]
    spec = MATCHING_PENNIES if name == "rm" else f"kuhn(players={players})"
    length = ["--episodes", "300"] if feedback == "bandit" else ["--iterations", "40"]
    extra = ["--feedback", "bandit"] if feedback == "bandit" else []
    expected = cli_result([spec, "--solver", name, *extra, *length])
    game = eqlab.load(spec)
    result = eqlab.solve(game, name, iterations=int(length[1]), checkpoints=4, seed=3, feedback=feedback)
    assert result == expected


def test_ctrl_c_stops_a_long_step_and_the_solver_stays_usable():
    import signal
    import threading

    solver = eqlab.Solver(eqlab.load("leduc"), "efce-omd")
    threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        solver.step(10**12)  # hours of work: only the interrupt ends it
    reached = solver.iteration
    assert reached > 0
    solver.step(2)
    assert solver.iteration == reached + 2
    assert solver.metrics()["efce_gap"] >= 0


def test_evaluate_by_labels_and_arrays_agrees_with_the_solver():
    game = eqlab.load("kuhn")
    solver = eqlab.Solver(game, "cfr+")
    solver.step(300)
    expected = solver.metrics()
    by_labels = eqlab.evaluate(game, solver.strategies())
    by_arrays = eqlab.evaluate(game, solver.sequence_form())
    assert by_arrays["exploitability"] == expected["exploitability"]
    assert by_labels["exploitability"] == pytest.approx(expected["exploitability"], abs=1e-12)
    # Kuhn's value for the first player is -1/18 at every equilibrium.
    assert by_arrays["values"][0] == pytest.approx(-1 / 18, abs=2e-3)


def test_evaluate_distribution_of_matching_pennies():
    game = eqlab.load(MATCHING_PENNIES)
    pennies = game.to_dict()
    heads, tails = pennies["actions"][0]
    pure = lambda a, b: [{heads: float(a == heads), tails: float(a == tails)},
                         {heads: float(b == heads), tails: float(b == tails)}]
    # The four pure profiles, equally weighted: the uniform distribution, an equilibrium.
    profiles = [pure(a, b) for a in (heads, tails) for b in (heads, tails)]
    uniform = eqlab.evaluate_distribution(game, profiles)
    assert uniform["nfcce_gap"] == pytest.approx(0.0, abs=1e-15)
    assert uniform["values"] == pytest.approx([0.0, 0.0], abs=1e-15)
    # All weight on one pure profile: the loser gains 2 by switching (payoffs are +-1).
    single = eqlab.evaluate_distribution(game, profiles, weights=[1.0, 1e-300, 1e-300, 1e-300])
    assert single["nfcce_gap"] == pytest.approx(2.0)
    with pytest.raises(ValueError, match="one weight per profile"):
        eqlab.evaluate_distribution(game, profiles, weights=[1.0])


def test_the_curve_of_a_run_as_a_structured_array():
    result = eqlab.solve(eqlab.load("kuhn"), "cfr+", iterations=1000, checkpoints=6)
    curve = eqlab.curve_array(result)
    assert curve.dtype.names[:3] == ("iteration", "nash_conv", "exploitability")
    assert curve["iteration"][-1] == 1000
    assert curve["exploitability"][-1] == result["metrics"]["exploitability"]
    assert curve["exploitability"][-1] < curve["exploitability"][0]


def without_wall_times(value):
    """The document without its wall-clock members, the only ones that differ between runs."""
    if isinstance(value, dict):
        return {k: without_wall_times(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [without_wall_times(v) for v in value]
    return value


@pytest.mark.skipif(not os.path.exists(EQLAB_CLI), reason="the eqlab command line is not built")
@pytest.mark.parametrize("entry", [s for s in eqlab.solvers() if s["game"] == "markov"], ids=lambda s: s["name"])
def test_every_markov_learner_equals_the_command_line(entry):
    spec = "markov-random(players=2,states=2,actions=2,horizon=2,seed=4)"
    result = eqlab.solve(spec, entry["name"], episodes=1500, checkpoints=3, seed=5, progress=False)
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "result.json")
        subprocess.run([EQLAB_CLI, "solve", spec, "--solver", entry["name"], "--episodes", "1500", "--checkpoints",
                        "3", "--seed", "5", "--no-progress", "--out", out], check=True, capture_output=True)
        with open(out) as f:
            assert without_wall_times(result) == without_wall_times(json.load(f))


def test_a_markov_game_as_a_dict_is_the_same_game():
    game = eqlab.load("markov-random(players=2,states=2,actions=2,horizon=2,seed=1)")
    document = game.to_dict()
    assert document["type"] == "markov" and len(document["transitions"]) == 2 * 2 * 4
    table = eqlab.load(document)
    # The table holds the generator's numbers to the last bits a rescaling can change; as a
    # table it then writes and reads back exactly.
    again = table.to_dict()
    for written, read in zip(document["transitions"], again["transitions"]):
        assert written["rewards"] == pytest.approx(read["rewards"], rel=1e-14)
        assert written["next"] == pytest.approx(read["next"], rel=1e-14)
    assert eqlab.load(again).to_dict() == again
    assert (table.num_players, table.horizon, table.num_states, table.actions) == (2, 2, 2, [2, 2])
    by_generator = eqlab.solve(game, "nash-vi", episodes=500, checkpoints=2, progress=False)["metrics"]["gap"]
    by_table = eqlab.solve(table, "nash-vi", episodes=500, checkpoints=2, progress=False)["metrics"]["gap"]
    assert by_table == pytest.approx(by_generator, rel=1e-9)


def test_markov_games_load_and_solve_like_the_command_line():
    spec = "markov-random(players=2,states=3,actions=2,horizon=2,seed=1)"
    game = eqlab.load(spec)
    assert isinstance(game, eqlab.MarkovGame)
    assert (game.num_players, game.horizon, game.num_states, game.actions) == (2, 2, 3, [2, 2])
    result = eqlab.solve(game, "cce-v", episodes=2000, checkpoints=4, seed=3)
    assert result["concept"] == "cce"
    assert result["metrics"]["gap"] < result["curve"][0]["gap"]
    if os.path.exists(EQLAB_CLI):
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "result.json")
            subprocess.run([EQLAB_CLI, "solve", spec, "--solver", "cce-v", "--episodes", "2000", "--checkpoints",
                            "4", "--seed", "3", "--no-progress", "--out", out], check=True, capture_output=True)
            with open(out) as f:
                assert without_wall_times(result) == without_wall_times(json.load(f))
    with pytest.raises(ValueError, match="is not a Markov-game solver"):
        eqlab.solve(game, "cfr+", episodes=10)
    with pytest.raises(ValueError, match="graph game"):
        eqlab.decoys.place("kuhn")


def test_every_public_name_has_a_docstring_and_every_compiled_one_a_stub():
    import ast
    import inspect

    for name in eqlab.__all__:
        value = getattr(eqlab, name)
        assert (value.__doc__ or "").strip(), name
        if inspect.isclass(value):
            for member, attribute in vars(value).items():
                if not member.startswith("_"):
                    assert (getattr(attribute, "__doc__", "") or "").strip(), f"{name}.{member}"
    stubs = os.path.join(os.path.dirname(eqlab.__file__), "_eqlab.pyi")
    with open(stubs) as f:
        tree = ast.parse(f.read())
    stubbed = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    compiled = {name for name in dir(eqlab._eqlab) if not name.startswith("__")}
    assert compiled <= stubbed, compiled - stubbed

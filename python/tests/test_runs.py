"""Runs from Python: experiments with the command line's files, progress reports, Ctrl-C in
long runs, and Markov learners stepped episode by episode."""
import filecmp
import json
import os
import signal
import subprocess
import tempfile
import threading

import pytest

import eqlab

BINARY_DIR = os.environ.get("EQLAB_BINARY_DIR", "")
EQLAB_CLI = os.path.join(BINARY_DIR, "bin", "eqlab")
needs_cli = pytest.mark.skipif(not os.path.exists(EQLAB_CLI), reason="the eqlab command line is not built")

GRID = {"name": "tiny-grid", "games": ["kuhn", {"game": "kuhn(players=3)", "label": "kuhn3"}],
        "algorithms": [{"solver": "efce-omd"}, {"solver": "ixomd", "feedback": "bandit", "label": "ix"}],
        "seeds": 2, "iterations": 200, "checkpoints": 5, "metric": "efce_gap"}
MARKOV_GRID = {"type": "markov", "name": "tiny-markov",
               "games": [{"game": "markov-random(players=2,states=2,actions=2,horizon=2,seed=1)", "label": "m2",
                          "x": 2},
                         {"game": "markov-random(players=3,states=2,actions=2,horizon=2,seed=1)", "label": "m3",
                          "x": 3}],
               "algorithms": [{"solver": "cce-v"}], "seeds": 2, "episodes": 3000, "checkpoints": 5,
               "epsilon": 0.5}
MARKOV_GAME = "markov-random(players=2,states=3,actions=2,horizon=2,seed=1)"


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder)
                  for root, _, names in os.walk(folder) for name in names)


@needs_cli
@pytest.mark.parametrize("config", [GRID, MARKOV_GRID], ids=["extensive", "markov"])
def test_an_experiment_writes_the_command_lines_files(config):
    with tempfile.TemporaryDirectory() as folder:
        config_file = os.path.join(folder, "config.json")
        with open(config_file, "w") as f:
            json.dump(config, f)
        by_cli = os.path.join(folder, "cli")
        subprocess.run([EQLAB_CLI, "experiment", config_file, "--out", by_cli, "--no-plots", "--no-progress"],
                       check=True, capture_output=True)
        by_python = os.path.join(folder, "python")
        report = eqlab.experiment(config, by_python, plots=False, threads=2)
        assert report["runs"] == 8 if config is GRID else 4
        names = files_under(by_cli)
        assert names == files_under(by_python)
        _, differ, errors = filecmp.cmpfiles(by_cli, by_python, names, shallow=False)
        assert not errors
        # Only the records of wall-clock time and memory may differ.
        for name in differ:
            assert strip_times(os.path.join(by_cli, name)) == strip_times(os.path.join(by_python, name)), name


def strip_times(path):
    """The file without its wall-clock seconds and memory: CSV columns, JSON members."""
    with open(path) as f:
        if path.endswith(".json"):
            return without_seconds(json.load(f), also="memory")
        rows = [line.split(",") for line in f.read().splitlines()]
    keep = [i for i, column in enumerate(rows[0]) if column not in ("seconds", "memory_mb")]
    return [[row[i] for i in keep] for row in rows]


def test_experiment_reports_progress_and_rates():
    calls = []
    with tempfile.TemporaryDirectory() as folder:
        report = eqlab._eqlab._experiment(GRID, folder, plots=False, progress=lambda done, total: calls.append(
            (done, total)))
    assert sorted(calls) == [(k, 8) for k in range(1, 9)]
    assert {(r["game"], r["label"]) for r in report["rates"]} == {
        ("kuhn", "efce-omd"), ("kuhn", "ix"), ("kuhn3", "efce-omd"), ("kuhn3", "ix")}


def test_bad_experiment_configs_name_the_member():
    with tempfile.TemporaryDirectory() as folder:
        with pytest.raises(ValueError, match="<dict>: /algorithms/0"):
            eqlab.experiment(dict(GRID, algorithms=[{"solver": "no-such-solver"}]), folder, plots=False)
        with pytest.raises(ValueError, match="<dict>: /seedz|seedz"):
            eqlab.experiment(dict(GRID, seedz=2), folder, plots=False)


def test_solve_reports_progress_and_ends_at_the_total():
    calls = []
    result = eqlab._eqlab._solve(eqlab.load("kuhn"), "cfr+", 3000, 4, 0, "full",
                                 lambda done, total: calls.append((done, total)))
    assert calls[-1] == (3000, 3000)
    assert all(0 < done <= total == 3000 for done, total in calls)
    # Reporting changes nothing but the wall-clock times.
    quiet = eqlab.solve("kuhn", "cfr+", iterations=3000, checkpoints=4, progress=False)
    assert without_seconds(result) == without_seconds(quiet)


def without_seconds(document, also="seconds"):
    if isinstance(document, dict):
        return {k: without_seconds(v, also) for k, v in document.items() if "seconds" not in k and also not in k}
    if isinstance(document, list):
        return [without_seconds(v, also) for v in document]
    return document


def test_ctrl_c_stops_a_long_solve():
    threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        eqlab.solve("leduc", "efce-omd", iterations=10**9, progress=False)  # hours: only Ctrl-C ends it
    assert eqlab.solve("kuhn", "cfr+", iterations=10)["iterations"] == 10


def test_a_markov_solver_steps_and_measures_like_the_run():
    game = eqlab.load(MARKOV_GAME)
    solver = eqlab.MarkovSolver(game, "cce-v", seed=3, episodes=2000)
    assert solver.step(2000) is True
    assert solver.episodes == 2000
    metrics = solver.metrics()
    result = eqlab.solve(game, "cce-v", episodes=2000, checkpoints=4, seed=3)
    assert metrics == {name: value for name, value in result["metrics"].items() if name != "memory_mb"}
    assert metrics["gap"] == metrics["certified"]["cce_gap_upper"] < 0.5
    policy = solver.policy()
    assert policy["format"] == "eqlab-markov-policy/1"
    with pytest.raises(ValueError, match="step takes"):
        solver.step(-1)
    with pytest.raises(ValueError, match="bonus_scale"):
        eqlab.MarkovSolver(game, "cce-v", bonus_scal=1)


def test_a_markov_policy_written_as_a_play_file_evaluates_to_the_solvers_gaps(tmp_path):
    game = eqlab.load(MARKOV_GAME)
    solver = eqlab.MarkovSolver(game, "ce-v", seed=2, episodes=1500)
    solver.step(1500)
    certified = solver.metrics()["certified"]
    solver.write_policy(str(tmp_path / "p.eqplay"))
    solver.write_policy(str(tmp_path / "p.json"))
    assert (tmp_path / "p.json").stat().st_size > 20 * (tmp_path / "p.eqplay").stat().st_size
    from_play = game.evaluate_policy(str(tmp_path / "p.eqplay"))
    assert from_play["replay_matches_run"] is True
    assert from_play["cce_gap_upper"] == certified["cce_gap_upper"]
    assert from_play["values"] == certified["value"]
    from_json = game.evaluate_policy(str(tmp_path / "p.json"))
    assert {k: v for k, v in from_play.items() if k != "replay_matches_run"} == from_json
    exp3 = eqlab.MarkovSolver(game, "exp3-ix", seed=2, episodes=10)
    exp3.step(10)
    with pytest.raises(ValueError, match="a play file"):
        exp3.write_policy(str(tmp_path / "x.eqplay"))
    assert not (tmp_path / "x.eqplay").exists()
    (tmp_path / "cut.eqplay").write_bytes((tmp_path / "p.eqplay").read_bytes()[:-3])
    with pytest.raises(ValueError, match="truncated"):
        game.evaluate_policy(str(tmp_path / "cut.eqplay"))


def test_exp3_ix_reports_its_episode_mixture_like_the_run():
    game = eqlab.load(MARKOV_GAME)
    solver = eqlab.MarkovSolver(game, "exp3-ix", seed=1, episodes=500)
    solver.step(500)
    mixture = solver.metrics()["mixture"]
    assert mixture == eqlab.solve(game, "exp3-ix", episodes=500, checkpoints=2, seed=1)["metrics"]["mixture"]
    assert mixture["episodes"] == 500
    assert mixture["cce_gap_lower"] - 1e-12 <= mixture["cce_gap"] <= mixture["cce_gap_upper"] + 1e-12

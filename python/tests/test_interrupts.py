"""Outputs never lie: 100 runs of `eqlab solve` (with a mixture file), Markov `solve` (with a
JSON or play-file policy), `experiment` and Markov `experiment` are stopped at random moments, mostly by SIGINT (Ctrl-C), some by SIGKILL.
Whatever each leaves under its files' names must be whole: a result that parses, says
"interrupted" exactly when the run exited 130, and matches its curve, its mixture file
and its policy file line for line; an experiment's run files hold every checkpoint, and
--resume then finishes the grid with the summary of a run never stopped. Files being
written live under ".partial" names, which only a SIGKILL may leave behind."""
import csv
import json
import os
import random
import signal
import subprocess
import tempfile
import time

import pytest

SOURCE_DIR = os.path.abspath(os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY_DIR = os.path.abspath(os.environ.get("EQLAB_BINARY_DIR", os.path.join(SOURCE_DIR, "build")))
EQLAB = os.path.join(BINARY_DIR, "bin", "eqlab")

EXPERIMENT = {
    "name": "kills",
    "games": [{"game": "kuhn", "label": "kuhn"}, {"game": "leduc", "label": "leduc"}],
    "algorithms": [{"solver": "cfr+", "label": "cfr+"}, {"solver": "efce-omd", "label": "efce-omd"}],
    "seeds": 2,
    "iterations": 400,
    "checkpoints": 6,
}

MARKOV_EXPERIMENT = {
    "type": "markov",
    "name": "markov-kills",
    "games": [{"game": "markov-polymatrix(players=3,states=2,actions=2,horizon=2)", "label": "m3", "x": 3},
              {"game": "markov-polymatrix(players=4,states=2,actions=2,horizon=2)", "label": "m4", "x": 4}],
    "x_label": "players",
    "algorithms": [{"solver": "cce-v"}, {"solver": "exp3-ix"}],
    "seeds": 2,
    "episodes": 200000,
    "checkpoints": 5,
    "epsilon": [0.3],
}


def stop_at_random(args, cwd, rng, kill_share=0.2, longest=0.8):
    """Starts eqlab, waits a random moment, sends SIGINT (or SIGKILL), returns the exit code
    (negative for a signal that ended it) and the signal sent."""
    process = subprocess.Popen([EQLAB] + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0.0, longest))
    sent = signal.SIGKILL if rng.random() < kill_share else signal.SIGINT
    if process.poll() is None:
        process.send_signal(sent)
    _, err = process.communicate(timeout=120)
    return process.returncode, sent, err.decode()


def leftovers(folder):
    return [os.path.join(root, f) for root, _, files in os.walk(folder) for f in files if f.endswith(".partial")]


def check_partial_files(folder, code, sent):
    # Only a process killed outright may leave a file under its .partial name.
    if code == -signal.SIGKILL:
        assert sent == signal.SIGKILL
    else:
        assert leftovers(folder) == []


def check_result_and_curve(folder, code, sent):
    result_path, curve_path = os.path.join(folder, "r.json"), os.path.join(folder, "c.csv")
    if code not in (0, 130):
        # Killed before the outputs were written: none of them is there.
        assert code in (-signal.SIGINT, -signal.SIGKILL), code
        assert not os.path.exists(result_path)
        return None
    result = json.load(open(result_path))
    assert result.get("interrupted", False) == (code == 130)
    with open(curve_path) as f:
        rows = list(csv.reader(f))
    width = len(rows[0])
    assert all(len(row) == width for row in rows)
    assert int(rows[-1][0]) == result["iterations"] == result["curve"][-1]["iteration"]
    return result


def write_config_and_run_it_clean(work, name, config):
    """Writes an experiment config into `work` and runs it to `work/clean`, never stopped;
    returns the config's path."""
    path = os.path.join(work, name)
    with open(path, "w") as f:
        json.dump(config, f)
    clean = subprocess.run([EQLAB, "experiment", path, "--out", "clean", "--no-plots", "--no-progress"],
                           cwd=work, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    return path


@pytest.fixture(scope="module")
def rng():
    return random.Random(20261207)


def test_solve_stopped_at_random_leaves_only_whole_files(rng):
    codes = []
    for _ in range(40):
        with tempfile.TemporaryDirectory() as work:
            code, sent, err = stop_at_random(
                ["solve", "kuhn", "--solver", "efce-omd", "--iterations", "300000", "--checkpoints", "40",
                 "--out", "r.json", "--curve", "c.csv", "--distribution", "d.jsonl", "--no-progress"],
                work, rng)
            codes.append(code)
            check_partial_files(work, code, sent)
            result = check_result_and_curve(work, code, sent)
            mixture = os.path.join(work, "d.jsonl")
            if result is None:
                assert not os.path.exists(mixture)
                continue
            with open(mixture) as f:
                lines = f.read().split("\n")
            assert lines[-1] == ""  # the last line is whole
            assert len(lines) - 1 == result["iterations"]
            json.loads(lines[-2])
            if code == 130:
                # eval agrees with the interrupted result, from the mixture alone.
                agree = subprocess.run([EQLAB, "eval", "kuhn", "r.json", "--distribution", "d.jsonl"], cwd=work,
                                       capture_output=True, text=True)
                assert agree.returncode == 0, agree.stdout + agree.stderr
    # The random moments cover both outcomes: runs stopped by Ctrl-C, and runs killed.
    assert codes.count(130) >= 10, codes
    assert codes.count(-signal.SIGKILL) >= 2, codes


def test_markov_solve_stopped_at_random_leaves_only_whole_files(rng):
    game = "markov-random(players=3,states=3,actions=2,horizon=3)"
    for attempt in range(20):
        policy_name = "p.eqplay" if attempt % 2 else "p.json"
        with tempfile.TemporaryDirectory() as work:
            code, sent, err = stop_at_random(
                ["solve", game, "--solver", "cce-v", "--episodes", "5000000", "--out", "r.json", "--curve", "c.csv",
                 "--policy", policy_name, "--no-progress"],
                work, rng)
            check_partial_files(work, code, sent)
            result = check_result_and_curve(work, code, sent)
            if result is None:
                continue
            if policy_name == "p.json":
                assert json.load(open(os.path.join(work, "p.json")))["format"] == "eqlab-markov-policy/1"
                continue
            # The play file replays to the certified policy the result measured.
            with open(os.path.join(work, "p.eqplay"), "rb") as f:
                header = json.loads(f.readline())
            assert header["episodes"] == result["iterations"]
            evaluated = subprocess.run([EQLAB, "eval", game, "p.eqplay", "--json"], cwd=work, capture_output=True,
                                       text=True)
            assert evaluated.returncode == 0, evaluated.stderr
            measured = json.loads(evaluated.stdout)
            assert measured["replay_matches_run"] is True
            assert measured["cce_gap_upper"] == result["metrics"]["certified"]["cce_gap_upper"]


def test_markov_experiment_stopped_at_random_keeps_whole_runs_and_resumes_to_the_same_summary(rng):
    with tempfile.TemporaryDirectory() as work:
        config = write_config_and_run_it_clean(work, "markov-kills.json", MARKOV_EXPERIMENT)
        codes = []
        for attempt in range(10):
            out = "stopped-%d" % attempt
            code, sent, err = stop_at_random(["experiment", config, "--out", out, "--no-plots", "--no-progress"],
                                             work, rng, longest=1.2)
            codes.append(code)
            folder = os.path.join(work, out)
            check_partial_files(folder, code, sent)
            assert code in (0, 130, -signal.SIGINT, -signal.SIGKILL), (code, err)
            if code == 130:
                assert "rerun with --resume" in err
                assert not os.path.exists(os.path.join(folder, "summary.csv"))
            for root, _, files in os.walk(os.path.join(folder, "runs")):
                for name in files:
                    if name.endswith(".csv"):
                        with open(os.path.join(root, name)) as f:
                            assert len(f.read().strip().split("\n")) == MARKOV_EXPERIMENT["checkpoints"] + 1
            resumed = subprocess.run([EQLAB, "experiment", config, "--out", out, "--resume", "--no-plots",
                                      "--no-progress"], cwd=work, capture_output=True, text=True)
            assert resumed.returncode == 0, resumed.stderr
            for table in ("summary.csv", "episodes.csv", "fits.csv"):
                with open(os.path.join(folder, table)) as a, open(os.path.join(work, "clean", table)) as b:
                    assert a.read() == b.read(), table
        assert codes.count(130) >= 3, codes


def test_experiment_stopped_at_random_keeps_whole_runs_and_resumes_to_the_same_summary(rng):
    with tempfile.TemporaryDirectory() as work:
        config = write_config_and_run_it_clean(work, "kills.json", EXPERIMENT)
        for attempt in range(30):
            out = "stopped-%d" % attempt
            code, sent, err = stop_at_random(["experiment", config, "--out", out, "--no-plots", "--no-progress"],
                                             work, rng, longest=1.5)
            folder = os.path.join(work, out)
            check_partial_files(folder, code, sent)
            assert code in (0, 130, -signal.SIGINT, -signal.SIGKILL), (code, err)
            if code == 130:
                assert "rerun with --resume" in err
            runs = os.path.join(folder, "runs")
            for root, _, files in os.walk(runs):
                for name in files:
                    if name.endswith(".csv"):
                        with open(os.path.join(root, name)) as f:
                            assert len(f.read().strip().split("\n")) == EXPERIMENT["checkpoints"] + 1
            if attempt % 10 == 0:
                resumed = subprocess.run([EQLAB, "experiment", config, "--out", out, "--resume", "--no-plots",
                                          "--no-progress"], cwd=work, capture_output=True, text=True)
                assert resumed.returncode == 0, resumed.stderr
                with open(os.path.join(folder, "summary.csv")) as a, \
                        open(os.path.join(work, "clean", "summary.csv")) as b:
                    assert a.read() == b.read()

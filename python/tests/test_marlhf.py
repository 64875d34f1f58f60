"""eqlab.marlhf against known numbers and against the command line: preference data sampled,
written, read back and learned from."""
import json
import os
import subprocess

import numpy as np
import pytest

import eqlab
from eqlab import marlhf

SOURCE_DIR = os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY_DIR = os.environ.get("EQLAB_BINARY_DIR", "")
EQLAB_CLI = os.path.join(BINARY_DIR, "bin", "eqlab")
TRAP = os.path.join(SOURCE_DIR, "examples", "marlhf", "coverage-trap.json")
RANDOM = "markov-random(players=2,states=2,actions=2,horizon=3,seed=2)"


def arrays(data):
    return data.states, data.actions, data.labels


def without_seconds(result):
    """The result document less its one wall time."""
    result = json.loads(json.dumps(result))
    del result["metrics"]["seconds"]
    return result


def test_a_seed_gives_the_same_pairs_and_fewer_pairs_are_a_prefix():
    data = marlhf.sample(RANDOM, "uniform", 200, seed=7, progress=False)
    again = marlhf.sample(RANDOM, "uniform", 200, seed=7, progress=False)
    short = marlhf.sample(RANDOM, "uniform", 50, seed=7, progress=False)
    other = marlhf.sample(RANDOM, "uniform", 200, seed=8, progress=False)
    assert (len(data), data.num_pairs, data.behaviour, data.temperature) == (200, 200, "uniform", 1.0)
    assert data.game == eqlab.load(RANDOM).name and data.players == ["p0", "p1"]
    assert data.states.shape == (200, 2, 3) and data.actions.shape == (200, 2, 3, 2) and data.labels.shape == (200, 2)
    assert data.states.dtype == np.int32 and set(np.unique(data.labels)) == {0, 1}
    for full, same, prefix in zip(arrays(data), arrays(again), arrays(short)):
        assert np.array_equal(full, same)
        assert np.array_equal(full[:50], prefix)
    assert not np.array_equal(data.actions, other.actions)


def test_the_sample_is_the_same_for_any_thread_count():
    # Over several of the sampler's chunks of 256 pairs, so that threads do share them.
    one = marlhf.sample(RANDOM, "unilateral", 1000, seed=3, threads=1, progress=False)
    every = marlhf.sample(RANDOM, "unilateral", 1000, seed=3, progress=False)
    for a, b in zip(arrays(one), arrays(every)):
        assert np.array_equal(a, b)


def test_data_from_the_equilibrium_misses_the_deviation_that_unilateral_data_shows():
    # coverage-trap: the equilibrium never leaves, so its data never shows the incumbent's
    # threat outside; the learned incumbent accommodates there, and the entrant would gain
    # 1 - 0.2 by leaving: the learned policy is 0.8 away from a Nash equilibrium.
    on_path = marlhf.sample(TRAP, "equilibrium", 1000, progress=False)
    result = marlhf.solve(TRAP, on_path)
    assert result["format"] == "eqlab-result/1" and result["concept"] == "nash"
    assert result["data"] == {"game": "coverage-trap", "behaviour": "equilibrium", "pairs": 1000, "temperature": 1.0}
    assert result["metrics"]["nash_gap"] == pytest.approx(0.8, abs=1e-9)
    assert result["metrics"]["best_response"][0] == pytest.approx(1.0, abs=1e-9)
    deviations = marlhf.sample(TRAP, "unilateral", 5000, seed=0, progress=False)
    assert marlhf.solve(TRAP, deviations)["metrics"]["nash_gap"] < 1e-9


def test_the_game_files_linear_features_learn_with_three_parameters():
    data = marlhf.sample(TRAP, "uniform", 3000, seed=5, progress=False)
    linear = marlhf.solve(TRAP, data, features="game")
    table = marlhf.solve(TRAP, data)
    assert (linear["learner"]["dimension"], table["learner"]["dimension"]) == (3, 24)
    assert linear["metrics"]["nash_gap"] < 1e-12
    assert max(linear["metrics"]["reward_error"]) < max(table["metrics"]["reward_error"])
    # A built-in game has no file, so no feature map.
    with pytest.raises(ValueError, match="not a file"):
        marlhf.solve(RANDOM, marlhf.sample(RANDOM, "uniform", 10, progress=False), features="game")


def test_a_written_dataset_reads_back_and_learns_the_same(tmp_path):
    path = tmp_path / "data.jsonl"
    data = marlhf.sample(RANDOM, "unilateral", 300, temperature=0.5, seed=3, out=path, progress=False)
    assert sorted(os.listdir(tmp_path)) == ["data.jsonl"]  # no .partial left behind
    back = marlhf.read(path, RANDOM)
    assert (back.game, back.behaviour, back.temperature, len(back)) == (data.game, "unilateral", 0.5, 300)
    for a, b in zip(arrays(data), arrays(back)):
        assert np.array_equal(a, b)
    from_memory = marlhf.solve(RANDOM, data, mse=0.1, imitation=1)
    from_file = marlhf.solve(RANDOM, path, mse=0.1, imitation=1)
    assert without_seconds(from_memory) == without_seconds(from_file)
    assert from_file["solver"]["params"]["mse"] == 0.1 and from_file["solver"]["params"]["imitation"] == 1.0
    assert from_file["data"]["pairs"] == 300


def test_the_output_policy_file_measures_as_the_result_says(tmp_path):
    game = eqlab.load(RANDOM)
    policy = tmp_path / "policy.json"
    result = marlhf.solve(game, marlhf.sample(game, "unilateral", 2000, progress=False), policy=policy)
    measured = game.evaluate_policy(str(policy))
    assert measured["nash_gap"] == pytest.approx(result["metrics"]["nash_gap"], abs=1e-12)
    assert measured["values"] == pytest.approx(result["metrics"]["values"], abs=1e-12)
    # The policy file is itself a behaviour: its data records the file.
    replay = marlhf.sample(game, [policy], 10, progress=False)
    assert replay.behaviour == str(policy)


def test_a_label_for_a_player_the_game_lacks_is_refused_with_its_line(tmp_path):
    path = tmp_path / "data.jsonl"
    marlhf.sample(TRAP, "uniform", 5, out=path, progress=False)
    lines = path.read_text().splitlines()
    pair = json.loads(lines[3])
    pair["labels"]["nobody"] = 1
    lines[3] = json.dumps(pair)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"data\.jsonl: line 4: /labels/nobody: .*\"nobody\""):
        marlhf.read(path, TRAP)
    with pytest.raises(ValueError, match="line 4"):
        marlhf.solve(TRAP, path)


def test_bad_requests_raise_value_errors_with_the_command_lines_words(tmp_path):
    with pytest.raises(ValueError, match="not a Markov game"):
        marlhf.sample("kuhn", "uniform", 10)
    with pytest.raises(ValueError, match="pairs must be between 1"):
        marlhf.sample(TRAP, "uniform", 0)
    with pytest.raises(ValueError, match="temperature must be a positive number"):
        marlhf.sample(TRAP, "uniform", 10, temperature=0.0)
    with pytest.raises(ValueError, match="expected equilibrium, unilateral, uniform or policy files"):
        marlhf.sample(TRAP, "", 10)
    data = marlhf.sample(TRAP, "uniform", 10, progress=False)
    with pytest.raises(ValueError, match="mse must be a number >= 0"):
        marlhf.solve(TRAP, data, mse=-1)
    with pytest.raises(ValueError, match="unknown parameter bogus"):
        marlhf.solve(TRAP, data, bogus=1)
    with pytest.warns(UserWarning, match="sampled from coverage-trap"), \
            pytest.raises(ValueError, match="not of the shape"):
        marlhf.solve("markov-random(players=3,states=2,actions=2,horizon=2)", data)
    with pytest.raises(OSError, match="cannot write"):
        data.write(str(tmp_path / "missing" / "data.jsonl"))


@pytest.mark.skipif(not os.path.exists(EQLAB_CLI), reason="the eqlab command line is not built")
@pytest.mark.parametrize("players", [2, 3])
def test_sample_and_solve_equal_the_command_line(tmp_path, players):
    spec = f"markov-random(players={players},states=2,actions=2,horizon=2,seed=5)"
    by_cli, by_python = tmp_path / "cli.jsonl", tmp_path / "python.jsonl"
    subprocess.run([EQLAB_CLI, "preferences-data", spec, "--behaviour", "unilateral", "--pairs", "700", "--seed",
                    "4", "--temperature", "0.5", "--no-progress", "--out", str(by_cli)], check=True,
                   capture_output=True)
    marlhf.sample(spec, "unilateral", 700, temperature=0.5, seed=4, out=by_python, progress=False)
    assert by_python.read_bytes() == by_cli.read_bytes()
    out = tmp_path / "result.json"
    subprocess.run([EQLAB_CLI, "solve", spec, "--solver", "marlhf", "--data", str(by_cli), "--param", "mse=0.1",
                    "--param", "imitation=1", "--out", str(out)], check=True, capture_output=True)
    result = marlhf.solve(spec, by_python, mse=0.1, imitation=1)
    assert without_seconds(result) == without_seconds(json.loads(out.read_text()))
    assert result["concept"] == ("nash" if players == 2 else "cce")

"""The Python examples of examples/python: each script's --quick run writes a whole PNG
and prints the numbers it plots, which agree with eqlab's own; the notebook runs from top
to bottom."""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

import pytest

import eqlab

SOURCE_DIR = os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(SOURCE_DIR, "examples", "python")
NETWORK = os.path.join(SOURCE_DIR, "examples", "security", "network.graphml")
SHAPLEY = os.path.join(SOURCE_DIR, "examples", "games", "shapley-asymmetric.json")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def installed(module):
    return importlib.util.find_spec(module) is not None


needs_matplotlib = pytest.mark.skipif(not installed("matplotlib"),
                                      reason="matplotlib is not installed (Debian: python3-matplotlib)")
needs_networkx = pytest.mark.skipif(not installed("networkx"),
                                    reason="networkx is not installed (Debian: python3-networkx)")


def environment():
    """This environment, with the eqlab these tests import first on PYTHONPATH."""
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(eqlab.__file__)))
    paths = [package_root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), PYTHONDONTWRITEBYTECODE="1")


def run_quick(script):
    """Runs `script --quick` in an empty folder; checks that it wrote one whole PNG and
    left nothing else there, and returns what it printed."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "figure.png")
        done = subprocess.run([sys.executable, os.path.join(EXAMPLES, script), "--quick", "--out", out],
                              cwd=folder, env=environment(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert os.listdir(folder) == ["figure.png"]  # the temporary name is gone
        with open(out, "rb") as f:
            assert f.read(8) == PNG_SIGNATURE
        assert os.path.getsize(out) > 10000
    assert done.stdout.splitlines()[-1] == f"wrote {out}"
    return done.stdout


@needs_matplotlib
def test_efce_vs_nfcce_prints_the_gaps_it_plots():
    printed = run_quick("efce_vs_nfcce.py")
    gaps = {solver: (float(efce), float(nfcce)) for solver, efce, nfcce in
            re.findall(r"^(\S+): after 2000 iterations, EFCE gap (\S+), NFCCE gap (\S+)$", printed, re.M)}
    assert set(gaps) == {"omd", "efce-omd"}
    # Where EFCE is stronger than NFCCE: OMD's mixture keeps its EFCE gap, EFCE-OMD's does not.
    assert gaps["efce-omd"][0] < gaps["omd"][0] / 10
    assert gaps["omd"][1] < gaps["omd"][0] / 10
    metrics = eqlab.solve(SHAPLEY, "omd", iterations=2000, progress=False)["metrics"]
    assert gaps["omd"] == pytest.approx((metrics["efce_gap"], metrics["nfcce_gap"]), rel=1e-5)


@needs_matplotlib
def test_bandit_regret_prints_each_algorithms_gap_and_rate():
    printed = run_quick("bandit_regret.py")
    finals = {label: float(gap) for label, gap in
              re.findall(r"^(\S+): EFCE gap after 20000 episodes (\S+) \[", printed, re.M)}
    with open(os.path.join(SOURCE_DIR, "examples", "experiments", "bandit-efce-kuhn3.json")) as f:
        labels = {algorithm["label"] for algorithm in json.load(f)["algorithms"]}
    assert set(finals) == labels
    assert all(0 < gap < 1 for gap in finals.values())
    assert finals["balanced-efce-omd"] < finals["efce-omd"]
    rates = re.findall(r"^kuhn3 (\S+): regret ~ T\^(\S+) ", printed, re.M)
    assert {label for label, _ in rates} == labels


@needs_matplotlib
@needs_networkx
def test_decoys_networkx_prints_the_value_of_deception():
    printed = run_quick("decoys_networkx.py")
    value = float(re.search(r"^value of deception (\S+)$", printed, re.M).group(1))
    assert value == pytest.approx(eqlab.decoys.place(NETWORK)["value"], abs=1e-6)
    assert value == pytest.approx(0.882353, abs=1e-6)
    assert "fake at fs_user" in printed and "trap at backup_user" in printed


def test_the_notebook_runs_from_top_to_bottom():
    missing = [m for m in ("nbconvert", "ipykernel", "matplotlib", "networkx") if not installed(m)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: python3-nbconvert python3-ipykernel "
                    "python3-matplotlib python3-networkx)")
    notebook = os.path.join(EXAMPLES, "eqlab-tour.ipynb")
    with open(notebook) as f:
        committed = json.load(f)
    # The committed notebook carries no outputs: they would go stale and bloat the diff.
    assert all(not cell.get("outputs") and cell.get("execution_count") is None
               for cell in committed["cells"] if cell["cell_type"] == "code")
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                               "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=120",
                               "--output-dir", folder, "--output", "tour", notebook],
                              env=environment(), capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr[-3000:]
        with open(os.path.join(folder, "tour.ipynb")) as f:
            ran = json.load(f)
    outputs = [output for cell in ran["cells"] if cell["cell_type"] == "code" for output in cell["outputs"]]
    assert not [output for output in outputs if output["output_type"] == "error"]
    text = "".join("".join(output.get("text", "")) for output in outputs)
    assert "value of deception 0.882353" in text
    assert "efce-omd: EFCE gap" in text and "balanced-efce-omd: regret ~ T^" in text
    assert sum("image/png" in output.get("data", {}) for output in outputs) == 3

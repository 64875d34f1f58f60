"""Every command of the README's shell blocks runs as written, shortened where it is long,
so that the README cannot rot: each exits 0 and writes the files it names. The commands of
one block run in order in one scratch folder (a block may read what an earlier line
wrote). The synopsis of the command line (lines with [optional] parts or UPPERCASE
placeholders) is not run; nor are the two set-up scripts (they are what runs this test)
and the pip install (four minutes of compiling, done by hand before a release). Any other
command added to the README is run by this test without a change to it."""
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import pytest

SOURCE_DIR = os.path.abspath(os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY_DIR = os.path.abspath(os.environ.get("EQLAB_BINARY_DIR", os.path.join(SOURCE_DIR, "build")))

NOT_RUN = {
    "scripts/demo": "a set-up command: it builds and solves, and CI runs it",
    "scripts/test": "a set-up command: it runs this test",
    "python3 -m venv --system-site-packages ~/eqlab-venv": "the pip install below needs it",
    "~/eqlab-venv/bin/pip install --no-build-isolation .": "four minutes of compiling",
}

# Long runs, shortened: (what the README says, what the test runs).
SHORTENED = [
    ("--episodes 200000", "--episodes 3000"),
    ("bandit_regret.py --threads 2", "bandit_regret.py --quick --threads 2"),
]

# The options whose value is a file the command writes.
WRITES = ("--out", "--png", "--plot", "--policy", "--curve", "--dot", "--output")


def readme_blocks():
    text = open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8").read()
    blocks = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        commands = []
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if not line or line.startswith("#"):
                continue
            if "[" in line or re.search(r"\b[A-Z][A-Z_]{2,}\b(?![=(])", line.split(" ", 1)[-1]):
                continue  # the synopsis: placeholders and optional parts
            line = " ".join(line.split())
            if line not in NOT_RUN:
                commands.append(line)
        if commands:
            blocks.append(commands)
    return blocks


BLOCKS = readme_blocks()


def test_the_readme_has_commands_to_run():
    ran = [c for block in BLOCKS for c in block]
    assert len(ran) >= 8, ran
    assert any(c.startswith("eqlab decoys") for c in ran)
    assert any(c.startswith("eqlab eval") for c in ran)


@pytest.mark.parametrize("block", BLOCKS, ids=[block[0][:60] for block in BLOCKS])
def test_a_readme_block_runs(block):
    with tempfile.TemporaryDirectory() as work:
        # The README's paths are relative to the repository root: the folders it names are
        # linked into a scratch folder, so that what the commands write lands there.
        os.symlink(os.path.join(SOURCE_DIR, "examples"), os.path.join(work, "examples"))
        os.symlink(BINARY_DIR, os.path.join(work, "build"))
        for command in block:
            run_command(command, work)


def run_command(command, work):
    for said, shorter in SHORTENED:
        command = command.replace(said, shorter)
    words = shlex.split(command)
    if ("--png" in words or "--plot" in words) and not shutil.which("gnuplot"):
        pytest.skip("gnuplot is not installed")
    if words[:2] == ["eqlab", "decoys"] and "--png" in words and not shutil.which("dot"):
        pytest.skip("GraphViz's dot is not installed")
    if "examples/python/" in command:
        for module in ("matplotlib", "networkx") + (("nbconvert",) if "nbconvert" in command else ()):
            if importlib.util.find_spec(module) is None:
                pytest.skip(module + " is not installed")
    env = dict(os.environ)
    # eqlab from this build; python3 the interpreter running the tests.
    env["PATH"] = os.pathsep.join([os.path.join(BINARY_DIR, "bin"), os.path.dirname(sys.executable),
                                   env.get("PATH", "")])
    env["PYTHONPATH"] = os.path.join(BINARY_DIR, "python")
    env["MPLBACKEND"] = "Agg"
    result = subprocess.run(["/bin/sh", "-c", command], cwd=work, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
    for i, word in enumerate(words[:-1]):
        if word in WRITES:
            written = os.path.join(work, os.path.expanduser(words[i + 1]))
            assert os.path.isfile(written) and os.path.getsize(written) > 0, (command, words[i + 1])

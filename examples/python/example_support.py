"""What the example scripts share: their optional packages, each refused with one line that
names its Debian package, and figures written whole."""
import importlib
import os
import sys


def require(module, debian_package):
    """The module, or an exit with the package to install instead of a traceback."""
    try:
        return importlib.import_module(module)
    except ImportError:
        sys.exit(f"this example needs {module} (Debian: apt-get install {debian_package})")


def pyplot():
    """matplotlib.pyplot drawing to files only (no display needed)."""
    matplotlib = require("matplotlib", "python3-matplotlib")
    matplotlib.use("Agg")
    return importlib.import_module("matplotlib.pyplot")


def eqlab():
    """The eqlab package, or an exit that says how to make it importable."""
    try:
        return importlib.import_module("eqlab")
    except ImportError:
        sys.exit("eqlab is not importable: build it and set PYTHONPATH=build/python")


def save(fig, out):
    """Writes the PNG under a temporary name first, so that `out` is never half written."""
    temporary = f"{out}.{os.getpid()}.tmp"
    try:
        fig.savefig(temporary, format="png", dpi=100)
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    print(f"wrote {out}")

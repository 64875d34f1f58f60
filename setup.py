"""Builds the Python package eqlab with CMake: pip install . (see pyproject.toml).

build_ext configures the project in a temporary folder (Release, the Python module only,
for the running interpreter), builds the target _eqlab and installs the CMake component
`python` into the package: the module and the eqlab shared libraries, side by side with an
RPATH of $ORIGIN, so that the installed package needs no build tree. setuptools adds the
package's .py and .pyi files. CMAKE_ARGS adds options to the configure step; MAX_JOBS or
CMAKE_BUILD_PARALLEL_LEVEL sets the number of compile jobs (default: every core).
"""
import atexit
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build import build
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def cmake_project_version():
    text = (ROOT / "CMakeLists.txt").read_text()
    match = re.search(r"project\(\s*eqlab\s+VERSION\s+([0-9][0-9.]*)", text)
    if not match:
        sys.exit("setup.py: no project(eqlab VERSION ...) in CMakeLists.txt")
    return match.group(1)


def build_jobs():
    for name in ("MAX_JOBS", "CMAKE_BUILD_PARALLEL_LEVEL"):
        value = os.environ.get(name, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return os.cpu_count() or 1


class BuildOutsideTree(build):
    """setuptools' own build folder defaults to build/, the CMake build folder of
    scripts/test: use a temporary one instead (--build-base still chooses another)."""

    def initialize_options(self):
        super().initialize_options()
        self.build_base = tempfile.mkdtemp(prefix="eqlab-setuptools-")
        atexit.register(shutil.rmtree, self.build_base, ignore_errors=True)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        if not isinstance(ext, CMakeExtension):
            return super().build_extension(ext)
        package_dir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        cmake = shutil.which("cmake")
        if cmake is None:
            sys.exit("setup.py: cmake not found (Debian: apt-get install cmake; scripts/setup.sh lists every package)")
        with tempfile.TemporaryDirectory(prefix="eqlab-cmake-") as build_dir:
            configure = [
                cmake, "-S", str(ROOT), "-B", build_dir,
                "-DCMAKE_BUILD_TYPE=Release",
                "-DEQLAB_BUILD_PYTHON=ON",
                "-DEQLAB_BUILD_TESTS=OFF",
                "-DEQLAB_BUILD_BENCH=OFF",
                "-DEQLAB_BUILD_APPS=OFF",
                f"-DPython3_EXECUTABLE={sys.executable}",
                f"-DEQLAB_PYTHON_INSTALL_DIR={package_dir.name}",
            ] + shlex.split(os.environ.get("CMAKE_ARGS", ""))
            self.spawn(configure)
            self.spawn([cmake, "--build", build_dir, "--target", "_eqlab", "-j", str(build_jobs())])
            self.spawn([cmake, "--install", build_dir, "--component", "python", "--prefix", str(package_dir.parent)])


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


setup(
    version=cmake_project_version(),
    packages=["eqlab"],
    package_dir={"": "python"},
    package_data={"eqlab": ["*.pyi"]},
    ext_modules=[CMakeExtension("eqlab._eqlab")],
    cmdclass={"build": BuildOutsideTree, "build_ext": CMakeBuild},
)

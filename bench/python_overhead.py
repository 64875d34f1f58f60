#!/usr/bin/env python3
"""What the Python package costs above the C++ library, on one machine in one go:

  1. 10,000 CFR+ iterations on Leduc: eqlab.Solver(...).step(10000) from Python against
     the same run through the C++ API (eqlab_bench's cfr_plus_run/Leduc/10000);
  2. one step per call: s.step(1) in a Python loop against s.step(n) in one call, on Kuhn
     (a CFR+ step there takes well under a microsecond, so the difference is the call).

Usage (from the repository root, after a Release build in build/):
  PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [--repetitions 5]
It prints a Markdown table for docs/BENCHMARKS.md. The C++ and Python runs alternate, one
of each per repetition, so that a machine that slows down for a while slows both; each
side's fastest run and median are reported (on a shared virtual machine the fastest is
the steadier measure of what the code costs). Both use TBB's default threads (Leduc is too small for a second
thread to matter).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import eqlab

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def python_leduc_run(iterations):
    game = eqlab.load("leduc")
    start = time.perf_counter()
    eqlab.Solver(game, "cfr+").step(iterations)
    return time.perf_counter() - start


def cpp_leduc_run(bench):
    """Seconds of one cfr_plus_run/Leduc/10000 (a single timed run, as on the Python side)."""
    out = subprocess.run([bench, "--benchmark_filter=cfr_plus_run/Leduc/10000", "--benchmark_min_time=0",
                          "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["benchmarks"][0]["real_time"] / 1e3  # reported in milliseconds


def per_step_seconds(game, steps, one_per_call):
    solver = eqlab.Solver(game, "cfr+")
    solver.step(10)  # past the uniform start, as the C++ benchmark
    start = time.perf_counter()
    if one_per_call:
        step = solver.step
        for _ in range(steps):
            step(1)
    else:
        solver.step(steps)
    return (time.perf_counter() - start) / steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--bench", default=os.path.join(ROOT, "build", "bin", "eqlab_bench"))
    args = parser.parse_args()
    if not os.path.exists(args.bench):
        sys.exit(f"{args.bench} not found: build with Google Benchmark (Debian: libbenchmark-dev)")

    cpp_runs, python_runs = [], []
    for _ in range(args.repetitions):
        cpp_runs.append(cpp_leduc_run(args.bench))
        python_runs.append(python_leduc_run(10000))
    cpp_run, python_run = min(cpp_runs), min(python_runs)
    cpp_median, python_median = statistics.median(cpp_runs), statistics.median(python_runs)
    kuhn = eqlab.load("kuhn")
    looped = min(per_step_seconds(kuhn, 200000, True) for _ in range(args.repetitions))
    batched = min(per_step_seconds(kuhn, 200000, False) for _ in range(args.repetitions))

    print("| measurement | C++ | Python | difference |")
    print("|---|---|---|---|")
    print(f"| 10,000 CFR+ iterations, Leduc (fastest of {args.repetitions}) | {cpp_run * 1e3:.1f} ms | "
          f"{python_run * 1e3:.1f} ms | {(python_run / cpp_run - 1) * 100:+.1f}% |")
    print(f"| the same, median | {cpp_median * 1e3:.1f} ms | {python_median * 1e3:.1f} ms | "
          f"{(python_median / cpp_median - 1) * 100:+.1f}% |")
    print(f"| CFR+ step on Kuhn, s.step(n) (C++ loop) vs s.step(1) in a Python loop (fastest) | {batched * 1e6:.2f} us | {looped * 1e6:.2f} us | "
          f"{(looped - batched) * 1e6:+.2f} us per call |")


if __name__ == "__main__":
    main()

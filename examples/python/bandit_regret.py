"""Bandit EFCE learners on 3-player Kuhn poker, from Python: the README's figure
docs/img/bandit-efce-kuhn3.png (examples/experiments/bandit-efce-kuhn3.json).

Runs the experiment config with eqlab.experiment (Balanced EFCE-OMD, EFCE-OMD and the
uniform-exploration baseline, bandit feedback, 4 million episodes, 3 seeds; about 5
minutes on 2 cores), plots each algorithm's mean EFCE gap over the seeds with its 95%
interval as a band, read from the experiment's summary.csv, and prints the fitted rates.

    PYTHONPATH=build/python python3 examples/python/bandit_regret.py --threads 2 --out bandit-efce-kuhn3.png
"""
import argparse
import csv
import json
import os
import sys
import tempfile

import example_support

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = os.path.join(HERE, "..", "experiments", "bandit-efce-kuhn3.json")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bandit-efce-kuhn3.png", help="the PNG to write (default: %(default)s)")
    parser.add_argument("--quick", action="store_true",
                        help="20,000 episodes and 2 seeds instead of 4 million and 3 (a few seconds)")
    parser.add_argument("--results", metavar="DIR",
                        help="keep the experiment's files here, and reuse the complete runs already there "
                             "(default: a temporary folder, removed at the end)")
    parser.add_argument("--threads", type=int, default=0, help="runs in parallel (default: 0, every core)")
    args = parser.parse_args()
    plt = example_support.pyplot()
    eqlab = example_support.eqlab()

    with open(CONFIG) as f:
        config = json.load(f)
    if args.quick:
        # The same grid, shorter: too short for the rates to mean much, long enough to draw.
        config.update(name=config["name"] + "-quick", iterations=20000, seeds=2, checkpoints=20)

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.results or scratch
        try:
            # plots=False: we draw the figure ourselves, so gnuplot is not needed.
            report = eqlab.experiment(config, folder, resume=args.results is not None, plots=False,
                                      threads=args.threads, progress=not args.quick)
        except ValueError as error:  # a config or a --results folder that does not fit
            sys.exit(f"error: {error}")
        with open(os.path.join(folder, "summary.csv"), newline="") as f:
            rows = [row for row in csv.DictReader(f) if row["metric"] == config["metric"]]

    # summary.csv: one row per (game, algorithm, metric, checkpoint), over the seeds.
    curves = {}
    for row in rows:
        curve = curves.setdefault((row["game"], row["label"]), {"iteration": [], "mean": [], "low": [], "high": []})
        for column in curve:
            curve[column].append(float(row[column]))

    # The rates eqlab fitted over the checkpoints with T >= T_max/100: regret (gap x T)
    # grows as T^slope (theory 0.5), episodes to reach eps as (1/eps)^eps_slope (theory 2).
    rates = {(rate["game"], rate["label"]): rate for rate in report["rates"]}
    metric = config["metric"].replace("_gap", "").upper() + " gap"  # efce_gap: "EFCE gap"
    fig, ax = plt.subplots(figsize=(9, 6))
    several_games = len({game for game, _ in curves}) > 1
    for (game, label), curve in curves.items():
        name = f"{game}: {label}" if several_games else label
        rate = rates.get((game, label))
        legend = f"{name} (regret $\\propto T^{{{rate['slope']:.2f}}}$)" if rate else name
        line, = ax.plot(curve["iteration"], curve["mean"], marker=".", label=legend)
        ax.fill_between(curve["iteration"], curve["low"], curve["high"], color=line.get_color(), alpha=0.25,
                        linewidth=0)
        print(f"{name}: {metric} after {curve['iteration'][-1]:.0f} episodes {curve['mean'][-1]:.4f} "
              f"[{curve['low'][-1]:.4f}, {curve['high'][-1]:.4f}]")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("episodes")
    ax.set_ylabel(f"{metric} of the mixture played")
    games = ", ".join(game["game"] if isinstance(game, dict) else game for game in config["games"])
    ax.set_title(f"{games}, bandit feedback: mean over {config['seeds']} seeds, 95% interval")
    ax.grid(True, which="major", linestyle=":", alpha=0.6)
    ax.legend(loc="lower left")
    fig.tight_layout()

    for rate in report["rates"]:
        print(f"{rate['game']} {rate['label']}: regret ~ T^{rate['slope']:.3f} "
              f"[{rate['seed_slope_low']:.3f}, {rate['seed_slope_high']:.3f}] over seeds, theory {rate['theory']:g}; "
              f"episodes to eps ~ (1/eps)^{rate['eps_slope']:.2f}, theory {rate['eps_theory']:g}")
    example_support.save(fig, args.out)


if __name__ == "__main__":
    main()

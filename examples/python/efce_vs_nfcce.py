"""Where EFCE is stronger than NFCCE, from Python: the README's figure
docs/img/shapley-efce-vs-nfcce.png (examples/curves/figures.sh, figures 7 to 9).

Vanilla dilated-entropy OMD and EFCE-OMD each play 100,000 iterations of an asymmetric
Shapley game; the figure shows the EFCE and NFCCE gaps of the mixture each one played.
OMD's NFCCE gap vanishes while its EFCE gap stays near 0.12; EFCE-OMD drives both to zero.

    PYTHONPATH=build/python python3 examples/python/efce_vs_nfcce.py --out efce-vs-nfcce.png
"""
import argparse
import os

import example_support

HERE = os.path.dirname(os.path.abspath(__file__))
GAME = os.path.join(HERE, "..", "games", "shapley-asymmetric.json")
SOLVERS = ["omd", "efce-omd"]
# One colour per solver, one line style per gap, so that both dimensions read at a glance.
COLOURS = {"omd": "#9400d3", "efce-omd": "#009e73"}
GAPS = {"efce_gap": ("EFCE gap", "-"), "nfcce_gap": ("NFCCE gap", "--")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="efce-vs-nfcce.png", help="the PNG to write (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="2,000 iterations instead of 100,000 (a few seconds)")
    args = parser.parse_args()
    plt = example_support.pyplot()
    eqlab = example_support.eqlab()

    iterations = 2000 if args.quick else 100000
    fig, ax = plt.subplots(figsize=(9, 6))
    for solver in SOLVERS:
        result = eqlab.solve(GAME, solver, iterations=iterations, progress=False)
        curve = eqlab.curve_array(result)
        for gap, (name, style) in GAPS.items():
            values = curve[gap].copy()
            # A gap is max(0, best deviation's gain): once EFCE-OMD's external regret turns
            # negative its NFCCE gap is exactly 0, which a log axis cannot show. Leave
            # those points out, as the README's figure does, and say so in the legend.
            label = f"{solver}: {name}" + (" (0 where points are missing)" if (values <= 0).any() else "")
            values[values <= 0] = float("nan")
            ax.plot(curve["iteration"], values, style, color=COLOURS[solver], marker=".", label=label)
        metrics = result["metrics"]
        print(f"{solver}: after {iterations} iterations, EFCE gap {metrics['efce_gap']:.6g}, "
              f"NFCCE gap {metrics['nfcce_gap']:.6g}")

    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("iteration")
    ax.set_ylabel("gap of the mixture played")
    ax.set_title("shapley-asymmetric: EFCE and NFCCE gaps of the mixture played")
    ax.grid(True, which="major", linestyle=":", alpha=0.6)
    # Below the axes: inside, it would hide some of the curves' points.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    fig.tight_layout()
    example_support.save(fig, args.out)


if __name__ == "__main__":
    main()

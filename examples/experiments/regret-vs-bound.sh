#!/bin/sh
# The regret behind a bandit EFCE curve against Theorem 7's bound for Balanced EFCE-OMD
# (Bai, Jin, Mei, Song, Yu, NeurIPS 2022, arXiv:2205.15294): regret = efce_gap · T, bound
# = sqrt(H⁴ N T ι) with ι = ln(10 N / δ), and the trivial bound T (losses at most 1).
# Where the bound lies above T it promises nothing; the √T regime starts past the crossing
# T = H⁴ N ι.
#   examples/experiments/regret-vs-bound.sh CURVE.csv H N [DELTA] [OUT.png] [EQLAB]
# CURVE.csv: a curve with an efce_gap column (eqlab solve --curve, or an experiment's
# runs/GAME/LABEL/seed-S.csv); H, N: the player's own depth and sequence count (the
# largest H⁴ N over the players is the one that matters); DELTA: 0.01, the preset's.
# Writes OUT.png and, beside it, OUT.csv with the three columns drawn.
set -eu
curve=$1
H=$2
N=$3
delta=${4:-0.01}
out=${5:-regret-vs-bound.png}
eqlab=${6:-build/bin/eqlab}
table=${out%.png}.csv
awk -F, -v H="$H" -v N="$N" -v delta="$delta" '
  NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "efce_gap") col = i
            if (!col) { print "no efce_gap column in the curve" > "/dev/stderr"; exit 1 }
            iota = log(10 * N / delta)
            print "iteration,regret,theorem_7_bound,T"; next }
  { T = $1; printf "%s,%.17g,%.17g,%s\n", T, $col * T, sqrt(H^4 * N * T * iota), T }
' "$curve" > "$table"
crossing=$(awk -v H="$H" -v N="$N" -v delta="$delta" 'BEGIN { printf "%.3g", H^4 * N * log(10 * N / delta) }')
"$eqlab" plot "$table=run" --metric regret --metric theorem_7_bound --metric T \
  --title "regret against Theorem 7's bound (it falls below T after $crossing episodes)" \
  --x-label episodes --out "$out"

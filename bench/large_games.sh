#!/usr/bin/env bash
# CFR+ on the largest built-in configurations that fit in 8 GB: the time per iteration
# from eqlab solve's own timer (solver time / iterations), at 1 and 2 threads, and the
# peak memory of the process (GNU time). Results go to docs/BENCHMARKS.md.
#   bench/large_games.sh [EQLAB]      (default build/bin/eqlab; about 4 minutes on 2 cores)
set -euo pipefail
eqlab="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/bin/eqlab}"
for spec in "goofspiel(cards=6):50" "leduc(ranks=13):50" "leduc(players=3,ranks=5):20" \
            "liars_dice(dice=2,faces=4):20" "liars_dice(dice=1,faces=9):20"; do
  game="${spec%:*}"
  iterations="${spec##*:}"
  for threads in 1 2; do
    out=$(/usr/bin/time -f "peak %M KB" "$eqlab" solve "$game" --iterations "$iterations" --checkpoints 1 \
          --threads "$threads" --no-progress 2>&1)
    echo "$game, $threads thread(s), $iterations iterations: $(grep -E '^solver' <<<"$out" | sed 's/ \+/ /g'); $(grep '^peak' <<<"$out")"
  done
done

#!/usr/bin/env bash
# The K-EFCE hierarchy on one game: the K-EFCE gap, K = 0..3, of the mixtures played by
# vanilla OMD (an NFCCE learner), EFCE-OMD (trigger regret) and K-EFR with K = 1 and 2, each
# after the same number of iterations. Every gap is recomputed by `eqlab eval` from the
# mixture written with --distribution. Prints a Markdown table.
#
#   examples/kefce/hierarchy.sh [GAME] [ITERATIONS]     (default: leduc 2000)
#
# Uses build/bin/eqlab (scripts/demo or scripts/test builds it) unless EQLAB is set.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eqlab="${EQLAB:-$root/build/bin/eqlab}"
game="${1:-leduc}"
iterations="${2:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The number after "member": in eval's JSON output.
member() { grep -o "\"$1\": *[-0-9.eE+]*" "$2" | head -n 1 | sed 's/.*: *//'; }

echo "K-EFCE gap of each learner's mixture on $game after $iterations iterations"
echo
echo "| learner | EFCE gap (triggers) | K = 0 (NFCCE) | K = 1 | K = 2 | K = 3 |"
echo "|---|---|---|---|---|---|"
for learner in "omd" "efce-omd" "kefr --k 1" "kefr --k 2"; do
  name="${learner// --k /, K = }"
  "$eqlab" solve "$game" --solver $learner --iterations "$iterations" --no-progress \
    --out "$work/result.json" --distribution "$work/mixture.jsonl" > /dev/null
  row="| $name |"
  for k in 0 1 2 3; do
    "$eqlab" eval "$game" "$work/result.json" --distribution "$work/mixture.jsonl" --k "$k" --json > "$work/eval.json"
    [[ $k == 0 ]] && row="$row $(printf '%.4f' "$(member efce_gap "$work/eval.json")") |"
    row="$row $(printf '%.4f' "$(member kefce_gap "$work/eval.json")") |"
  done
  echo "$row"
done

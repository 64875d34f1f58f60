#!/bin/sh
# Why V-learning certifies: on a cycling Markov game (Shapley-type stage games on a chain of
# two states, H = 2), CCE-V-learning's certified policy reaches a CCE while the last iterate
# of the same learners, and of independent EXP3-IX, keeps cycling far from any equilibrium.
# The episode-uniform mixture of what EXP3-IX played is drawn too: its exact CCE gap (a
# best response over the deviator's history tree, exponential in H) goes below zero here,
# but nothing short of that evaluation shows it.
# Writes why-certify/{cce-v,exp3-ix}.csv and why-certify/why-certify.png.
#   examples/markov/why-certify.sh [EQLAB] [EPISODES]
set -eu
eqlab=${1:-build/bin/eqlab}
episodes=${2:-200000}
game="markov-cycle(players=2,states=2,horizon=2)"
mkdir -p why-certify
for solver in cce-v exp3-ix; do
  "$eqlab" solve "$game" --solver "$solver" --episodes "$episodes" --checkpoints 30 --seed 1 \
    --curve "why-certify/$solver.csv" --no-progress
done
# A linear axis: the certified CCE gap goes below zero (the policy gives both players more
# than any deviation), which a log axis cannot show.
"$eqlab" plot why-certify/cce-v.csv=cce-v why-certify/exp3-ix.csv=exp3-ix \
  --metric cce_gap_upper --metric last_iterate_gap --metric average_gap --metric mixture_cce_gap \
  --title "$game: certified policy, last iterate, visit average, episode mixture" --linear-y --x-label episodes \
  --out why-certify/why-certify.png

#!/usr/bin/env bash
# Alternated A/B runs of the load driver: one run of the base checkout, one of the candidate, N times over.
# On a shared or virtual machine one build gives runs ±15–30% apart; only a difference that holds across the
# alternated pairs (and shows in CPU or allocation per turn) is a difference (docs/performance.md).
#   bench/ab.sh BASE_DIR CANDIDATE_DIR [PAIRS] [driver options...]
#   git worktree add ../base HEAD~1 && bench/ab.sh ../base . 3 --students 16 --seconds 15 --warmup 5
# The bot runs in Production: set DataProtection__Key, DeclarationApi__ApiKey and DirectLine__SigningKey (any
# `openssl rand -base64 32`) and an agent account (bench/README.md) in the environment first.
set -euo pipefail
base=$(readlink -f "$1"); candidate=$(readlink -f "$2"); pairs=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
options=("$@"); [ ${#options[@]} -eq 0 ] && options=(--students 16 --seconds 15 --warmup 5)
for dir in "$base" "$candidate"; do
  (cd "$dir" && dotnet build bench/LoadDriver -c Release -v q -nologo >/dev/null) || { echo "build failed in $dir"; exit 1; }
done
for i in $(seq 1 "$pairs"); do
  for side in base candidate; do
    dir=$base; [ $side = candidate ] && dir=$candidate
    line=$(cd "$dir" && dotnet bench/LoadDriver/bin/Release/net10.0/VssBot.LoadDriver.dll "${options[@]}" 2>&1 |
      grep -E '^(turns:|latency:|per turn|GC:|messenger)' | sed -E 's/^turns: [0-9]+, //; s/ \(whole process, driver included\)//' | tr '\n' ' ')
    echo "$i $side: $line"
  done
done

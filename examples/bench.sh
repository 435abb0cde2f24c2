#!/usr/bin/env bash
# Throughput of `stats` against `wc -w` on a generated corpus.
#
#   examples/bench.sh [MB]      (default 100)
#
# Builds the examples in release mode, writes a deterministic corpus of MB
# megabytes to a temporary folder, and prints the MB/s of `stats --threads 1`,
# `stats --threads 2` and `wc -w` on the same files, with the ratios. Each
# program runs once to warm the page cache, then RUNS times (default 3); the
# best time counts, wall-clock (what the ratios use) and CPU (user + sys, all
# threads), which is less disturbed by other work on the machine.
set -euo pipefail

mb="${1:-100}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release -q -p corpus-examples --example stats --example gen_corpus
bin="$root/target/release/examples"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$bin/gen_corpus" --mb "$mb" --out "$dir/corpus"
bytes=$(find "$dir/corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

# Best (lowest) wall-clock seconds and CPU seconds (user + sys) of RUNS
# runs of a command, its output discarded, after one warm-up run.
RUNS="${RUNS:-3}"
best() {
    local wall=999999 cpu=999999 w c
    "$@" >/dev/null 2>&1
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %U %S' -o "$dir/time" "$@" >/dev/null 2>&1
        read -r w u s <"$dir/time"
        c=$(echo "$u + $s" | bc -l)
        wall=$(echo "if ($w < $wall) $w else $wall" | bc -l)
        cpu=$(echo "if ($c < $cpu) $c else $cpu" | bc -l)
    done
    echo "$wall $cpu"
}

wc_words() {
    find "$dir/corpus" -name '*.txt' -print0 | xargs -0 wc -w
}
export -f wc_words
export dir

read -r t1 c1 < <(best "$bin/stats" --threads 1 "$dir/corpus")
read -r t2 c2 < <(best "$bin/stats" --threads 2 "$dir/corpus")
read -r tw cw < <(best bash -c wc_words)

rate() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
printf 'corpus: %.1f MB in %s files (LANG=%s, %s cores, load %s)\n' "$(echo "$bytes / 1000000" | bc -l)" \
    "$(find "$dir/corpus" -name '*.txt' | wc -l)" "${LC_ALL:-${LANG:-unset}}" "$(nproc)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
printf '                    wall-clock   CPU time (best of %s)\n' "$RUNS"
printf 'stats --threads 1: %6.1f MB/s  %6.1f MB/s\n' "$(rate "$t1")" "$(rate "$c1")"
printf 'stats --threads 2: %6.1f MB/s  %6.1f MB/s\n' "$(rate "$t2")" "$(rate "$c2")"
printf 'wc -w:             %6.1f MB/s  %6.1f MB/s\n' "$(rate "$tw")" "$(rate "$cw")"
printf 'stats 1 thread / wc -w:   %.2f\n' "$(echo "$tw / $t1" | bc -l)"
printf 'stats 2 threads / 1:      %.2f\n' "$(echo "$t1 / $t2" | bc -l)"

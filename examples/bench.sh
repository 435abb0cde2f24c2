#!/usr/bin/env bash
# Throughput of `stats` against `wc -w` on a generated corpus.
#
#   examples/bench.sh [MB]      (default 100)
#
# Builds the examples in release mode, writes a deterministic corpus of MB
# megabytes to a temporary folder, and prints the MB/s of `stats --threads 1`,
# `stats --threads 2` and `wc -w` on the same files, with the ratios.
# Each program runs once to warm the page cache, then is timed.
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

# Seconds taken by a command, its output discarded.
seconds() {
    local start end
    "$@" >/dev/null 2>&1
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

wc_words() {
    find "$dir/corpus" -name '*.txt' -print0 | xargs -0 wc -w
}

t1=$(seconds "$bin/stats" --threads 1 "$dir/corpus")
t2=$(seconds "$bin/stats" --threads 2 "$dir/corpus")
tw=$(seconds wc_words)

rate() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
printf 'corpus: %.1f MB in %s files (LANG=%s)\n' "$(echo "$bytes / 1000000" | bc -l)" \
    "$(find "$dir/corpus" -name '*.txt' | wc -l)" "${LC_ALL:-${LANG:-unset}}"
printf 'stats --threads 1: %6.1f MB/s\n' "$(rate "$t1")"
printf 'stats --threads 2: %6.1f MB/s\n' "$(rate "$t2")"
printf 'wc -w:             %6.1f MB/s\n' "$(rate "$tw")"
printf 'stats 1 thread / wc -w:   %.2f\n' "$(echo "$tw / $t1" | bc -l)"
printf 'stats 2 threads / 1:      %.2f\n' "$(echo "$t1 / $t2" | bc -l)"

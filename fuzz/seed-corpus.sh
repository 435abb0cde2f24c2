#!/bin/sh
# Fills fuzz/corpus/<target>/ with seed inputs made from the bundled sample
# documents (examples/data/*.txt by default, or the folder given as $1):
# each document as written, with CRLF line endings, and with lone CR line
# endings. Seeds are generated, never committed; libFuzzer adds what it
# finds to the same folders.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-$here/../examples/data}
targets=$(cd "$here" && ls fuzz_targets | sed 's/\.rs$//')
if ! ls "$data"/*.txt >/dev/null 2>&1; then
    echo "seed-corpus.sh: no *.txt in $data; the targets start from an empty corpus" >&2
    exit 0
fi
for t in $targets; do
    dir=$here/corpus/$t
    mkdir -p "$dir"
    for f in "$data"/*.txt; do
        name=$(basename "$f" .txt)
        cp "$f" "$dir/$name"
        sed 's/$/\r/' "$f" > "$dir/$name.crlf"
        tr '\n' '\r' < "$f" > "$dir/$name.cr"
    done
done
echo "seeded $(echo $targets | wc -w) targets from $data"

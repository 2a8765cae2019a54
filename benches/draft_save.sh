#!/usr/bin/env bash
# Times `lectern draft save` on a project of the sample speech with 200 drafts, each one paragraph
# apart from the one before (a writer revising), and prints the file's size.
#
#   benches/draft_save.sh [DRAFTS]
#
# The project is made with the binary under test: `lectern import` of the sample speech
# (../shared/samples, or ../../shared/samples), then DRAFTS times (default 200) a phrase added to
# a different paragraph of the working copy and `lectern draft save`. Each timed run saves one more
# draft into a fresh copy of that file (hyperfine --prepare; else a loop timed with date).
# Builds `cargo build --release --no-default-features` when the release binary is missing or
# older than the sources; LECTERN_BIN=path times that binary instead (e.g. an older build, to
# compare). RUNS=n (default 15).
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin=${LECTERN_BIN:-$target_dir/release/lectern}
runs=${RUNS:-15}
drafts=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sample=../shared/samples/work-conference-speech-zh-hant.txt
[ -f "$sample" ] || [ ! -f "../$sample" ] || sample=../$sample
[ -f "$sample" ] || { echo "draft_save.sh: the sample speech is missing: $sample" >&2; exit 2; }
command -v perl > /dev/null || { echo "draft_save.sh: perl is needed" >&2; exit 2; }

if [ -z "${LECTERN_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src Cargo.toml build.rs data -newer "$bin" -print -quit)" ]; }; then
    echo "building the release binary…" >&2
    cargo build --release --no-default-features
fi

project="$work/big.lectern"
"$bin" import "$sample" -o "$project" > /dev/null 2>&1
for i in $(seq "$drafts"); do
    # Add a phrase after the k-th comma in the paragraphs of the working copy (the lines of the file
    # up to `settings:` / `drafts:` that hold one string).
    perl -Mutf8 -CSD -0777 -i -pe '
        BEGIN { $i = shift @ARGV }
        my $at = index($_, "\n    settings:");
        my $d = index($_, "\n    drafts:");
        $at = $d if $d >= 0 && ($at < 0 || $d < $at);
        my ($head, $tail) = (substr($_, 0, $at), substr($_, $at));
        my $n = 0; my $k = ($i * 7) % 60 + 1;
        $head =~ s{^(\s+")(.*)(",)$}{
            my ($open, $text, $close) = ($1, $2, $3);
            $text =~ s/([,，])/++$n == $k ? "$1（第${i}次修改）" : $1/ge;
            $open . $text . $close
        }gme;
        $_ = $head . $tail;' "$i" "$project"
    "$bin" draft save "$project" --name "draft $i" > /dev/null 2>&1
done
size=$(wc -c < "$project")
echo "$bin: $drafts drafts of the sample speech: $(awk -v b="$size" 'BEGIN { printf "%.2f MB", b / 1e6 }')"

save_cmd="$bin draft save $work/run.lectern --name timed"
prepare="cp $project $work/run.lectern"
if command -v hyperfine > /dev/null; then
    hyperfine -N -i --warmup 2 --runs "$runs" --prepare "$prepare" --export-json "$work/h.json" \
        "$save_cmd" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    median=$(grep -o '"median": *[0-9.e+-]*' "$work/h.json" | sed 's/.*: *//' | awk '{ printf "%.1f", $1 * 1000 }')
    cpu=$(paste -d ' ' <(grep -o '"user": *[0-9.e+-]*' "$work/h.json" | sed 's/.*: *//') \
        <(grep -o '"system": *[0-9.e+-]*' "$work/h.json" | sed 's/.*: *//') | awk '{ printf "%.1f", ($1 + $2) * 1000 }')
    echo "  lectern draft save: $median ms median (CPU $cpu ms), $runs runs with hyperfine"
else
    times=()
    for _ in $(seq "$runs"); do
        $prepare
        start=$(date +%s%N)
        $save_cmd > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }')
    echo "  lectern draft save: $median ms median, $runs runs (bash loop)"
fi

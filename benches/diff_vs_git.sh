#!/usr/bin/env bash
# Times `lectern diff` against `git diff --no-index --word-diff-regex=.` in the same run.
#
#   benches/diff_vs_git.sh [OLD.txt NEW.txt]
#
# Without arguments it generates a ~200,000-character Chinese speech with 一、二、… sections and a
# revision of it with scattered edits (phrases changed, words inserted, paragraphs removed).
# Times `lectern diff` with its default options (word granularity) and with `--granularity char`
# against git, reports each one's peak memory (max RSS, with /usr/bin/time), and times the default
# on the sample speech (../shared/samples, or ../../shared/samples) against a copy of it with one
# phrase changed. Goals: default ≤ 0.5 × git on the 200k pair, ≤ 10 ms on the sample pair, peak
# memory ≤ 32 MB.
# Builds `cargo build --release --no-default-features` when the release binary is missing or
# older than the sources. Uses hyperfine when installed, else a loop timed with `date +%s%N`.
# (LECTERN_BIN=path skips the build and times that binary; KEEP_DIR=dir copies the generated
# pairs there as old.txt / new.txt and sample-old.txt / sample-new.txt, e.g. for profiling.)
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin=${LECTERN_BIN:-$target_dir/release/lectern}
runs=${RUNS:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() {
    # Old text: sections of 20 paragraphs, each 50–90 words drawn from a fixed vocabulary.
    awk -v target_bytes=600000 '
    function numeral(n,   d) {
        split("一 二 三 四 五 六 七 八 九", d, " ")
        if (n < 10) return d[n]
        if (n == 10) return "十"
        if (n < 20) return "十" d[n - 10]
        return d[int(n / 10)] "十" (n % 10 ? d[n % 10] : "")
    }
    BEGIN {
        srand(20261127)
        nw = split("我们 要 坚持 以 人民 为 中心 的 发展 思想 全面 深化 改革 扎实 推进 高质量 工作 落实 责任 加强 组织 领导 统筹 协调 各项 任务 切实 提高 政治 站位 群众 服务 能力 水平 基层 治理 创新 机制 队伍 建设 作风 纪律 经济 社会 民生 保障 安全 稳定 目标 措施 部署 要求", w, " ")
        nh = split("提高政治站位 狠抓工作落实 强化组织保障 深化改革创新 加强队伍建设 改进工作作风", h, " ")
        bytes = 0; para = 0; sec = 0
        print "在全市工作会议上的讲话"; print ""; print "同志们："; print ""
        while (bytes < target_bytes) {
            if (para % 20 == 0) { sec++; print numeral(sec) "、" h[1 + (sec - 1) % nh]; print "" }
            line = ""
            n = 50 + int(rand() * 40)
            for (i = 0; i < n; i++) {
                line = line w[1 + int(rand() * nw)]
                if (rand() < 0.12) line = line "，"
            }
            line = line "。"
            print line; print ""
            bytes += length(line) + 2
            para++
        }
        print "同志们，让我们携手奋进！"
    }' > "$work/old.txt"
    # New text: every 17th paragraph gets a phrase replaced (or words inserted), every 97th is
    # removed.
    awk '
    /^$/ { if (!skip) print; skip = 0; next }
    {
        para++
        if (para % 97 == 50) { skip = 1; next }
        if (para % 17 == 5) {
            if (!sub(/发展/, "持续推进")) sub(/，/, "，进一步认真研究，")
        }
        print
    }' "$work/old.txt" > "$work/new.txt"
    old="$work/old.txt"
    new="$work/new.txt"
    if [ -n "${KEEP_DIR:-}" ]; then
        mkdir -p "$KEEP_DIR"
        cp "$old" "$new" "$KEEP_DIR"/
    fi
}

if [ $# -ge 2 ]; then
    old=$1
    new=$2
else
    generate
fi

# The sample pair: the sample speech and a copy with four characters of a middle paragraph
# replaced by another phrase.
sample=../shared/samples/work-conference-speech-zh-hant.txt
[ -f "$sample" ] || [ ! -f "../$sample" ] || sample=../$sample
sample_old=
if [ -f "$sample" ] && command -v perl > /dev/null; then
    sample_old="$work/sample-old.txt"
    sample_new="$work/sample-new.txt"
    cp "$sample" "$sample_old"
    middle=$(awk 'END { print int(NR / 2) }' "$sample")
    perl -Mutf8 -CSD -ne 'BEGIN { $from = shift @ARGV }
        if (!$done && $. >= $from && length($_) > 40) { substr($_, 12, 4) = "重新研究"; $done = 1 }
        print' "$middle" "$sample" > "$sample_new"
    if [ -n "${KEEP_DIR:-}" ]; then cp "$sample_old" "$sample_new" "$KEEP_DIR"/; fi
else
    echo "(no sample pair: $sample or perl is missing)" >&2
fi

if [ -z "${LECTERN_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src Cargo.toml build.rs data -newer "$bin" -print -quit)" ]; }; then
    echo "building the release binary…" >&2
    cargo build --release --no-default-features
fi

chars() { LC_ALL=C.UTF-8 wc -m < "$1" | tr -d ' '; }
echo "old: $(chars "$old") chars, new: $(chars "$new") chars"

median_ms() {
    # Runs the command $runs times (after one warm-up) and prints the median in milliseconds.
    local times=() start end
    "$@" > /dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f\n", m / 1000 }'
}

# Prints, for each command given as one string (words split on spaces), its median wall time in
# ms and (hyperfine only) its mean CPU time (user + system) in ms, or "-".
#
# The commands take turns: hyperfine runs each of them 3 times (after one warm-up) per round, for
# $runs / 3 rounds, and each command's figure is the median of its round medians. A machine
# whose speed drifts (other work, a shared host) then slows every command alike, so the ratio
# compares them under the same conditions.
medians_ms() {
    if command -v hyperfine > /dev/null; then
        local rounds=$(( (runs + 2) / 3 )) r
        for r in $(seq "$rounds"); do
            hyperfine -N -i --warmup 1 --runs 3 --export-json "$work/h$r.json" "$@" \
                > /dev/null 2> "$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }
        done
        local i
        for i in $(seq "$#"); do
            for r in $(seq "$rounds"); do
                paste -d ' ' \
                    <(grep -o '"median": *[0-9.e+-]*' "$work/h$r.json" | sed 's/.*: *//') \
                    <(grep -o '"user": *[0-9.e+-]*' "$work/h$r.json" | sed 's/.*: *//') \
                    <(grep -o '"system": *[0-9.e+-]*' "$work/h$r.json" | sed 's/.*: *//') |
                    sed -n "${i}p"
            done | sort -g | awk '{ t[NR] = $1; cpu += $2 + $3 } END {
                m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
                printf "%.2f %.1f\n", m * 1000, cpu / NR * 1000 }'
        done
    else
        local cmd
        for cmd in "$@"; do
            # shellcheck disable=SC2086
            echo "$(median_ms $cmd) -"
        done
    fi
}

# Peak memory (max RSS) in MB of one run, or "?" without GNU time.
peak_mb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$work/rss" "$@" > /dev/null 2>&1 || true
        tail -n 1 "$work/rss" | awk '{ printf "%.1f", $1 / 1024 }'
    else
        printf '?'
    fi
}

tool=$(command -v hyperfine > /dev/null && echo hyperfine || echo "bash loop")
word_cmd="$bin diff $old $new --format text --color never"
char_cmd="$bin diff $old $new --granularity char --format text --color never"
git_cmd="git diff --no-index --word-diff-regex=. $old $new"
mapfile -t lines < <(medians_ms "$word_cmd" "$char_cmd" "$git_cmd")
ms=() cpu=()
for line in "${lines[@]}"; do ms+=("${line% *}"); cpu+=("${line#* }"); done
# shellcheck disable=SC2086
word_mb=$(peak_mb $word_cmd)
# shellcheck disable=SC2086
char_mb=$(peak_mb $char_cmd)
# shellcheck disable=SC2086
git_mb=$(peak_mb $git_cmd)

echo "timed with $tool, $runs runs each, taking turns (median wall time, mean CPU time, peak memory of one run):"
printf '  lectern diff (default: word):     %8s ms  (CPU %6s ms)  %6s MB\n' "${ms[0]}" "${cpu[0]}" "$word_mb"
printf '  lectern diff --granularity char:  %8s ms  (CPU %6s ms)  %6s MB\n' "${ms[1]}" "${cpu[1]}" "$char_mb"
printf '  git diff --word-diff-regex=.:     %8s ms  (CPU %6s ms)  %6s MB\n' "${ms[2]}" "${cpu[2]}" "$git_mb"
awk -v w="${ms[0]}" -v c="${ms[1]}" -v g="${ms[2]}" -v m="$word_mb" 'BEGIN {
    printf "  ratio lectern / git: default %.2f (goal ≤ 0.50: %s), char %.2f\n", w / g, (w / g <= 0.5 ? "met" : "NOT met"), c / g
    if (m != "?") printf "  peak memory, default: %s MB (goal ≤ 32 MB: %s)\n", m, (m + 0 <= 32 ? "met" : "NOT met")
}'

if [ -n "$sample_old" ]; then
    sample_cmd="$bin diff $sample_old $sample_new --format text --color never"
    sample_git="git diff --no-index --word-diff-regex=. $sample_old $sample_new"
    mapfile -t lines < <(medians_ms "$sample_cmd" "$sample_git")
    sms=() scpu=()
    for line in "${lines[@]}"; do sms+=("${line% *}"); scpu+=("${line#* }"); done
    # shellcheck disable=SC2086
    sample_mb=$(peak_mb $sample_cmd)
    echo "sample speech ($(chars "$sample_old") chars) against a copy with one phrase changed:"
    printf '  lectern diff (default: word):     %8s ms  (CPU %6s ms)  %6s MB\n' "${sms[0]}" "${scpu[0]}" "$sample_mb"
    printf '  git diff --word-diff-regex=.:     %8s ms  (CPU %6s ms)\n' "${sms[1]}" "${scpu[1]}"
    awk -v w="${sms[0]}" 'BEGIN { printf "  goal ≤ 10 ms: %s\n", (w <= 10 ? "met" : "NOT met") }'
fi

#!/usr/bin/env bash
# Times `lectern diff` against `git diff --no-index --word-diff-regex=.` on one pair of texts.
#
#   benches/diff_vs_git.sh [OLD.txt NEW.txt]
#
# Without arguments it generates a ~200,000-character Chinese speech with 一、二、… sections and a
# revision of it with scattered edits (phrases changed, words inserted, paragraphs removed).
# Builds `cargo build --release --no-default-features` when the release binary is missing or
# older than the sources. Uses hyperfine when installed, else a loop timed with `date +%s%N`.
# (LECTERN_BIN=path skips the build and times that binary; KEEP_DIR=dir copies the generated
# pair there as old.txt / new.txt, e.g. for profiling.) Prints the medians and the ratio lectern / git (the goal: at most 0.5).
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin=${LECTERN_BIN:-$target_dir/release/lectern}
runs=${RUNS:-15}
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

if [ -z "${LECTERN_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src Cargo.toml -newer "$bin" -print -quit)" ]; }; then
    echo "building the release binary…" >&2
    cargo build --release --no-default-features
fi

chars() { LC_ALL=C.UTF-8 wc -m < "$1" | tr -d ' '; }
echo "old: $(chars "$old") chars, new: $(chars "$new") chars"

lectern_cmd=("$bin" diff "$old" "$new" --granularity char --format text --color never)
git_cmd=(git diff --no-index --word-diff-regex=. "$old" "$new")

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

if command -v hyperfine > /dev/null; then
    hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$work/h.json" \
        -n lectern "${lectern_cmd[*]}" -n git "${git_cmd[*]}" > /dev/null 2> "$work/hyperfine.err" ||
        { cat "$work/hyperfine.err" >&2; exit 1; }
    medians=($(grep -o '"median": *[0-9.e+-]*' "$work/h.json" | sed 's/.*: *//'))
    lectern_ms=$(awk -v s="${medians[0]}" 'BEGIN { printf "%.2f", s * 1000 }')
    git_ms=$(awk -v s="${medians[1]}" 'BEGIN { printf "%.2f", s * 1000 }')
    tool=hyperfine
else
    lectern_ms=$(median_ms "${lectern_cmd[@]}")
    git_ms=$(median_ms "${git_cmd[@]}")
    tool="bash loop"
fi

echo "timed with $tool, $runs runs each (median):"
echo "  lectern diff --granularity char: ${lectern_ms} ms"
echo "  git diff --word-diff-regex=.:    ${git_ms} ms"
awk -v l="$lectern_ms" -v g="$git_ms" 'BEGIN {
    r = l / g
    printf "  ratio lectern / git: %.2f (goal ≤ 0.50: %s)\n", r, (r <= 0.5 ? "met" : "NOT met")
}'

#!/usr/bin/env bash
# Editor start-up: time from exec of the release `lectern` with the sample speech to the first
# frame that shows it, under Xvfb, and the editor's peak memory (RSS). Goal: ≤ 150 ms, ≤ 150 MB.
#
#   benches/startup.sh [SPEECH]
#
# Contract with the editor: when LECTERN_FIRST_FRAME_FILE is set, the editor writes to that file,
# once, on the first frame that shows the speech, as it is drawn, the wall-clock time as
# nanoseconds since the UNIX epoch (a decimal integer and a newline), and keeps running; the next
# frame, which begins once the first has been painted and shown, adds a second such line. Both
# are reported: "drawn" and "shown" (the second also counts painting the frame, which under Xvfb
# is Mesa's llvmpipe rasterising it on the processor). This script notes the time
# just before exec (bash's $EPOCHREALTIME in the child, so no process start is counted twice),
# waits for the file, reads the editor's peak RSS (VmHWM in /proc/PID/status) and stops it.
#
# SPEECH defaults to the sample speech in ../shared/samples/ (or ../../shared/samples/). Builds `cargo build --release` when
# the binary is missing or older than the sources. Starts its own Xvfb unless DISPLAY is set
# (STARTUP_XVFB=1 forces one). RUNS=n (default 7) runs; the median time and the largest RSS are
# printed. LECTERN_BIN=path times that program instead (any program honouring the contract).
# TIMEOUT_S (default 20) per run.
#
# The floor: examples/empty_window.rs, an eframe window with the editor's options and renderer that
# draws one label, timed the same way and taking turns with the editor. What the editor takes
# beyond it is Lectern's own start-up; the floor itself is X11, OpenGL and the driver (under Xvfb,
# Mesa's llvmpipe), and it is what varies most between machines. It is built with the editor
# (`cargo build --release --example empty_window`); FLOOR_BIN=path times another program, and
# FLOOR_BIN= (empty) skips it. When xdotool is installed the time to the first visible window is
# shown too, for lectern and for the peer (xmessage or xterm, when installed), started the same
# way.
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin=${LECTERN_BIN:-$target_dir/release/lectern}
runs=${RUNS:-7}
timeout_s=${TIMEOUT_S:-20}
sample=../shared/samples/work-conference-speech-zh-hant.txt
# A worktree one folder further down finds the samples beside its parent.
[ -f "$sample" ] || [ ! -f "../$sample" ] || sample=../$sample
speech=${1:-$sample}
work=$(mktemp -d)
xvfb_pid=
child=

cleanup() {
    if [ -n "$child" ]; then kill "$child" 2> /dev/null || true; fi
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2> /dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$speech" ]; then
    echo "startup.sh: the speech to open is missing: $speech" >&2
    exit 2
fi

if [ -z "${LECTERN_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src Cargo.toml build.rs -newer "$bin" -print -quit)" ]; }; then
    echo "building the release binary (with the window)…" >&2
    cargo build --release
fi
floor_bin=${FLOOR_BIN-$target_dir/release/examples/empty_window}
if [ -z "${FLOOR_BIN+set}" ] && { [ ! -x "$floor_bin" ] || [ -n "$(find src examples Cargo.toml -newer "$floor_bin" -print -quit)" ]; }; then
    echo "building the floor (examples/empty_window.rs)…" >&2
    cargo build --release --example empty_window
fi

if [ -z "${DISPLAY:-}" ] || [ -n "${STARTUP_XVFB:-}" ]; then
    command -v Xvfb > /dev/null || { echo "startup.sh: Xvfb is needed (apt-get install xvfb)" >&2; exit 2; }
    display=99
    while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
    # -noreset: as on a desktop, the server stays as it is when a program closes (by default Xvfb
    # resets itself whenever its last client goes, and a program started meanwhile fails).
    Xvfb ":$display" -screen 0 1280x900x24 -nolisten tcp -noreset > "$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 200); do
        [ -e "/tmp/.X11-unix/X$display" ] && break
        sleep 0.02
    done
    [ -e "/tmp/.X11-unix/X$display" ] || { cat "$work/xvfb.log" >&2; echo "startup.sh: Xvfb did not start" >&2; exit 1; }
    export DISPLAY=":$display"
fi

now_ns() { local t=$EPOCHREALTIME; echo "${t/./}000"; }

# Starts "$@" in the background with the start time (ns) noted in $work/start just before exec;
# sets $child.
start_noted() {
    rm -f "$work/start"
    ( t=$EPOCHREALTIME; printf '%s000\n' "${t/./}" > "$work/start"; exec "$@" ) &
    child=$!
}

peak_rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }

stop_child() {
    kill "$child" 2> /dev/null || true
    wait "$child" 2> /dev/null || true
    child=
}

median() { grep -v '^-$' | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { printf "-"; exit }; m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m }'; }

# Milliseconds from the noted start until a visible window appears (xdotool), or "-": a window
# of $child's process, or with "--class NAME" one of that class (programs that do not set
# _NET_WM_PID, as Xt ones).
window_ms() {
    command -v xdotool > /dev/null || { echo -; return; }
    local query=(--pid "$child")
    [ "${1:-}" = --class ] && query=(--class "$2")
    local deadline=$(( $(date +%s) + timeout_s ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if xdotool search --onlyvisible "${query[@]}" > /dev/null 2>&1 && [ -f "$work/start" ]; then
            local end; end=$(now_ns)
            awk -v s="$(cat "$work/start")" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e6 }'
            return
        fi
        kill -0 "$child" 2> /dev/null || break
        sleep 0.002
    done
    echo -
}

# One run of "$@" honouring the first-frame contract: sets $run_ms (exec to the first frame) and
# $run_rss (peak RSS in KB once the window has settled).
first_frame_run() {
    local frame_file="$work/first-frame"
    rm -f "$frame_file"
    # A pause first, so what the last stopped program left the X server and the processors to do
    # is done before this one starts (the window-time runs stop the editor in mid-start).
    sleep "${GAP_S:-0.3}"
    LECTERN_FIRST_FRAME_FILE=$frame_file start_noted "$@"
    local deadline=$(( $(date +%s) + timeout_s ))
    # The time is the one the program writes, so this loop only has to notice the file; it polls
    # slowly so as not to take a processor from the program it measures.
    while ! grep -q '^[0-9][0-9]*$' "$frame_file" 2> /dev/null; do
        if ! kill -0 "$child" 2> /dev/null; then
            echo "startup.sh: $1 exited before its first frame (does it honour LECTERN_FIRST_FRAME_FILE?)" >&2
            exit 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "startup.sh: $1: no first frame within ${timeout_s} s" >&2
            exit 1
        fi
        sleep 0.05
    done
    # Let the program settle a moment so the peak includes what the first frames allocate.
    sleep "${SETTLE_S:-0.5}"
    run_rss=$(peak_rss_kb "$child")
    stop_child
    run_ms=$(awk -v s="$(cat "$work/start")" -v e="$(head -n 1 "$frame_file")" \
        'BEGIN { printf "%.3f", (e - s) / 1e6 }')
    run_shown_ms=$(awk -v s="$(cat "$work/start")" -v e="$(sed -n 2p "$frame_file")" \
        'BEGIN { if (e == "") print "-"; else printf "%.3f", (e - s) / 1e6 }')
}

frame_times=()
shown_times=()
floor_times=()
floor_shown_times=()
window_times=()
max_rss=0
floor_rss=0
for run in $(seq "$runs"); do
    first_frame_run "$bin" "$speech"
    frame_times+=("$run_ms")
    shown_times+=("$run_shown_ms")
    [ "$run_rss" -gt "$max_rss" ] && max_rss=$run_rss
    # The floor takes turns with the editor, so a host whose speed drifts skews both alike.
    if [ -n "$floor_bin" ]; then
        first_frame_run "$floor_bin"
        floor_times+=("$run_ms")
        floor_shown_times+=("$run_shown_ms")
        [ "$run_rss" -gt "$floor_rss" ] && floor_rss=$run_rss
    fi
    if command -v xdotool > /dev/null; then
        start_noted "$bin" "$speech"
        window_times+=("$(window_ms)")
        stop_child
    fi
done

peer=
for candidate in xmessage xterm; do
    if command -v "$candidate" > /dev/null; then peer=$candidate; break; fi
done
peer_times=()
peer_rss=0
if [ -n "$peer" ] && command -v xdotool > /dev/null; then
    for _ in $(seq "$runs"); do
        if [ "$peer" = xmessage ]; then
            start_noted xmessage -file "$speech"
            peer_times+=("$(window_ms --class Xmessage)")
        else
            start_noted xterm -e cat "$speech"
            peer_times+=("$(window_ms --class XTerm)")
        fi
        rss=$(peak_rss_kb "$child")
        [ "$rss" -gt "$peer_rss" ] && peer_rss=$rss
        stop_child
    done
fi

echo "start-up of $bin with $speech ($runs runs, display $DISPLAY):"
printf '  exec → first frame showing the speech, drawn: %s ms median (runs: %s)\n' \
    "$(printf '%s\n' "${frame_times[@]}" | median)" "${frame_times[*]}"
printf '  exec → that frame shown (painted): %s ms median (runs: %s)\n' \
    "$(printf '%s\n' "${shown_times[@]}" | median)" "${shown_times[*]}"
awk -v kb="$max_rss" 'BEGIN {
    printf "  peak RSS: %.1f MB (goal ≤ 150 MB: %s)\n", kb / 1024, (kb / 1024 <= 150 ? "met" : "NOT met")
}'
awk -v ms="$(printf '%s\n' "${frame_times[@]}" | median)" \
    -v shown="$(printf '%s\n' "${shown_times[@]}" | median)" 'BEGIN {
    printf "  goal ≤ 150 ms: drawn %s, shown %s\n", (ms <= 150 ? "met" : "NOT met"),
        (shown != "-" && shown <= 150 ? "met" : "NOT met")
}'
if [ ${#floor_times[@]} -gt 0 ]; then
    floor_ms=$(printf '%s\n' "${floor_times[@]}" | median)
    printf '  floor, an empty eframe window (%s): %s ms median (runs: %s), peak RSS %s MB\n' \
        "$floor_bin" "$floor_ms" "${floor_times[*]}" \
        "$(awk -v kb="$floor_rss" 'BEGIN { printf "%.1f", kb / 1024 }')"
    floor_shown_ms=$(printf '%s\n' "${floor_shown_times[@]}" | median)
    printf '  floor shown (painted): %s ms median (runs: %s)\n' "$floor_shown_ms" "${floor_shown_times[*]}"
    # Each run of the editor against the floor's run right after it: steadier than the difference
    # of the medians when the host's speed drifts.
    paired() { local -n a=$1 b=$2; for i in "${!a[@]}"; do
        awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { if (x == "-" || y == "-") print "-"; else printf "%.3f\n", x - y }'
    done | median; }
    printf '  Lectern beyond the floor (median of the run-by-run differences): drawn %s ms, shown %s ms\n' \
        "$(paired frame_times floor_times)" "$(paired shown_times floor_shown_times)"
fi
if [ ${#window_times[@]} -gt 0 ]; then
    printf '  exec → first visible window (xdotool): %s ms median\n' \
        "$(printf '%s\n' "${window_times[@]}" | median)"
fi
if [ ${#peer_times[@]} -gt 0 ]; then
    printf '  peer %s, exec → first visible window: %s ms median, peak RSS %s MB\n' "$peer" \
        "$(printf '%s\n' "${peer_times[@]}" | median)" \
        "$(awk -v kb="$peer_rss" 'BEGIN { printf "%.1f", kb / 1024 }')"
elif [ -z "$peer" ]; then
    echo "  (no peer: neither xmessage nor xterm is installed)"
else
    echo "  (no peer timing: xdotool is not installed)"
fi

#!/usr/bin/env bash
# Vigil's benchmark command (issue 11). In one run, on this machine:
#   1. raw Jackson streaming parse vs `vigil analyze` of the same generated 1M-step file, and their throughput ratio;
#   2. `vigil analyze` of a >= 1 GiB generated file under -Xmx256m, with the peak heap from the GC log;
#   3. time per step for runs of 10, 100, 1,000, 10,000 and 100,000 steps (same total steps each);
#   4. start-up: `bin/vigil --version` and a 1-run analyze, with and without the AppCDS archive;
#   5. with --jmh: every JMH benchmark with -prof gc (steps/s and allocation per op);
#   6. with --profile: a JFR profile of (1) and its hottest methods.
# Figures go to stdout and to benchmarks/target/results/summary.txt; docs/performance.md explains them.
#
# Usage: benchmarks/run.sh [--quick] [--no-build] [--jmh] [--profile]
#   --quick     small sizes (100k-step file, 64 MiB big file, 20k steps per size): checks the script in ~2 minutes
#   --no-build  use the distribution and benchmark classes already built
# Environment: VIGIL_BENCH_SET="key=value,key=value" adds settings to every analysis (e.g. another classifier);
#   VIGIL_BENCH_SIZES="10 100 1000" limits the run lengths of section 3; VIGIL_BENCH_SCALING_TOTAL sets its steps per size.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
QUICK=0
BUILD=1
JMH=0
PROFILE=0
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --jmh) JMH=1 ;;
    --profile) PROFILE=1 ;;
    *) echo "usage: $0 [--quick] [--no-build] [--jmh] [--profile]" >&2; exit 2 ;;
  esac
done

RESULTS=$ROOT/benchmarks/target/results
WORK=${VIGIL_BENCH_WORK:-$ROOT/benchmarks/target/work}
mkdir -p "$RESULTS" "$WORK"
SUMMARY=$RESULTS/summary.txt
: >"$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }

if [ "$BUILD" = 1 ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl app-assembly,benchmarks -am package -DskipTests -Dspotless.check.skip=true)
fi
DIST=$(ls -d "$ROOT"/app-assembly/target/vigil-*/ | head -1)
VIGIL=$DIST/bin/vigil
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
BENCH_CP=$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")
LOGBACK=-Dlogback.configurationFile=$DIST/conf/logback.xml
SETS=()
IFS=',' read -r -a pairs <<<"${VIGIL_BENCH_SET:-}"
for pair in "${pairs[@]}"; do [ -n "$pair" ] && SETS+=(--set "$pair"); done
SIZES=${VIGIL_BENCH_SIZES:-10 100 1000 10000 100000}
[ "$QUICK" = 1 ] && SIZES=${VIGIL_BENCH_SIZES:-10 100 1000}

now() { date +%s.%N; }
calc() { awk "BEGIN {print $*}"; }
elapsed() { calc "$2 - $1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

if [ "$QUICK" = 1 ]; then
  RUNS_1M=1000; BIG_RUNS=1500; SCALING_TOTAL=20000
else
  RUNS_1M=10000; BIG_RUNS=25000; SCALING_TOTAL=200000
fi
SCALING_TOTAL=${VIGIL_BENCH_SCALING_TOTAL:-$SCALING_TOTAL}

say "# Vigil benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')),"\
" $(free -g 2>/dev/null | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
say "java: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
say "vigil: $("$VIGIL" --version)${VIGIL_BENCH_SET:+, settings: $VIGIL_BENCH_SET}"
say ""

# 1. Raw parse vs analyze, same file, one run of this script.
FILE_1M=$WORK/1m-steps.jsonl
"$VIGIL" generate --runs "$RUNS_1M" --steps 100 --seed 1 --out "$FILE_1M" >/dev/null
BYTES=$(stat -c %s "$FILE_1M")
STEPS_1M=$((RUNS_1M * 100))
RAW=$("$JAVA" -cp "$BENCH_CP" dev.vigil.benchmarks.RawJsonParse "$FILE_1M" 3 | sed -n 's/.*raw_parse_seconds=\([0-9.]*\).*/\1/p')
best_analyze=
for round in 1 2; do
  start=$(now)
  "$VIGIL" analyze "$FILE_1M" --report json --out "$WORK/1m-report.json" --no-progress ${SETS[@]+"${SETS[@]}"} >/dev/null \
    2>"$WORK/1m-analyze.log"
  t=$(elapsed "$start" "$(now)")
  if [ -z "$best_analyze" ] || [ "$(calc "($t < $best_analyze) ? 1 : 0")" = 1 ]; then best_analyze=$t; fi
done
RATIO=$(calc "$RAW / $best_analyze")
say "## 1. throughput on one generated file: $STEPS_1M steps, $((BYTES / 1000000)) MB"
say "$(printf 'raw Jackson parse (best of 3, every token): %.2f s = %.0f MB/s = %.0f steps/s' "$RAW" \
  "$(calc "$BYTES / 1000000 / $RAW")" "$(calc "$STEPS_1M / $RAW")")"
say "$(printf 'vigil analyze --report json (best of 2, JVM start included): %.2f s = %.0f MB/s = %.0f steps/s' \
  "$best_analyze" "$(calc "$BYTES / 1000000 / $best_analyze")" "$(calc "$STEPS_1M / $best_analyze")")"
say "$(printf 'ratio analyze/raw throughput: %.3f (target >= 0.70)' "$RATIO")"
say ""

# 2. A file of >= 1 GiB under -Xmx256m, peak heap from the GC log.
BIG=$WORK/big.jsonl
"$VIGIL" generate --runs "$BIG_RUNS" --steps 100 --seed 2 --out "$BIG" >/dev/null
BIG_BYTES=$(stat -c %s "$BIG")
GC_LOG=$RESULTS/big-gc.log
start=$(now)
set +e
JAVA_OPTS="-Xmx256m -Xlog:gc:file=$GC_LOG" "$VIGIL" analyze "$BIG" --report json --out "$WORK/big-report.json" \
  --no-progress ${SETS[@]+"${SETS[@]}"} >/dev/null 2>"$WORK/big-analyze.log"
BIG_EXIT=$?
set -e
BIG_T=$(elapsed "$start" "$(now)")
PEAK=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$GC_LOG" | sed 's/M->.*//' | sort -n | tail -1)
COMMITTED=$(grep -o '([0-9]*M)' "$GC_LOG" | tr -d '()M' | sort -n | tail -1)
say "## 2. bounded memory: $((BIG_BYTES / 1048576)) MiB file ($((BIG_RUNS * 100)) steps) under -Xmx256m"
say "$(printf 'exit %d in %.1f s (%.0f MB/s); peak heap used %s MiB (before a GC), heap committed at most %s MiB' \
  "$BIG_EXIT" "$BIG_T" "$(calc "$BIG_BYTES / 1000000 / $BIG_T")" "${PEAK:-?}" "${COMMITTED:-?}")"
say "GC log: $GC_LOG"
rm -f "$BIG" "$WORK/big-report.json"
say ""

# 3. Linear growth: same total steps, runs of different lengths, analysed in-process on a warm JVM.
say "## 3. time per step by run length ($SCALING_TOTAL steps each, $(nproc) threads, warm JVM)"
# shellcheck disable=SC2086 # SIZES is a word list
"$JAVA" -Xmx2g $LOGBACK "-Dvigil.bench.set=${VIGIL_BENCH_SET:-}" -cp "$BENCH_CP" dev.vigil.benchmarks.ScalingRun \
  "$WORK/scaling" "$SCALING_TOTAL" "$(nproc)" $SIZES 2>"$WORK/scaling.log" | tee -a "$SUMMARY"
say ""

# 4. Start-up, with and without the AppCDS archive the package phase builds.
SMALL=$ROOT/examples/traces/clean-run.jsonl
startup() {
  for i in 1 2 3 4 5 6 7; do
    start=$(now)
    "$@" >/dev/null 2>&1
    elapsed "$start" "$(now)"
  done | median
}
say "## 4. start-up (median of 7, wall time)"
for mode in cds no-cds; do
  if [ "$mode" = no-cds ] && [ -f "$DIST/lib/vigil.jsa" ]; then mv "$DIST/lib/vigil.jsa" "$WORK/vigil.jsa.off"; fi
  if [ "$mode" = cds ] && [ ! -f "$DIST/lib/vigil.jsa" ]; then say "(no lib/vigil.jsa: the package phase did not build one)"; fi
  say "$(printf '%-7s bin/vigil --version: %.2f s; bin/vigil analyze (1 run): %.2f s' "$mode" \
    "$(startup "$VIGIL" --version)" "$(startup "$VIGIL" analyze "$SMALL")")"
  if [ -f "$WORK/vigil.jsa.off" ]; then mv "$WORK/vigil.jsa.off" "$DIST/lib/vigil.jsa"; fi
done
say ""

# 5. JMH, with allocation rates.
if [ "$JMH" = 1 ]; then
  say "## 5. JMH (-prof gc)"
  (cd "$ROOT/benchmarks" && "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main -prof gc -rf text -rff "$RESULTS/jmh.txt" \
    -jvmArgsAppend "$LOGBACK -Dvigil.traces=$ROOT/../shared/traces" >"$RESULTS/jmh.log" 2>&1) || say "JMH failed: see $RESULTS/jmh.log"
  grep -E 'Benchmark|thrpt|gc.alloc.rate.norm' "$RESULTS/jmh.txt" | grep -v '·gc.count\|gc.time' | tee -a "$SUMMARY" || true
  say ""
fi

# 6. Where the time goes: a JFR profile of the 1M-step analyze.
if [ "$PROFILE" = 1 ]; then
  JFR=$RESULTS/analyze.jfr
  JAVA_OPTS="-XX:StartFlightRecording=filename=$JFR,settings=profile" "$VIGIL" analyze "$FILE_1M" --report json \
    --out "$WORK/1m-report.json" --no-progress ${SETS[@]+"${SETS[@]}"} >/dev/null 2>&1
  say "## 6. hottest methods (JFR execution samples, top frame, % of samples)"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jfr" print --events jdk.ExecutionSample "$JFR" \
    | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); top[$0]++; n++}
           END {for (m in top) printf "%5.1f%% %s\n", 100 * top[m] / n, m}' | sort -rn | head -25 | tee -a "$SUMMARY"
  say "JFR recording: $JFR"
fi
rm -f "$WORK/1m-report.json"
say "summary: $SUMMARY"

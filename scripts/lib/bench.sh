# shellcheck shell=bash
# What every scripts/bench-* shares: the build with the bench baselines, an embedded stack of its own on free ports
# (stopped and removed on exit), running one contender with its output and peak RSS kept, reading a JobBench
# contender's figures, and quiescing the stack.
# Source it after setting $root; it sets $enma, $work and bench_java, and starts the stack.
# ENMA_BENCH_KEEP=1 keeps $work (each contender's output and log, for finding where the time went);
# ENMA_BENCH_JAVA_OPTS, below, adds JVM options to the contenders.
# shellcheck source=jvm.sh
. "$root/scripts/lib/jvm.sh"
enma="$root/scripts/enma"
[ -x /usr/bin/time ] || { echo "installing GNU time (peak RSS) ..." >&2; apt-get install -y -q time >/dev/null; }

work="$(mktemp -d "/tmp/enma-$(basename "$0").XXXXXX")"
echo "building enma and the bench baselines ..." >&2
(cd "$root" && mvn -B -q -Pbench -DskipTests install -pl bench -am > "$work/build.log" 2>&1) || {
  echo "the build failed:" >&2; tail -n 30 "$work/build.log" >&2; exit 1; }
export ENMA_NO_BUILD=1
# shellcheck source=ports.sh
. "$root/scripts/lib/ports.sh"
export ENMA_HOME="$work/home" ENMA_DATA="$work/stack" ENMA_NAMESPACE=bench
export ENMA_STACK_ZK_PORT="$(free_port 22181)" ENMA_STACK_MONGO_PORT="$(free_port 27117)"
cleanup() {
  # the stack's own pid as the fallback: its data must not be removed under a running stack
  if ! "$enma" stack stop >/dev/null 2>&1; then
    local pid
    pid=$(sed -n 's/^pid=//p' "$ENMA_DATA/stack.properties" 2>/dev/null || true)
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
  fi
  if [ -n "${ENMA_BENCH_KEEP:-}" ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
"$enma" stack start >/dev/null

# The parallel collector: G1's concurrent marking would otherwise take CPU from the region server on a 2-core
# machine and slow the baselines (seen: the ceiling load at 80 s instead of 52 s).
# ENMA_BENCH_JAVA_OPTS adds options to the contenders' JVMs (e.g. -Dspark.eventLog.enabled=true
# -Dspark.eventLog.dir=file:/tmp/events, or a flight recording), to find where a contender's time went.
# shellcheck disable=SC2206
bench_java=(java "${enma_jvm_flags[@]}" -Xmx8g -XX:+UseParallelGC ${ENMA_BENCH_JAVA_OPTS:-} -cp "$root/bench/target/bench.jar")

run() { # name, command... ; leaves $work/NAME.{out,err,time}
  local name="$1"; shift
  echo "running $name ..." >&2
  /usr/bin/time -f "%M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    echo "$name failed:" >&2; tail -n 20 "$work/$name.err" >&2; exit 1; }
}
peak_rss_mb() { echo $(( $(tail -n 1 "$work/$1.time") / 1024 )); }
# A JobBench contender's figures from its NAME.out, or pooled over the JVMs it ran in (NAME.1, NAME.2 ...): cold the
# first JVM's, warm the median of all their warm runs, peak RSS the largest, count each distinct one (a/b if they
# differ). Scripts that time their contenders otherwise define their own seconds().
rounds() { local f; for f in "$work/$1.out" "$work/$1".[0-9].out; do if [ -f "$f" ]; then basename "$f" .out; fi; done; }
cold() { sed -n 's/^cold=\([0-9.]*\) .*/\1/p' "$work/$(rounds "$1" | head -n 1).out"; }
seconds() {
  for r in $(rounds "$1"); do sed -n 's/.* warm=\([0-9./]*\) .*/\1/p' "$work/$r.out" | tr / '\n'; done | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
count() {
  for r in $(rounds "$1"); do sed -n 's/.* count=\([0-9]*\)$/\1/p' "$work/$r.out"; done | sort -u | paste -sd /
}
peak() { for r in $(rounds "$1"); do peak_rss_mb "$r"; done | sort -n | tail -n 1; }
quiesce() { "${bench_java[@]}" org.enma.bench.Quiesce > /dev/null 2>&1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }   # a / b, two decimals

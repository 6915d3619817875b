# shellcheck shell=bash
# Builds cli/target/enma.jar (with lib/ and enma-jobs.jar beside it) when it is missing or older than the sources.
# Source it after setting $root; then call enma_build_if_stale.
enma_build_if_stale() {
  local jar="$root/cli/target/enma.jar"
  # Set by scripts that built already (scripts/lib/bench.sh): a source edited while a long run goes on must not
  # rebuild the jars under its running processes.
  [ -n "${ENMA_NO_BUILD:-}" ] && [ -f "$jar" ] && return 0
  # Any pom or source file newer than the jar means the jar is stale.
  if [ -f "$jar" ] && [ -f "$root/cli/target/enma-jobs.jar" ] && [ -z "$(find "$root" \
        \( -path "$root/enma-data" -o -path "$root/enma-cluster" \) -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "enma: Maven (mvn) is needed to build enma.jar; install it first" >&2; exit 1; }
  echo "enma: building enma.jar (first run or sources changed) ..." >&2
  if ! (cd "$root" && mvn -B -q -DskipTests -Dmaven.test.skip.exec=true package -pl cli -am >"$root/cli/build.log" 2>&1); then
    echo "enma: the build failed; see $root/cli/build.log" >&2
    tail -n 20 "$root/cli/build.log" >&2
    exit 1
  fi
  touch "$jar"
}

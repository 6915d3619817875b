# shellcheck shell=bash
# The flags of every JVM the scripts start: those Spark needs on Java 17 (docs/stack.md § JVM flags), then huge pages.
enma_jvm_flags=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)
# Transparent huge pages for the heap where the kernel offers them: a bulk load sorts and writes hundreds of MB of rows
# in key order, not in the order they were stored, and with 4 KB pages most of that walk was TLB misses (2 M rows:
# 13-14 s -> 11.6-12 s). Only where the kernel says [always] or [madvise]: elsewhere the JVM would print a warning.
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  enma_jvm_flags+=(-XX:+UseTransparentHugePages)
fi

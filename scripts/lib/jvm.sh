# shellcheck shell=bash
# The flags of every JVM the scripts start: those Spark needs on Java 17 (docs/stack.md § JVM flags).
enma_jvm_flags=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)
# No transparent huge pages (-XX:+UseTransparentHugePages), though they made a 2 M-row bulk load 13-14 s -> 11.6-12 s
# once: on this project's 2-core VM the kernel then spent 44 % of the CPU samples zeroing pages (clear_page_erms in
# perf, under the JVM's allocations and GC), and everything else got slower — a rollup of the demo's data 36-37 s
# (24 s of it system time) against 25 s (2.7 s), a month's scan 0.98/1.17 s against 0.85/0.89 s, OT101 1.27/1.21 s
# against 1.09/1.08 s, with one run in three of 1.5-2x the others. ENMA_JAVA_OPTS=-XX:+UseTransparentHugePages turns
# them on where they pay.

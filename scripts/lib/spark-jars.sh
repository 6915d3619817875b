# shellcheck shell=bash
# The jars of a stock Spark — the pom's Spark version, Spark's own jars and nothing of ENMA's — gathered from Maven
# Central by scripts/lib/spark-home/pom.xml: the cluster rig's Spark home, and the checks that ENMA runs on a stock
# Spark (check-spark-shell, check-spark-submit). Source it after setting $root.
spark_version() { sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/pom.xml" | head -1; }
gather_spark_jars() { # DIR LOG: the jars into DIR/jars, Maven's output into LOG
  (cd "$root" && mvn -B -q -f scripts/lib/spark-home/pom.xml -Dspark.version="$(spark_version)" -Dspark.home="$1" \
      package > "$2" 2>&1)
}

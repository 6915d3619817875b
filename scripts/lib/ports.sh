# shellcheck shell=bash
# free_port N: prints the first port from N on (up to N + 200) that nothing listens on at 127.0.0.1.
free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port near $1" >&2; exit 1
}

#!/usr/bin/env bash
# Slow clients (slowloris): 150 connections that send their request headers
# a few bytes at a time and never finish must not keep the server from
# answering others. Each holds a thread of its own (connection_threads.h),
# not one of a fixed pool; the per-read timeout closes those that stop.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"
command -v curl >/dev/null || { echo "SKIP: needs curl"; exit 0; }

expect_exit 0 U init
"$UNCOUNTED" --store "$WORK/store.db" --passphrase-file "$WORK/pass" serve --listen 127.0.0.1:0 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null; kill "$SLOW" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q '^http' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(head -n1 "$WORK/serve.out")
PORT=$(grep -o ':[0-9]*/' <<<"$URL" | tr -d ':/')
[ -n "$PORT" ] && ok || fail "the server did not start: $(cat "$WORK/serve.err")"

# 150 connections, each sending one header byte every 2 s for 30 s.
python3 - "$PORT" >"$WORK/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
conns = []
for _ in range(150):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    conns.append(s)
print("open", len(conns), flush=True)
end = time.time() + 30
while time.time() < end:
    alive = 0
    for s in conns:
        try:
            s.sendall(b"a")
            alive += 1
        except OSError:
            pass
    time.sleep(2)
print("alive at the end", alive, flush=True)
PY
SLOW=$!
for _ in $(seq 1 100); do grep -q '^open' "$WORK/slow.out" 2>/dev/null && break; sleep 0.1; done
expect_contains "$(cat "$WORK/slow.out")" "open 150" "150 slow connections are open"
sleep 3
answered=0
for _ in 1 2 3 4; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${URL}api/health")
  [ "$code" = 200 ] && answered=$((answered + 1))
  sleep 2
done
expect_eq "$answered" "4" "health checks answered while slow connections are open"
kill "$SLOW" 2>/dev/null
kill -TERM "$PID"
wait "$PID"
expect_eq "$?" "0" "stops cleanly"
finish

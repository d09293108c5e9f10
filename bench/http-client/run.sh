#!/bin/sh
# Runs the HTTP client benchmark against a throwaway nginx on loopback that answers every POST with 204.
# Usage: bench/http-client/run.sh [requests] [concurrency]
set -eu
cd "$(dirname "$0")/../.."
REQUESTS="${1:-5000}"
CONCURRENCY="${2:-32}"
PORT="${PORT:-8089}"
WORK="$(mktemp -d)"
trap 'kill "$(cat "$WORK/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$PORT;
        location / { return 204; }
    }
}
CONF

nginx -p "$WORK" -c "$WORK/nginx.conf" &
sleep 0.5
swift build -c release -j 1 --product mec-bench-client >/dev/null
"$(swift build -c release --show-bin-path)/mec-bench-client" "http://127.0.0.1:$PORT/" "$REQUESTS" "$CONCURRENCY"

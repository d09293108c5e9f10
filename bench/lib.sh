# Shared helpers for the benchmarks; sourced, not run.

# Starts `mec serve` on a free port with a fresh data directory; sets MEC_PID, MEC_URL, MEC_DATA.
start_mec() {
    local work=$1
    shift
    MEC_DATA="$work/data"
    "$ROOT/.build/release/mec" serve --data-dir "$MEC_DATA" --port 0 --log-level notice "$@" 2>"$work/mec.log" &
    MEC_PID=$!
    for _ in $(seq 1 100); do
        MEC_URL=$(sed -n 's/.*msg="mec host started".*url=\([^ ]*\).*/\1/p' "$work/mec.log" | head -n 1)
        [[ -n "$MEC_URL" ]] && return 0
        sleep 0.1
    done
    echo "mec did not start; log:" >&2
    cat "$work/mec.log" >&2
    return 1
}

stop_mec() {
    [[ -n "${MEC_PID:-}" ]] && kill -TERM "$MEC_PID" 2>/dev/null && wait "$MEC_PID" 2>/dev/null || true
}

# Writes an nginx configuration serving $2 (a directory) over HTTPS with the given cert and key; prints the port.
start_nginx() {
    local work=$1 root=$2 cert=$3 key=$4 ca=$5
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$work/nginx"
    # The workers run as an unprivileged user when started as root: let them reach the served files (only those;
    # mktemp -d makes the work directory 0700).
    chmod a+x "$work"
    chmod -R a+rX "$root"
    cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $(nproc);
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $cert;
        ssl_certificate_key $key;
        ssl_client_certificate $ca;
        ssl_verify_client optional;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $root;
        default_type application/json;
        location / { try_files \$uri =404; }
    }
}
CONF
    nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >/dev/null 2>&1
    for _ in $(seq 1 50); do
        curl -s -o /dev/null --cacert "$ca" "https://localhost:$port/" && break
        sleep 0.1
    done
    echo "$port"
}

stop_nginx() {
    local work=$1
    [[ -f "$work/nginx/nginx.pid" ]] && kill -QUIT "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
}

# Runs wrk and prints the requests per second.
wrk_rps() {
    local url=$1 seconds=$2 connections=$3
    wrk -t 2 -c "$connections" -d "${seconds}s" "$url" | awk '/Requests\/sec/ { print $2 }'
}

ratio() {
    python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else 'n/a')" "$1" "$2"
}

#!/usr/bin/env bash
# Smoke test of a TypeScript router Worker under `wrangler dev`, on loopback only.
#
# Usage: tests/export/smoke-wrangler-dev.sh [BUNDLE_FOLDER [API_PATH [URL_VAR]]]
#   BUNDLE_FOLDER  a folder with wrangler.toml (default: fixtures/positive/worker-ts)
#   API_PATH       a path the router forwards to the backend (default: /api/health)
#   URL_VAR        the [vars] entry that points the router at the backend (default: BACKEND_URL;
#                  for a Container route, the exporter's <CONTAINER>_URL dev override)
#
# A stub backend listens on a free 127.0.0.1 port; wrangler dev runs on another free port with
# URL_VAR overridden to the stub (--var), containers disabled (no Docker here), and a
# placeholder index.html when the assets folder does not exist. Passes when GET / serves that
# asset and GET API_PATH returns the stub's answer for API_PATH. Runs inside a private network
# namespace when the kernel allows one. Both processes are always stopped. Quiet on success.
# Exit 77 (skipped) when wrangler is not installed, unless CI=true.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
folder=$(cd "${1:-$here/fixtures/positive/worker-ts}" && pwd)
api_path="${2:-/api/health}"
url_var="${3:-BACKEND_URL}"
python=/usr/bin/python3

# Re-run inside a loopback-only network namespace when possible (root or user namespaces).
if [ -z "${SMOKE_INSIDE_NETNS:-}" ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
  for flags in "-n" "-r -n"; do
    # shellcheck disable=SC2086  # the flags are two fixed words
    if unshare $flags true 2>/dev/null; then
      # shellcheck disable=SC2016,SC2086
      exec unshare $flags env SMOKE_INSIDE_NETNS=1 bash -c 'ip link set lo up && exec "$@"' smoke \
        "$0" "$folder" "$api_path" "$url_var"
    fi
  done
fi

if [ ! -x "$here/tools/node_modules/.bin/wrangler" ]; then
  echo "smoke-wrangler-dev: wrangler is not installed (npm ci in tests/export/tools)" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77 # skipped, for ctest
fi
export PATH="$here/tools/node_modules/.bin:$PATH"

work=$(mktemp -d "${TMPDIR:-/tmp}/smoke-wrangler-dev.XXXXXX")
stub_pid=""
dev_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  # Only the two process groups this script started.
  if [ -n "$dev_pid" ]; then kill -TERM -- "-$dev_pid" 2>/dev/null; wait "$dev_pid" 2>/dev/null; fi
  if [ -n "$stub_pid" ]; then kill -TERM -- "-$stub_pid" 2>/dev/null; wait "$stub_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

for var in $(compgen -e); do
  case "$var" in CLOUDFLARE_* | CF_* | WRANGLER_*) unset "$var" ;; esac
done
export HOME="$work/home" XDG_CONFIG_HOME="$work/xdg-config" NO_COLOR=1 FORCE_COLOR=0
export WRANGLER_SEND_METRICS=false WRANGLER_HIDE_BANNER=true CLOUDFLARE_CF_FETCH_ENABLED=false
export WRANGLER_LOG_PATH="$work/logs"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# fetch URL: prints the body (exit 0) or the error (exit 1).
fetch() {
  "$python" - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
        sys.stdout.write(r.read().decode())
except Exception as e:
    print(e)
    sys.exit(1)
PY
}

die() {
  echo "smoke-wrangler-dev: $*" >&2
  if [ -f "$work/dev.log" ]; then sed 's/^/    /' "$work/dev.log" >&2; fi
  exit 1
}

copy="$work/bundle"
cp -a "$folder/." "$copy/"
ln -s "$here/tools/node_modules" "$copy/node_modules"
assets=$("$python" -c 'import sys, tomllib; print((tomllib.load(open(sys.argv[1], "rb")).get("assets") or {}).get("directory", ""))' "$copy/wrangler.toml")
[ -n "$assets" ] || die "wrangler.toml has no [assets] directory to serve /"
marker="stackplan-smoke-$RANDOM$RANDOM"
if [ ! -d "$copy/$assets" ]; then
  mkdir -p "$copy/$assets"
  printf '<!doctype html><title>%s</title>\n' "$marker" >"$copy/$assets/index.html"
else
  marker=$(head -c 200 "$copy/$assets/index.html")
fi

# Hyperdrive has no local emulation without a Postgres URL; nothing connects unless a route
# uses the database, so a placeholder is enough for the smoke test.
while IFS= read -r binding; do
  export "CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_$binding=postgres://smoke:smoke@127.0.0.1:9/smoke"
done < <("$python" -c 'import sys, tomllib
for h in tomllib.load(open(sys.argv[1], "rb")).get("hyperdrive", []):
    print(h["binding"])' "$copy/wrangler.toml")

backend_port=$(free_port)
setsid "$python" "$here/lib/stub_backend.py" "$backend_port" >"$work/stub.log" 2>&1 &
stub_pid=$!
dev_port=$(free_port)
(cd "$copy" && exec setsid wrangler dev --local --ip 127.0.0.1 --port "$dev_port" --enable-containers=false \
  --var "$url_var:http://127.0.0.1:$backend_port" --show-interactive-dev-session=false \
  --persist-to "$work/state" </dev/null >"$work/dev.log" 2>&1) &
dev_pid=$!

base="http://127.0.0.1:$dev_port"
for _ in $(seq 1 120); do
  if fetch "$base/" >"$work/root.html" 2>/dev/null; then break; fi
  kill -0 "$dev_pid" 2>/dev/null || die "wrangler dev exited before it was ready"
  sleep 0.25
done
fetch "$base/" >"$work/root.html" || die "GET / failed: $(cat "$work/root.html")"
grep -qF "$marker" "$work/root.html" || die "GET / did not serve the asset: $(head -c 300 "$work/root.html")"

api=$(fetch "$base$api_path") || die "GET $api_path failed: $api"
expected=$("$python" -c 'import json, sys; print(json.dumps({"stub": True, "path": sys.argv[1]}))' "$api_path")
[ "$api" = "$expected" ] || die "GET $api_path did not reach the stub backend: $api"
exit 0

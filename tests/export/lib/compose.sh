# Self-hosted checks (sourced by check-bundle.sh): docker-compose files with Compose v1 (cross
# references: services, volumes, env files, build paths) and dclint (today's compose-spec
# schema), and nginx.conf with `nginx -t` the way the nginx image will read it.
# shellcheck shell=bash disable=SC2154  # globals are set by check-bundle.sh

check_compose() {
  local file="$1" copy target
  copy=$(workcopy "$bundle")
  target="$copy/$(rel "$file")"
  # The user copies .env.example to .env before `docker compose up`; env_file needs it to exist.
  if [ -f "$(dirname "$target")/.env.example" ] && [ ! -e "$(dirname "$target")/.env" ]; then
    cp "$(dirname "$target")/.env.example" "$(dirname "$target")/.env"
  fi
  if have docker-compose; then
    expect_ok "docker-compose config" "$file" docker-compose -f "$target" config -q
  else
    missing_tool docker-compose "apt-get install --no-install-recommends docker-compose"
  fi
  if have dclint; then
    expect_clean "dclint" "$file" dclint -c "$here/dclint.json" "$target"
  else
    missing_tool dclint "run npm ci in tests/export/tools"
  fi
}

# nearest_compose DIR: the compose file in DIR or the closest folder above it in the bundle.
nearest_compose() {
  local dir="$1" name
  while :; do
    for name in docker-compose.yml docker-compose.yaml compose.yml compose.yaml; do
      if [ -f "$dir/$name" ]; then
        printf '%s' "$dir/$name"
        return
      fi
    done
    [ "$dir" = "$bundle" ] || [ "$dir" = / ] && return
    dir=$(dirname "$dir")
  done
}

# nginx -t resolves every upstream host. Inside a private mount and network namespace the
# compose service names (or, without a compose file, the hosts the file names) resolve to
# loopback through a private /etc/hosts, so a host that is not a service still fails. nginx's
# log and temp folders are swapped for scratch ones so that no root is needed where user
# namespaces are allowed. pid and user lines name things of the target image and are left out.
check_nginx() {
  local file="$1" copy target scratch compose conf
  if ! have nginx; then
    missing_tool nginx "apt-get install --no-install-recommends nginx"
    return
  fi
  local unshare_flags=(-m -n)
  case "$netns_mode" in
    root) ;;
    user) unshare_flags=(-r -m -n) ;;
    *)
      missing_tool nginx "nginx -t needs unshare (mount and network namespaces) to resolve upstream hosts"
      return
      ;;
  esac
  copy=$(workcopy "$bundle")
  target="$copy/$(rel "$file")"
  scratch=$(mktemp -d "$work/nginx.XXXXXX")
  mkdir -p "$scratch/log" "$scratch/lib"

  local names
  compose=$(nearest_compose "$(dirname "$file")")
  if [ -n "$compose" ]; then
    names=$("$python" "$here/lib/bundle_info.py" compose-services "$compose" 2>/dev/null)
  else
    names=$("$python" "$here/lib/bundle_info.py" nginx-hosts "$file" 2>/dev/null)
  fi
  printf '127.0.0.1 localhost %s\n' "$(printf '%s' "$names" | tr '\n' ' ')" >"$scratch/hosts"

  # The file is /etc/nginx/nginx.conf in the image: relative includes resolve next to it.
  local extra
  for extra in mime.types fastcgi_params scgi_params uwsgi_params; do
    if [ -f "/etc/nginx/$extra" ] && [ ! -e "$(dirname "$target")/$extra" ]; then
      cp "/etc/nginx/$extra" "$(dirname "$target")/$extra"
    fi
  done
  sed -i -E '/^[[:space:]]*(pid|user)[[:space:]]/d' "$target"
  conf="$target"
  if ! grep -Eq '^[[:space:]]*http[[:space:]]*\{' "$target"; then
    # A server-level file (conf.d/default.conf) is included inside http by the image.
    conf="$scratch/main.conf"
    printf 'events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include "%s";\n}\n' \
      "$target" >"$conf"
  fi
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  expect_ok "nginx -t" "$file" unshare "${unshare_flags[@]}" sh -c '
    ip link set lo up &&
    mount --bind "$1/hosts" /etc/hosts &&
    { [ ! -d /var/log/nginx ] || mount --bind "$1/log" /var/log/nginx; } &&
    { [ ! -d /var/lib/nginx ] || mount --bind "$1/lib" /var/lib/nginx; } &&
    exec nginx -t -q -e stderr -g "pid $1/nginx.pid; user root root;" -c "$2"' nginx-check \
    "$scratch" "$conf"
}

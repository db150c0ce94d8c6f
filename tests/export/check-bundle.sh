#!/usr/bin/env bash
# Checks an exported deployment bundle with each platform's real tools, offline.
#
# Usage: tests/export/check-bundle.sh BUNDLE_DIR
#
# Every file in the bundle is checked by kind (see README.md next to this script). Quiet when
# everything passes (exit 0). Each problem is printed as "FAIL <file> [<tool>]: ..." followed by
# the tool's own output, and the exit status is 1. Exit 2 means bad usage.
# A missing tool fails the run when CI=true; otherwise it is skipped with a loud notice.
# CHECK_BUNDLE_TIMES=1 prints the time of each check. The bundle itself is never modified:
# tools that write (wrangler, docker-compose with .env, nginx) run on private copies.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 BUNDLE_DIR" >&2
  exit 2
fi
bundle=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tools="$here/tools"
repo_root=$(cd "$here/../.." && pwd)
shared_schemas="${STACKPLAN_SHARED_SCHEMAS:-$repo_root/../shared/schemas}"
python=/usr/bin/python3
# Scratch space for copies, logs and configs; always removed.
work=$(mktemp -d "${TMPDIR:-/tmp}/check-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT

# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/cloudflare.sh
source "$here/lib/cloudflare.sh"
# shellcheck source=lib/compose.sh
source "$here/lib/compose.sh"
# shellcheck source=lib/gcloud.sh
source "$here/lib/gcloud.sh"

seal_environment
detect_netns

if [ ! -x "$tools/node_modules/.bin/node" ]; then
  missing_tool "npm tools" "tests/export/tools/node_modules is not installed (run npm ci there)"
fi
if ! [ -x "$python" ]; then
  missing_tool python3 "$python is missing"
fi

check_file() {
  local file="$1" name
  name=$(basename "$file")
  case "$name" in
    wrangler.toml) check_wrangler_folder "$file" ;;
    docker-compose.yml | docker-compose.yaml | compose.yml | compose.yaml) check_compose "$file" ;;
    nginx.conf | *.nginx.conf) check_nginx "$file" ;;
    service.yaml | service.yml) check_service_yaml "$file" ;;
    fly.toml) schema_check "$shared_schemas/fly.json" "$file" ;;
    render.yaml | render.yml) schema_check "$here/schemas/render-blueprint.schema.json" "$file" ;;
    railway.json | railway.toml) schema_check "$here/schemas/railway.schema.json" "$file" ;;
    deploy.sh) check_deploy_script "$file" ;;
  esac
  case "$name" in
    Dockerfile | Dockerfile.* | *.Dockerfile | *.dockerfile)
      if have dockerfile-utils; then
        expect_clean "dockerfile-utils lint" "$file" dockerfile-utils lint "$file"
      else
        missing_tool dockerfile-utils "run npm ci in tests/export/tools"
      fi
      ;;
    *.yml | *.yaml)
      if have yamllint; then
        expect_clean "yamllint" "$file" yamllint -f parsable -c "$here/yamllint.yml" "$file"
      else
        missing_tool yamllint "apt-get install yamllint"
      fi
      ;;
    *.json) expect_clean "JSON syntax" "$file" "$python" "$here/lib/bundle_info.py" json "$file" ;;
    *.toml) expect_clean "TOML syntax" "$file" "$python" "$here/lib/bundle_info.py" toml "$file" ;;
    *.sh) check_shell "$file" ;;
    *.py) expect_clean "py_compile" "$file" "$python" -m py_compile "$file" ;;
    .env.example | *.env.example)
      expect_clean ".env syntax" "$file" "$python" "$here/lib/bundle_info.py" env-example "$file"
      ;;
  esac
}

found=0
while IFS= read -r -d '' file; do
  found=$((found + 1))
  check_file "$file"
done < <(find "$bundle" \( -name node_modules -o -name .git -o -name .wrangler \) -prune \
  -o -type f -print0 | sort -z)

if [ "$found" -eq 0 ]; then
  fail "$bundle" "check-bundle" "the bundle has no files"
fi
if [ "$failures" -gt 0 ]; then
  printf 'check-bundle: %d problem(s) in %s\n' "$failures" "$bundle" >&2
  exit 1
fi
exit 0

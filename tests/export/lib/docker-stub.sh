#!/usr/bin/env bash
# Stands in for the Docker CLI while `wrangler deploy --dry-run` prepares a Container image
# (WRANGLER_DOCKER_BIN). wrangler calls `info`, `build ... -f - CONTEXT` with the Dockerfile on
# stdin, and `image rm`. The build is replaced by what can be checked offline: the Dockerfile
# must lint clean with dockerfile-utils and the build context must exist.
set -uo pipefail

if [ "${1:-}" != build ]; then
  exit 0
fi
context="${*: -1}"
mkdir -p "$DOCKER_STUB_DIR"
dockerfile=$(mktemp "$DOCKER_STUB_DIR/Dockerfile.XXXXXX")
cat >"$dockerfile"
if [ ! -d "$context" ]; then
  echo "docker build (stub): build context not found: $context" >&2
  exit 1
fi
findings=$(dockerfile-utils lint "$dockerfile" 2>&1)
if [ -n "${findings//[[:space:]]/}" ]; then
  printf 'dockerfile-utils on the Dockerfile for %s:\n%s\n' "$context" "$findings" >&2
  exit 1
fi
exit 0

#!/usr/bin/env bash
# Proves check-bundle.sh both ways: every bundle in fixtures/positive passes with no output, and
# every mutation in fixtures/negative makes it fail with the messages the mutation expects.
#
# Usage: tests/export/run-fixtures.sh [NAME...]   (names of positive bundles or negative
# mutations; all of them by default). Runs with CI=true, so a missing tool is a failure.
# A negative mutation is a bash snippet run inside a copy of its base positive bundle:
#   # base: <positive bundle>
#   # expect: <text that must appear in check-bundle's output>   (one or more)
# The FAIL lines in the output must be exactly as many as the mutation's "expect: FAIL" lines,
# so a mutation proves one check and disturbs no other.
# When a tool is missing: exit 77 (skipped, for ctest), or 1 under CI=true.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
check="$here/check-bundle.sh"
positive="$here/fixtures/positive"
negative="$here/fixtures/negative"

missing=()
[ -x "$here/tools/node_modules/.bin/node" ] || missing+=("npm tools (npm ci in tests/export/tools)")
for tool in docker-compose nginx yamllint shellcheck gcloud unshare ip; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
/usr/bin/python3 -c 'import yaml' 2>/dev/null || missing+=("python3-yaml")
if command -v unshare >/dev/null && ! unshare -n true 2>/dev/null && ! unshare -r -n true 2>/dev/null; then
  missing+=("network namespaces (unshare -n or unshare -r -n) for nginx -t")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'run-fixtures: missing: %s\n' "${missing[@]}" >&2
  if [ "${CI:-}" = true ]; then
    exit 1
  fi
  echo "run-fixtures: skipped (set CI=true to make missing tools a failure)" >&2
  exit 77
fi
export CI=true

scratch=$(mktemp -d "${TMPDIR:-/tmp}/run-fixtures.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
problems=0

bad() {
  problems=$((problems + 1))
  printf 'run-fixtures: %s\n' "$*" >&2
}

run_positive() {
  local name="$1" output status
  output=$("$check" "$positive/$name" 2>&1)
  status=$?
  if [ "$status" -ne 0 ] || [ -n "$output" ]; then
    bad "positive bundle '$name' did not pass quietly (exit $status):"
    printf '%s\n' "$output" | sed 's/^/    /' >&2
  fi
}

run_negative() {
  local name="$1" script="$negative/$1.sh" base copy output status expected
  base=$(sed -n 's/^# base: //p' "$script")
  if [ -z "$base" ] || [ ! -d "$positive/$base" ]; then
    bad "negative '$name' names no valid '# base:' bundle"
    return
  fi
  copy="$scratch/$name"
  cp -a "$positive/$base" "$copy"
  if ! (cd "$copy" && bash -e "$script"); then
    bad "negative '$name': the mutation script failed"
    return
  fi
  if diff -r -q "$positive/$base" "$copy" >/dev/null; then
    bad "negative '$name': the mutation changed nothing"
    return
  fi
  output=$("$check" "$copy" 2>&1)
  status=$?
  if [ "$status" -ne 1 ]; then
    bad "negative '$name' should fail with exit 1 but exited $status:"
    printf '%s\n' "$output" | sed 's/^/    /' >&2
    return
  fi
  local wanted found
  while IFS= read -r expected; do
    if ! grep -qF -- "$expected" <<<"$output"; then
      bad "negative '$name': output lacks: $expected"
      printf '%s\n' "$output" | sed 's/^/    /' >&2
    fi
  done < <(sed -n 's/^# expect: //p' "$script")
  wanted=$(grep -c '^# expect: FAIL ' "$script")
  found=$(grep -c '^FAIL ' <<<"$output")
  if [ "$found" -ne "$wanted" ]; then
    bad "negative '$name': $found checks failed, expected $wanted:"
    grep '^FAIL ' <<<"$output" | sed 's/^/    /' >&2
  fi
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for dir in "$positive"/*/; do names+=("$(basename "$dir")"); done
  for file in "$negative"/*.sh; do names+=("$(basename "$file" .sh)"); done
fi
for name in "${names[@]}"; do
  if [ -d "$positive/$name" ]; then
    run_positive "$name"
  elif [ -f "$negative/$name.sh" ]; then
    run_negative "$name"
  else
    bad "no fixture named '$name'"
  fi
done

if [ "$problems" -gt 0 ]; then
  printf 'run-fixtures: %d problem(s) in %d fixture(s)\n' "$problems" "${#names[@]}" >&2
  exit 1
fi
printf 'run-fixtures: %d fixture(s) behaved as expected\n' "${#names[@]}"

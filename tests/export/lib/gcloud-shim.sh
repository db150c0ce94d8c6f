#!/usr/bin/env bash
# Installed as `gcloud` on PATH while check-bundle.sh runs a bundle's deploy.sh. Runs the real
# gcloud (REAL_GCLOUD), which parses the command line and its files before it asks for an
# account; with no account configured that request means the command was accepted. Every call
# is logged to GCLOUD_SHIM_LOG as "OK ..." or "FAILED ..." followed by gcloud's messages.
set -uo pipefail

errors_file=$(mktemp)
output=$("$REAL_GCLOUD" "$@" 2>"$errors_file")
status=$?
errors=$(cat "$errors_file")
rm -f "$errors_file"

if [ "$status" -eq 0 ]; then
  printf 'OK gcloud %s\n' "$*" >>"$GCLOUD_SHIM_LOG"
  [ -z "$output" ] || printf '%s\n' "$output"
  exit 0
fi
if grep -qF 'You do not currently have an active account selected' <<<"$errors"; then
  printf 'OK gcloud %s\n' "$*" >>"$GCLOUD_SHIM_LOG"
  exit 0
fi
printf 'FAILED gcloud %s\n%s\n%s\n' "$*" "$output" "$errors" >>"$GCLOUD_SHIM_LOG"
printf '%s\n' "$errors" >&2
exit "$status"

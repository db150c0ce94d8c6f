#!/usr/bin/env bash
# Runs check-bundle.sh on every golden bundle (tests/data/bundles/PROJECT/OPTION): the files
# test_export proves `stackplan export` writes byte for byte, checked by each platform's real
# tool. Prints one line per failing bundle, then each problem; exits 1 if any failed.
# Exit 77 (skipped) when the tools are not installed, unless CI=true.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
goldens="$here/../data/bundles"
if [ ! -x "$here/tools/node_modules/.bin/wrangler" ]; then
  echo "check-goldens: the npm tools are not installed (npm ci in tests/export/tools)" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
failed=0
count=0
for bundle in "$goldens"/*/*/; do
  count=$((count + 1))
  if ! out=$("$here/check-bundle.sh" "$bundle" 2>&1); then
    failed=$((failed + 1))
    echo "FAILED ${bundle#"$goldens"/}"
    printf '%s\n' "$out" | sed 's/^/  /'
  fi
done
[ "$count" -gt 0 ] || { echo "check-goldens: no bundles under $goldens" >&2; exit 1; }
echo "check-goldens: $((count - failed)) of $count bundles pass every check"
[ "$failed" -eq 0 ]

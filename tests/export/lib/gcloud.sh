# Google Cloud Run checks (sourced by check-bundle.sh). gcloud parses service.yaml into its
# protobuf and checks a command's flags before it looks for credentials, so with an empty config
# "You do not currently have an active account selected" means the input was accepted.
# shellcheck shell=bash disable=SC2154  # globals are set by check-bundle.sh

no_account='You do not currently have an active account selected'
check_project=stackplan-offline-check

check_service_yaml() {
  local file="$1"
  schema_check "$shared_schemas/cloud-run-v1.json" "$file"
  if ! have gcloud; then
    missing_tool gcloud "google-cloud-cli is not installed"
    return
  fi
  timed "gcloud run services replace" "$file" \
    offline gcloud run services replace "$file" --project "$check_project" --region us-central1
  if ! grep -qF "$no_account" <<<"$out"; then
    fail "$file" "gcloud run services replace" "gcloud did not accept the service" "$out"
  fi
}

# deploy.sh runs for real, in a copy of the bundle, with every deploying command shimmed: gcloud
# goes through a wrapper around the real one that logs each call and turns only the
# no-account error into success; docker and the other clients are no-ops. PROJECT_ID and
# CLOUDSDK_CORE_PROJECT name a project that cannot exist.
check_deploy_script() {
  local file="$1" copy target shims log
  if ! have gcloud; then
    missing_tool gcloud "google-cloud-cli is not installed"
    return
  fi
  copy=$(workcopy "$bundle")
  target="$copy/$(rel "$file")"
  shims=$(mktemp -d "$work/shims.XXXXXX")
  log="$shims.log"
  : >"$log"
  local tool
  for tool in docker podman curl wget npm npx wrangler flyctl fly railway render git \
    kubectl ssh scp rsync gsutil bq terraform open xdg-open; do
    printf '#!/bin/sh\nexit 0\n' >"$shims/$tool"
    chmod +x "$shims/$tool"
  done
  cp "$here/lib/gcloud-shim.sh" "$shims/gcloud"
  timed "deploy.sh with gcloud" "$file" offline env \
    PATH="$shims:$PATH" REAL_GCLOUD="$(command -v gcloud)" GCLOUD_SHIM_LOG="$log" \
    PROJECT_ID="$check_project" CLOUDSDK_CORE_PROJECT="$check_project" \
    timeout 300 bash "$target"
  if grep -q '^FAILED' "$log"; then
    fail "$file" "deploy.sh with gcloud" "gcloud rejected a command (script exit $rc)" \
      "$(sed -n '/^FAILED/,$p' "$log")"
  elif [ "$rc" -ne 0 ]; then
    fail "$file" "deploy.sh with gcloud" "the script failed (exit $rc)" "$out"
  elif [ -f "$(dirname "$file")/service.yaml" ] && ! grep -q '^OK' "$log"; then
    fail "$file" "deploy.sh with gcloud" "the script next to service.yaml never called gcloud" "$out"
  fi
}

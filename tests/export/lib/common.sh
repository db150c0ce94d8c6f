# Shared by check-bundle.sh and its per-target modules (sourced, not run): reporting, the
# sealed tool environment and the offline wrapper. Every function reports through fail() or
# missing_tool() so the caller can run all checks and exit once with a count.
# shellcheck shell=bash disable=SC2154  # globals are set by check-bundle.sh

failures=0
declare -A skipped_tools=()

# rel FILE: the path as the user knows it, relative to the bundle.
rel() {
  local path="$1"
  if [ "$path" = "$bundle" ]; then
    printf '.'
  else
    printf '%s' "${path#"$bundle"/}"
  fi
}

# fail FILE TOOL MESSAGE [OUTPUT]: one problem, named by file and tool, with the tool's output.
fail() {
  local file="$1" tool="$2" message="$3" output="${4:-}"
  failures=$((failures + 1))
  printf 'FAIL %s [%s]: %s\n' "$(rel "$file")" "$tool" "$message" >&2
  if [ -n "$output" ]; then
    printf '%s\n' "$output" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/    /' >&2
  fi
}

# missing_tool TOOL WHY: a failure under CI=true, otherwise one loud skip notice per tool.
missing_tool() {
  local tool="$1" why="$2"
  if [ "${CI:-}" = true ]; then
    fail "$bundle" "$tool" "required tool is missing (CI=true): $why"
  elif [ -z "${skipped_tools[$tool]:-}" ]; then
    skipped_tools[$tool]=1
    printf '!!! SKIPPED every %s check: %s (set CI=true to make this a failure)\n' "$tool" "$why" >&2
  fi
}

# have COMMAND: is it on PATH (tools/node_modules/.bin comes first)?
have() {
  command -v "$1" >/dev/null 2>&1
}

# timed LABEL FILE COMMAND...: runs COMMAND, keeps its combined output in $out and its exit
# status in $rc, and with CHECK_BUNDLE_TIMES=1 prints how long it took.
timed() {
  local label="$1" file="$2"
  shift 2
  local start end
  start=$(date +%s%N)
  out=$("$@" 2>&1)
  rc=$?
  end=$(date +%s%N)
  if [ "${CHECK_BUNDLE_TIMES:-}" = 1 ]; then
    printf 'time %6.2fs %-18s %s\n' "$(((end - start) / 1000000))e-3" "$label" "$(rel "$file")" >&2
  fi
  return 0
}

# expect_clean LABEL FILE COMMAND...: the command must exit 0 and print nothing.
expect_clean() {
  local label="$1" file="$2"
  timed "$@"
  if [ "$rc" -ne 0 ] || [ -n "${out//[[:space:]]/}" ]; then
    fail "$file" "$label" "reported problems (exit $rc)" "$out"
  fi
}

# expect_ok LABEL FILE COMMAND...: the command must exit 0 (its output is shown on failure).
expect_ok() {
  local label="$1" file="$2"
  timed "$@"
  if [ "$rc" -ne 0 ]; then
    fail "$file" "$label" "failed (exit $rc)" "$out"
  fi
}

# The tools see a throw-away home and config, no cloud credentials and no telemetry, so a check
# never deploys, logs in or phones home, and never reads the developer's own settings.
seal_environment() {
  local var
  for var in $(compgen -e); do
    case "$var" in
      CLOUDSDK_PYTHON) ;; # which python gcloud runs on, not a credential
      CLOUDFLARE_* | CF_* | WRANGLER_* | CLOUDSDK_* | GOOGLE_* | GCLOUD_* | FLY_* | RENDER_* | RAILWAY_*)
        unset "$var" ;;
    esac
  done
  mkdir -p "$work/home" "$work/xdg-config" "$work/wrangler-logs" "$work/gcloud"
  export HOME="$work/home" XDG_CONFIG_HOME="$work/xdg-config"
  export PATH="$tools/node_modules/.bin:$PATH"
  export NO_COLOR=1 FORCE_COLOR=0
  export WRANGLER_SEND_METRICS=false WRANGLER_HIDE_BANNER=true CLOUDFLARE_CF_FETCH_ENABLED=false
  export WRANGLER_LOG_PATH="$work/wrangler-logs"
  export CLOUDSDK_CONFIG="$work/gcloud" CLOUDSDK_CORE_DISABLE_PROMPTS=1
  export CLOUDSDK_CORE_CHECK_GCE_METADATA=false CLOUDSDK_CORE_DISABLE_USAGE_REPORTING=true
  export CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=true
  export PYTHONDONTWRITEBYTECODE=1 PYTHONPYCACHEPREFIX="$work/pycache"
}

# A private network namespace with only loopback, when the kernel lets us make one (root, or an
# unprivileged user namespace): proof that nothing reaches the network. Without one the tools
# still stay off the network through the environment above.
netns_mode=none
detect_netns() {
  have unshare && have ip || return 0
  if unshare -n true 2>/dev/null; then
    netns_mode=root
  elif unshare -r -n true 2>/dev/null; then
    netns_mode=user
  fi
}

# offline COMMAND...: runs COMMAND in the loopback-only namespace when there is one.
offline() {
  case "$netns_mode" in
    root) unshare -n sh -c 'ip link set lo up && exec "$@"' offline "$@" ;;
    user) unshare -r -n sh -c 'ip link set lo up && exec "$@"' offline "$@" ;;
    *) "$@" ;;
  esac
}

# workcopy DIR: a private copy of DIR in the scratch area (tools write next to their inputs);
# prints its path.
workcopy() {
  local dest
  dest=$(mktemp -d "$work/copy.XXXXXX")
  cp -a "$1/." "$dest/"
  printf '%s' "$dest"
}

# schema_check SCHEMA FILE [LABEL]: one of the JSON schema checks, through validate.mjs (ajv).
schema_check() {
  local schema="$1" file="$2" label="${3:-}"
  if [ -z "$label" ]; then
    label=$(basename "$schema")
    label="${label%.json}"
    label="${label%.schema} schema"
  fi
  if ! have node || [ ! -d "$tools/node_modules/ajv" ]; then
    missing_tool ajv "run npm ci in tests/export/tools"
  elif [ ! -f "$schema" ]; then
    missing_tool "$(basename "$schema")" "not found at $schema"
  else
    expect_clean "$label" "$file" node "$here/validate.mjs" "$schema" "$file"
  fi
}

check_shell() {
  local file="$1"
  expect_clean "bash -n" "$file" bash -n "$file"
  if have shellcheck; then
    expect_clean "shellcheck" "$file" shellcheck --norc "$file"
  else
    missing_tool shellcheck "apt-get install shellcheck"
  fi
}

# Cloudflare checks for one folder holding a wrangler.toml (sourced by check-bundle.sh):
# wrangler's own JSON schema, then either the Worker path (deploy --dry-run with a Docker stub,
# wrangler types + tsc for TypeScript) or the Pages path (Pages config validation, Functions
# build). Every wrangler run happens in a private copy of the folder.
# shellcheck shell=bash disable=SC2154  # globals are set by check-bundle.sh

# has_warnings OUTPUT: did wrangler print a "▲ [WARNING]"? The checks treat one as a failure
# (an unknown key such as [[kv_namespace]] is only a warning to wrangler).
has_warnings() {
  printf '%s\n' "$1" | sed -e 's/\x1b\[[0-9;]*m//g' | grep -qF '[WARNING]'
}

# wrangler_step LABEL FILE COMMAND...: the command must pass and print no wrangler warning.
wrangler_step() {
  local label="$1" file="$2"
  timed "$@"
  if [ "$rc" -ne 0 ]; then
    fail "$file" "$label" "failed (exit $rc)" "$out"
    return 1
  fi
  if has_warnings "$out"; then
    fail "$file" "$label" "wrangler printed warnings" "$out"
    return 1
  fi
  return 0
}

# ensure_dir COPY DIR: creates a build output the user would build (assets, Pages output).
ensure_dir() {
  local copy="$1" dir="$2"
  if [ -n "$dir" ] && [ ! -d "$copy/$dir" ]; then
    mkdir -p "$copy/$dir"
    printf '<!doctype html><title>placeholder</title>\n' >"$copy/$dir/index.html"
  fi
}

# typecheck FILE COPY: generates the Env interface from wrangler.toml and type-checks the
# sources against it and @cloudflare/workers-types, so a binding name used in the code but
# missing from wrangler.toml is a compile error.
typecheck() {
  local file="$1" copy="$2"
  local flags=(--include-runtime=false --strict-vars=false)
  if [ ! -f "$copy/tsconfig.json" ]; then
    fail "$file" "tsc" "the Worker is TypeScript but there is no tsconfig.json next to wrangler.toml"
    return
  fi
  if [ -f "$copy/worker-configuration.d.ts" ]; then
    wrangler_step "wrangler types --check" "$(dirname "$file")/worker-configuration.d.ts" \
      offline_in "$copy" wrangler types --check "${flags[@]}" || return
  fi
  wrangler_step "wrangler types" "$file" offline_in "$copy" wrangler types "${flags[@]}" || return
  expect_ok "tsc" "$(dirname "$file")/tsconfig.json" tsc -p "$copy/tsconfig.json" --noEmit
}

# offline_in DIR COMMAND...: offline COMMAND with DIR as the working directory, stdin closed.
offline_in() {
  local dir="$1"
  shift
  (cd "$dir" && offline "$@" </dev/null)
}

check_worker() {
  local file="$1" copy="$2" main="$3" assets="$4"
  ensure_dir "$copy" "$assets"
  # Containers built from a Dockerfile go through the stub, which lints the Dockerfile wrangler
  # hands it and checks the build context exists: there is no Docker engine to build with.
  wrangler_step "wrangler deploy --dry-run" "$file" \
    offline_in "$copy" env WRANGLER_DOCKER_BIN="$here/lib/docker-stub.sh" DOCKER_STUB_DIR="$copy.docker" \
    wrangler deploy --dry-run --outdir "$copy.out"
  case "$main" in
    *.ts | *.mts | *.tsx) typecheck "$file" "$copy" ;;
  esac
}

# Pages has no dry run. `wrangler pages deploy` validates the Pages configuration first and only
# then asks for credentials; with none present, that request is the pass signal.
check_pages() {
  local file="$1" copy="$2" output_dir="$3" name="$4"
  ensure_dir "$copy" "$output_dir"
  timed "wrangler pages deploy" "$file" \
    offline_in "$copy" wrangler pages deploy "$output_dir" --project-name "${name:-stackplan-check}"
  if ! grep -q "necessary to set a CLOUDFLARE_API_TOKEN" <<<"$out"; then
    fail "$file" "wrangler pages deploy" "the Pages configuration was not accepted" "$out"
  elif has_warnings "$out"; then
    fail "$file" "wrangler pages deploy" "wrangler printed warnings" "$out"
  fi
  if [ -d "$copy/functions" ]; then
    wrangler_step "wrangler pages functions build" "$(dirname "$file")/functions" \
      offline_in "$copy" wrangler pages functions build --outdir "$copy.out"
  fi
  if [ -f "$copy/tsconfig.json" ]; then
    typecheck "$file" "$copy"
  fi
}

check_wrangler_folder() {
  local file="$1" dir
  dir=$(dirname "$file")
  if ! have wrangler || ! have tsc; then
    missing_tool wrangler "run npm ci in tests/export/tools"
    return
  fi
  schema_check "$tools/node_modules/wrangler/config-schema.json" "$file" "wrangler schema"
  if [ -f "$dir/package.json" ]; then
    expect_clean "package.json pins" "$dir/package.json" \
      "$python" "$here/lib/bundle_info.py" pins "$dir/package.json" "$tools/package.json"
  fi

  local fields=() field main assets pages name copy
  while IFS= read -r -d '' field; do fields+=("$field"); done \
    < <("$python" "$here/lib/bundle_info.py" wrangler "$file" 2>/dev/null)
  if [ "${#fields[@]}" -ne 4 ]; then
    return # not TOML: the TOML check reports it
  fi
  main="${fields[0]}" assets="${fields[1]}" pages="${fields[2]}" name="${fields[3]}"

  copy=$(workcopy "$dir")
  [ -e "$copy/node_modules" ] || ln -s "$tools/node_modules" "$copy/node_modules"
  # wrangler reads .env and .dev.vars from its folder, credentials included: a local file must
  # neither log the check in nor change the generated types.
  find "$copy" -maxdepth 1 \( -name .env -o -name '.env.*' -o -name '.dev.vars*' \) \
    ! -name .env.example -delete
  if [ -n "$pages" ]; then
    check_pages "$file" "$copy" "$pages" "$name"
  else
    check_worker "$file" "$copy" "$main" "$assets"
  fi
}

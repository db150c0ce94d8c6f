#!/usr/bin/python3
"""Small parsers for check-bundle.sh, run with Debian's /usr/bin/python3 (stdlib + PyYAML).

Subcommands (exit 0 = fine, 1 = a problem in the input, printed as "FILE: message"):
  json FILE...            strict JSON: syntax errors and duplicate keys fail
  toml FILE...            TOML syntax (tomllib)
  env-example FILE...     KEY=VALUE / comment / blank lines only, as docker-compose reads them
  wrangler FILE           prints main, assets directory, Pages output dir and name, NUL-separated
  compose-services FILE   prints the service names of a compose file, one per line
  nginx-hosts FILE        prints the host names nginx.conf proxies to, one per line
  pins BUNDLE_PKG TOOLS_PKG
                          every tool the bundle's package.json pins must be the version the
                          checks ran (exact, or ^/~ of it)
"""
import json
import re
import sys
import tomllib

import yaml


def problem(path, message):
    print(f"{path}: {message}")
    return 1


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def check_json(paths):
    worst = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                json.load(f, object_pairs_hook=no_duplicates)
        except (ValueError, UnicodeDecodeError) as e:
            worst = problem(path, f"invalid JSON: {e}")
    return worst


def check_toml(paths):
    worst = 0
    for path in paths:
        try:
            with open(path, "rb") as f:
                tomllib.load(f)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            worst = problem(path, f"invalid TOML: {e}")
    return worst


ENV_LINE = re.compile(r"^(#.*|[A-Za-z_][A-Za-z0-9_]*=.*|\s*)$")


def check_env_example(paths):
    worst = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not ENV_LINE.match(line.rstrip("\n")):
                    worst = problem(path, f"line {number}: not KEY=VALUE, a comment or blank")
    return worst


def wrangler_fields(path):
    with open(path, "rb") as f:
        config = tomllib.load(f)
    assets = config.get("assets") or {}
    fields = [
        config.get("main", ""),
        assets.get("directory", "") if isinstance(assets, dict) else "",
        config.get("pages_build_output_dir", ""),
        config.get("name", ""),
    ]
    sys.stdout.write("".join(f"{field}\0" for field in fields))
    return 0


def compose_services(path):
    with open(path, encoding="utf-8") as f:
        document = yaml.safe_load(f) or {}
    services = document.get("services") or {}
    for name in services:
        print(name)
    return 0


NGINX_HOST = re.compile(r"(?:\bserver\s+|proxy_pass\s+https?://)([A-Za-z0-9_.-]+)")


def nginx_hosts(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    hosts = {m.group(1) for m in NGINX_HOST.finditer(text)}
    for host in sorted(hosts):
        if not re.fullmatch(r"[0-9.]+|localhost|unix", host):
            print(host)
    return 0


PINNED_TOOLS = ("wrangler", "@cloudflare/workers-types", "@cloudflare/containers", "typescript")


def pins(bundle_pkg, tools_pkg):
    with open(bundle_pkg, encoding="utf-8") as f:
        bundle = json.load(f)
    with open(tools_pkg, encoding="utf-8") as f:
        tools = json.load(f)
    ran = tools.get("devDependencies", {})
    worst = 0
    for section in ("dependencies", "devDependencies"):
        for name, spec in (bundle.get(section) or {}).items():
            if name not in PINNED_TOOLS:
                continue
            if str(spec).lstrip("^~=") != ran.get(name):
                worst = problem(
                    bundle_pkg,
                    f"{section}.{name} is {spec!r} but the checks ran {name} {ran.get(name)}",
                )
    return worst


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[1], argv[2:]
    if command == "json":
        return check_json(args)
    if command == "toml":
        return check_toml(args)
    if command == "env-example":
        return check_env_example(args)
    if command == "wrangler":
        return wrangler_fields(args[0])
    if command == "compose-services":
        return compose_services(args[0])
    if command == "nginx-hosts":
        return nginx_hosts(args[0])
    if command == "pins":
        return pins(args[0], args[1])
    print(f"unknown subcommand {command!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

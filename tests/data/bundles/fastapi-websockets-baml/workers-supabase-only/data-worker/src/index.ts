// Worker "Data Worker": written by Stackplan from the diagram of option "Workers → Supabase only".
// It forwards each API route to the service the diagram connects it to.
// `Env` comes from `npm run types` (wrangler types), so a binding or secret missing
// from wrangler.toml is a type error in `npm run check`.

type Handler = (request: Request, env: Env) => Promise<Response>;

// First match wins. A path matches a route and every path below it; "*" matches
// the rest of the path and "{name}" one segment.
const routes: ReadonlyArray<readonly [string, Handler]> = [
];

function matches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("/");
  for (let i = 0; i < want.length; i++) {
    if (want[i] === "*") return have.length > i;
    if (i >= have.length) return false;
    if (want[i].startsWith("{") && want[i].endsWith("}")) {
      if (have[i] === "") return false;
    } else if (want[i] !== have[i]) {
      return false;
    }
  }
  return true;
}

async function route(request: Request, env: Env): Promise<Response> {
  const path = new URL(request.url).pathname;
  for (const [pattern, handle] of routes) {
    if (matches(pattern, path)) return handle(request, env);
  }
  return new Response("Not found", { status: 404 });
}

export default {
  async fetch(request, env): Promise<Response> {
    return route(request, env);
  },
} satisfies ExportedHandler<Env>;

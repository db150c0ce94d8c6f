// Worker "Worker router (index.ts)": written by Stackplan from the diagram of option "Worker assets + Worker router + FastAPI Container".
// It forwards each API route to the service the diagram connects it to and serves the
// static assets for every other path.
// `Env` comes from `npm run types` (wrangler types), so a binding or secret missing
// from wrangler.toml is a type error in `npm run check`.
import { Container, getRandom } from "@cloudflare/containers";

/** FastAPI container :30001: a Container (binding API). */
export class Api extends Container<Env> {
  defaultPort = 30001;
  sleepAfter = "10m";
  envVars = {
    PORT: "30001",
  };
}

type Handler = (request: Request, env: Env) => Promise<Response>;

// Sends the request on to a service on another platform, keeping path and query.
async function forward(request: Request, origin: string): Promise<Response> {
  if (!origin) {
    return new Response("The backend URL is not set in wrangler.toml [vars]", { status: 502 });
  }
  const url = new URL(request.url);
  return fetch(new Request(new URL(url.pathname + url.search, origin), request));
}

// First match wins. A path matches a route and every path below it; "*" matches
// the rest of the path and "{name}" one segment.
const routes: ReadonlyArray<readonly [string, Handler]> = [
  ["/stream", async (request, env) =>
    env.API_URL ? forward(request, env.API_URL) : (await getRandom(env.API, 3)).fetch(request)],
  ["/env", async (request, env) =>
    env.API_URL ? forward(request, env.API_URL) : (await getRandom(env.API, 3)).fetch(request)],
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
  return env.ASSETS.fetch(request);
}

export default {
  async fetch(request, env): Promise<Response> {
    return route(request, env);
  },
} satisfies ExportedHandler<Env>;

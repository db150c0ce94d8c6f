// Worker "Webhook Worker": written by Stackplan from the diagram of option "After: Cloudflare Containers + KV + R2 + Vectorize + Pages + Supabase + Neo4j".
// It forwards each API route to the service the diagram connects it to.
// `Env` comes from `npm run types` (wrangler types), so a binding or secret missing
// from wrangler.toml is a type error in `npm run check`.
import { Container, getRandom } from "@cloudflare/containers";

/** BrainBot FastAPI container: a Container (binding BACKEND). */
export class Backend extends Container<Env> {
  defaultPort = 8000;
  sleepAfter = "10m";
  envVars = {
    CLOUDFLARE_KV_NAMESPACE_ID: this.env.CLOUDFLARE_KV_NAMESPACE_ID,
    CLOUDFLARE_R2_BUCKET: "brainbot-media",
    CLOUDFLARE_R2_ACCESS_KEY: this.env.CLOUDFLARE_R2_ACCESS_KEY,
    CLOUDFLARE_R2_SECRET_KEY: this.env.CLOUDFLARE_R2_SECRET_KEY,
    CLOUDFLARE_VECTORIZE_INDEX: "brainbot-docs",
    CLOUDFLARE_ACCOUNT_ID: this.env.CLOUDFLARE_ACCOUNT_ID,
    SUPABASE_URL: this.env.SUPABASE_URL,
    SUPABASE_KEY: this.env.SUPABASE_KEY,
    TELEGRAM_BOT_TOKEN: this.env.TELEGRAM_BOT_TOKEN,
    OPENAI_API_KEY: this.env.OPENAI_API_KEY,
    NEO4J_URI: this.env.NEO4J_URI,
    NEO4J_USERNAME: this.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: this.env.NEO4J_PASSWORD,
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
  ["/webhook", async (request, env) =>
    env.BACKEND_URL ? forward(request, env.BACKEND_URL) : (await getRandom(env.BACKEND, 3)).fetch(request)],
  ["/health", async (request, env) =>
    env.BACKEND_URL ? forward(request, env.BACKEND_URL) : (await getRandom(env.BACKEND, 3)).fetch(request)],
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

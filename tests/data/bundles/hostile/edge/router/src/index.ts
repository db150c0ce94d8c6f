// Worker "Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 \ back router": written by Stackplan from the diagram of option "Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 \ back".
// It forwards each API route to the service the diagram connects it to and serves the
// static assets for every other path.
// `Env` comes from `npm run types` (wrangler types), so a binding or secret missing
// from wrangler.toml is a type error in `npm run check`.
import { Container, getRandom } from "@cloudflare/containers";
import { DurableObject } from "cloudflare:workers";

/** Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 \ back api: a Container (binding API). */
export class Api extends Container<Env> {
  defaultPort = 8080;
  sleepAfter = "10m";
  envVars = {
    DATABASE_URL: this.env.DATABASE_URL,
    WHOAMI: this.env.WHOAMI,
    A_B_C: this.env.A_B_C,
    UBER_KEY: this.env.UBER_KEY,
    ETC: this.env.ETC,
    CORS_ORIGINS: this.env.CORS_ORIGINS,
    MULTI: this.env.MULTI,
  };
}

/** Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 \ back rooms: a Durable Object (binding ROOMS). It accepts WebSockets and relays each
 * message to the other clients connected to the same object: replace with your logic. */
export class Rooms extends DurableObject<Env> {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") {
      return new Response("Expected a WebSocket upgrade", { status: 426 });
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    for (const peer of this.ctx.getWebSockets()) {
      if (peer !== ws) peer.send(message);
    }
  }
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
  ["/api/*", async (request, env) =>
    env.API_URL ? forward(request, env.API_URL) : (await getRandom(env.API, 3)).fetch(request)],
  ["/items/{id}", async (request, env) =>
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

  // One Cron Trigger per scheduled job (wrangler.toml [triggers]).
  async scheduled(controller, env, ctx): Promise<void> {
    switch (controller.cron) {
      case "0 3 * * *": // nightly "cleanup" $(rm) POST /jobs/cleanup
        ctx.waitUntil(route(new Request("https://cron.internal/jobs/cleanup", { method: "POST" }), env));
        return;
    }
  },

  // Messages pushed by the queues this Worker consumes.
  async queue(batch, env): Promise<void> {
    throw new Error(`implement the consumer of queue ${batch.queue}`);
  },
} satisfies ExportedHandler<Env>;

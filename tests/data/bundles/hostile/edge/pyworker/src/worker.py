"""Entry point of Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 / back pyworker as a Python Worker, written by Stackplan."""

from js import Object, Request
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

from app.main import application as app


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request.js_object, self.env)

    async def scheduled(self, controller, env, ctx):
        # One Cron Trigger per scheduled job (wrangler.toml [triggers]); they replace the
        # in-process scheduler.
        if controller.cron == "*/15 * * * *":
            # poll $(evil) POST /jobs/poll
            request = Request.new("https://cron.internal/jobs/poll", to_js({"method": "POST"}, dict_converter=Object.fromEntries))
            import asgi

            await asgi.fetch(app, request, self.env)

"""Entry point of InKCre Core (worker.py) as a Python Worker, written by Stackplan."""

from workers import Response, WorkerEntrypoint

from main import app


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request.js_object, self.env)

    async def scheduled(self, controller, env, ctx):
        # One Cron Trigger per scheduled job (wrangler.toml [triggers]); they replace the
        # in-process scheduler.
        if controller.cron == "0 * * * *":
            # collect each source (APScheduler interval job calling /source/{source_id}/collect)
            raise NotImplementedError("scheduled job: collect each source (APScheduler interval job calling /source/{source_id}/collect)")

#!/usr/bin/python3
"""A stand-in backend for smoke-wrangler-dev.sh: answers every GET on 127.0.0.1:PORT with
{"stub": true, "path": <request path>} so the test can tell the Worker really forwarded."""
import http.server
import json
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"stub": True, "path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

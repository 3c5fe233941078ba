#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1 (port from the first argument or $PORT, default 8000).

The lesson is sent with a strict Content-Security-Policy header (no inline script or style, no
other origin). dist/examples/ (the demo host page, which frames the lesson from a second origin:
open it as http://localhost:PORT/examples/host.html) is sent without one, like a course site.
"""
import functools
import http.server
import os
import sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "object-src 'none'; base-uri 'none'")
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dist")
port = int(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PORT", "8000"))


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".svg": "image/svg+xml"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        if not self.path.startswith("/examples/"):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):
        if os.environ.get("VG_SERVE_LOG"):
            super().log_message(*args)


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root))
print(f"Serving the lesson at http://127.0.0.1:{server.server_address[1]}/", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass

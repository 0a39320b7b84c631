"""A throw-away web site on 127.0.0.1 for the fetch and server tests: no test sends traffic elsewhere."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = """<!doctype html>
<html><head><title>Harbour bridge to reopen</title></head>
<body><article>
<h1>Harbour bridge to reopen after repairs</h1>
<p>The harbour bridge will reopen to traffic next Monday after eight months of repairs, the city council
announced on Tuesday.</p>
<p>"We are confident the work is finished," said Maria Okafor, the council's head of transport. She
added that cyclists would get a new lane on the eastern side of the crossing.</p>
<p>The repairs cost 4.2 million dollars, slightly more than the council had planned in March.</p>
</article></body></html>
"""


@contextmanager
def serve_pages(pages: dict[str, tuple[int, dict[str, str], bytes]]) -> Iterator[tuple[str, list[dict]]]:
    """Serve `path -> (status, headers, body)` on a free loopback port; yields the base URL and the
    headers of every request received."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"path": self.path, **dict(self.headers)})
            status, headers, body = pages.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value.replace("{port}", str(self.server.server_port)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def trickle(pieces: list[bytes], interval: float) -> Iterator[str]:
    """A hostile server on a free loopback port: to each connection it sends the pieces one by one, `interval`
    seconds apart, then holds the connection open; yields its base URL."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def answer(connection: socket.socket) -> None:
        with connection:
            for piece in pieces:
                if stop.wait(interval):
                    return
                try:
                    connection.sendall(piece)
                except OSError:
                    return
            stop.wait()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=answer, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()

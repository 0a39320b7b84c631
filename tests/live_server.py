"""The web app served by uvicorn in a thread of the test process, as `newsfacts serve` runs it (the same
HTTP protocol class, real sockets), so tests see what a client sees: status lines, headers, closed
connections. What the server fetches and the monkeypatches of a test act in this process."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from newsfacts.server import DEFAULT_MAX_BODY, create_app
from newsfacts.web.protocol import protocol_with_limit


@contextmanager
def live_server(**settings) -> Iterator[str]:
    """The base URL of a running app made by `create_app(**settings)`; stopped on exit."""
    app = create_app(**settings)
    config = uvicorn.Config(app, http=protocol_with_limit(settings.get("max_body", DEFAULT_MAX_BODY)),
                            log_level="warning", access_log=False, timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 180  # the worker process loads the model first
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(60)

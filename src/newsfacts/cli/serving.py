"""`newsfacts serve`: the web app and JSON API under uvicorn."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import Command, ModelOption, QuietOption, app, fail, model_installed, model_name, note, notes
from .common import warning_line

# Seconds the server waits for requests in flight when told to stop.
SHUTDOWN_GRACE = 3


@app.command(cls=Command)
def serve(
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on; 0.0.0.0 to serve other machines."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8000,
    store: Annotated[Path | None, typer.Option(
        metavar="FILE", help="A DuckDB corpus to browse (/corpus: articles, people, quotes, stories, failed checks) "
        "and list (/api/articles).")] = None,
    max_body: Annotated[
        int, typer.Option(min=1, metavar="BYTES", help="Largest request body in bytes; larger ones get 413.")
    ] = 2_000_000,
    model: ModelOption = None,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help=(
        "Processes analysing ordinary articles; one more analyses long ones (over 20,000 characters)."))] = 1,
    timeout: Annotated[float, typer.Option(
        min=1, metavar="SECONDS", help="Seconds one analysis may take; a longer one is stopped and answered 504.")
    ] = 120.0,
    access_log: Annotated[bool, typer.Option(help="One line per request on stderr.")] = True,
    quiet: QuietOption = False,
) -> None:
    """Run the web page (paste or upload an article, get its report; compare a story's articles), the corpus
    pages and the JSON API.

    The API is documented at /docs once the server runs. URLs given to the server are fetched only
    when they are public http(s) addresses.

    Example:

        newsfacts serve --port 8000 --store corpus.duckdb
    """
    import socket

    notes.quiet = quiet
    if store is not None and not store.is_file():
        raise fail(f"{store}: no such store; build one with `newsfacts batch`")
    # Bound first, before anything slow (and by this command rather than by uvicorn), so that a port in use or a
    # foreign address is one line at once, not a log record seconds later.
    try:
        listener = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as error:
        raise fail(f"cannot listen on {host}:{port} ({os.strerror(error.errno) if error.errno else error})") from None
    with listener:
        from ..store import Store, StoreBusy, StoreError

        if store is not None:
            try:
                Store(store, read_only=True).close()
            except StoreBusy:  # a batch filling it: the listings answer 503 until it is done
                warning_line(f"{store} is being written by another process; its listings wait until that is done")
            except StoreError as error:
                raise fail(str(error)) from None
        model = model_name(model)
        if not model_installed(model):  # the server's worker processes load it, not this one
            raise fail(f"spaCy pipeline {model!r} is not installed; leave --model out to use the default")
        import logging

        import uvicorn

        from ..server import create_app
        from ..web.protocol import ACCESS_LOG, protocol_with_limit
        from ..workers import wait_for_helpers_at_exit

        if access_log:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
            ACCESS_LOG.addHandler(handler)
            ACCESS_LOG.setLevel(logging.INFO)
        note(f"serving on {server_url(host, port)} once the model has loaded  (API documentation at /docs; "
             "Ctrl-C stops)")
        web_app = create_app(model=model, store=store, max_body=max_body, workers=workers, timeout=timeout)
        # A request still running a few seconds after SIGTERM or Ctrl-C is cancelled (its worker is stopped).
        config = uvicorn.Config(web_app, http=protocol_with_limit(max_body), log_level="warning", access_log=False,
                                timeout_graceful_shutdown=SHUTDOWN_GRACE)
        # uvicorn stops on SIGTERM, then sends it again to end the process; as Ctrl-C it ends through Python's
        # exit, where multiprocessing waits for its helper process (uvicorn's default would skip that).
        stop_on_term = signal.signal(signal.SIGTERM, signal.default_int_handler)
        wait_for_helpers_at_exit()
        try:
            uvicorn.Server(config).run(sockets=[listener])
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        finally:
            signal.signal(signal.SIGTERM, stop_on_term)


def server_url(host: str, port: int) -> str:
    """The address to open in a browser; an IPv6 address goes in brackets (RFC 3986)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

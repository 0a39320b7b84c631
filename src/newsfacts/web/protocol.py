"""The server's HTTP edges: request bodies over the limit, malformed HTTP, unexpected errors, the access log
and the headers every page carries. Each answer is JSON `{"error": reason}`, short, and a connection that
cannot be trusted any more is closed after it, with the client told so (`Connection: close`). A connection
closed while the client is still sending its request lingers, so the answer is not lost (`LingeringClose`)."""

from __future__ import annotations

import asyncio
import logging
import time

import h11
from fastapi import HTTPException
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

# An error's reason is one line; anything longer (a request with 100,000 wrong keys) is cut.
MAX_REASON_CHARS = 500
ACCESS_LOG = logging.getLogger("newsfacts.access")
ERRORS_LOG = logging.getLogger("newsfacts.server")
# How long a connection refused in the middle of its request keeps reading (and dropping) what the client
# still sends after the answer, before it is closed whatever comes: nginx's lingering_timeout.
LINGER_SECONDS = 5.0


def short(reason: str) -> str:
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 1] + "…"


def error_response(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    headers = dict(headers or {})
    if status == 500:  # the server is in a state it did not plan for: no further request on this connection
        headers["Connection"] = "close"
    return JSONResponse({"error": short(reason)}, status_code=status, headers=headers)


def page_headers(policy: str) -> dict[str, str]:
    """Headers of an HTML page: its Content-Security-Policy (with frame-ancestors, which only a header can
    set), no framing by other sites, no type sniffing, no referrer to the sites an article links."""
    return {"Content-Security-Policy": f"{policy}; frame-ancestors 'none'", "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class BodyTooLarge(HTTPException):
    """Closes its connection: the rest of a body over the limit is not read (beyond `LINGER_SECONDS`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the {limit:,}-byte limit", {"Connection": "close"})


class BodyLimit:
    """Refuse request bodies over `max_body` bytes: at once from Content-Length, or while the body
    streams in (a chunked upload declares no length). FastAPI's own `max_body_size` answers some of
    these in plain text; this one always answers JSON."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            too_large = BodyTooLarge(self.max_body)
            await error_response(413, too_large.detail, too_large.headers)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # FastAPI passes HTTPExceptions raised while reading the body on to the handlers.
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, counted, send)


class CatchErrors:
    """An unexpected error becomes a JSON 500 that closes its connection. (Starlette would answer it and
    raise the error again, and uvicorn then drops the connection under the client's next request.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as error:
            ERRORS_LOG.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            if not started:
                await error_response(500, f"internal error ({type(error).__name__})")(scope, receive, send)


class AccessLog:
    """One line per request: client, request line, status, bytes sent, time taken."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status, sent, logged = 0, 0, False

        def log() -> None:
            nonlocal logged
            logged = True
            client = scope.get("client")
            target = scope["path"] + (f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else "")
            ACCESS_LOG.info('%s "%s %s" %s %d %.0fms', client[0] if client else "-", scope["method"], target,
                            status or "-", sent, (time.monotonic() - started) * 1000)

        async def watched(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
                if not message.get("more_body", False):
                    log()  # before the answer's end goes out, so the line is there once the client has it
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            if not logged:
                log()


MALFORMED_REQUEST = b'{"error":"the request is not valid HTTP/1.1 (its request line, headers or body framing)"}'


class LingeringClose:
    """A connection's transport as the protocol sees it, whose `close()` in the middle of a request (an answer
    given before its body was all read: a 413, a malformed chunk) only ends the sending side and keeps reading
    until the client is done or `LINGER_SECONDS` have passed. Closing a socket with unread bytes makes the
    kernel send a reset, and a reset makes the client drop the answer it had received but not read yet
    (RFC 1122 4.2.2.13): that lost 413s under load. Web servers (nginx, Apache) close the same way."""

    def __init__(self, transport: asyncio.Transport, protocol: GuardedH11Protocol) -> None:
        self.transport = transport
        self.protocol = protocol
        self.deadline: asyncio.TimerHandle | None = None

    @property
    def lingering(self) -> bool:
        return self.deadline is not None

    def close(self) -> None:
        if (self.lingering or self.transport.is_closing() or not self.transport.can_write_eof()
                or not self.protocol.request_unfinished()):
            self.shut()
            return
        self.transport.write_eof()  # sent once the answer is: the client reads it, then sees the end
        self.transport.resume_reading()
        self.deadline = asyncio.get_running_loop().call_later(LINGER_SECONDS, self.shut)

    def shut(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
        self.transport.close()

    def is_closing(self) -> bool:
        return self.lingering or self.transport.is_closing()

    def __getattr__(self, name: str):  # everything else is the transport's own
        return getattr(self.transport, name)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, answering malformed requests in JSON and refusing a body chunk larger than
    the body limit as soon as its size line arrives, instead of holding the connection open for it; a
    connection closed before the client has sent its whole request lingers (`LingeringClose`)."""

    max_chunk = 0  # set per server by `protocol_with_limit`

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.linger = LingeringClose(transport, self)
        super().connection_made(self.linger)  # type: ignore[arg-type]

    def request_unfinished(self) -> bool:
        """Whether the client may still be sending the request (its body, or the rest of a malformed one)."""
        return self.conn.their_state in (h11.SEND_BODY, h11.ERROR)

    def data_received(self, data: bytes) -> None:
        if self.linger.lingering:  # answered already: what still comes is dropped unread
            return
        super().data_received(data)
        # h11 keeps the announced size of the chunk being read only in its reader; no public call gives it.
        remaining = getattr(getattr(self.conn, "_reader", None), "_bytes_in_chunk", 0)
        if self.max_chunk and isinstance(remaining, int) and remaining > self.max_chunk and not self.transport.is_closing():
            self.send_400_response("a body chunk larger than the body limit")

    def eof_received(self) -> None:
        if self.linger.lingering:  # the client is done sending: the connection can close now
            self.linger.shut()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.linger.deadline is not None:
            self.linger.deadline.cancel()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        if self.conn.our_state not in (h11.IDLE, h11.SEND_RESPONSE):  # an answer already started: only closing is left
            self.transport.close()
            return
        body = MALFORMED_REQUEST if msg.startswith("Invalid HTTP") else JSONResponse({"error": msg}).body
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close")]
        # Never reaches the app, so the access log line is written here; before the answer, so the line is there
        # by the time the client has its answer.
        ACCESS_LOG.info('%s "(malformed request)" 400 %d 0ms', self.client[0] if self.client else "-", len(body))
        self.transport.write(self.conn.send(h11.Response(status_code=400, headers=headers, reason=b"Bad Request")))
        self.transport.write(self.conn.send(h11.Data(data=body)))
        self.transport.write(self.conn.send(h11.EndOfMessage()))
        self.transport.close()


def protocol_with_limit(max_body: int) -> type[GuardedH11Protocol]:
    """The protocol class for a server whose request bodies are at most `max_body` bytes."""
    return type("LimitedH11Protocol", (GuardedH11Protocol,), {"max_chunk": max_body})

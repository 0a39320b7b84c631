"""The server's HTTP edges, spoken to over raw sockets: malformed framing gets a JSON 400 and a closed
connection at once, a 500 closes its connection after the answer, every request is logged."""

from __future__ import annotations

import json
import logging
import socket
import time

import httpx
import pytest

from newsfacts.web import protocol
from newsfacts.web.protocol import MAX_REASON_CHARS, error_response, short

# Long enough for any answer the server will give; a held connection shows as this much time.
WAIT = 10.0


def exchange(base: str, request: bytes) -> tuple[bytes, bool, float]:
    """Send raw bytes; the bytes that came back, whether the server closed the connection, and how soon."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=WAIT) as connection:
        connection.sendall(request)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
            closed = True
        except TimeoutError:
            closed = False
    return answer, closed, time.monotonic() - started


def body_of(answer: bytes) -> dict:
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def test_a_negative_content_length_gets_a_json_400_and_a_closed_connection(served, caplog):
    caplog.set_level(logging.INFO, logger="newsfacts.access")
    request = (b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
               b"Content-Length: -1\r\n\r\n{}")
    answer, closed, seconds = exchange(served, request)
    assert answer.startswith(b"HTTP/1.1 400 ") and closed and seconds < WAIT / 2
    assert b"content-type: application/json" in answer.lower()
    assert "not valid HTTP/1.1" in body_of(answer)["error"]
    assert any('"(malformed request)" 400' in record.getMessage() for record in caplog.records)


def test_a_chunk_larger_than_the_body_limit_is_refused_at_its_size_line(bare):
    for size in (b"ffffffffffffffffffff", b"1000"):  # absurd, and just over the 1,000-byte limit (4,096)
        request = (b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                   b"Transfer-Encoding: chunked\r\n\r\n" + size + b'\r\n{"text": "')
        answer, closed, seconds = exchange(bare, request)
        assert answer.startswith(b"HTTP/1.1 400 ") and closed and seconds < WAIT / 2, answer
        assert "larger than the body limit" in body_of(answer)["error"]


def test_a_refused_body_can_still_be_sent_and_the_answer_is_not_lost(bare):
    """A body over the limit is answered from its Content-Length at once, before the client has sent it; the
    server goes on reading it, so the client's sending meets no reset (which would also have dropped the
    answer the client had not read yet), and the connection ends once the client is done."""
    host, port = bare.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=WAIT) as connection:
        connection.sendall(b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 3000\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):  # the answer, then the end of the server's sending
            answer += chunk
        for _ in range(3):  # a closed socket answers the first piece with a reset, which fails the next send
            connection.sendall(b"x" * 1000)
            time.sleep(0.2)
        connection.shutdown(socket.SHUT_WR)
        assert connection.recv(1) == b""
    assert answer.startswith(b"HTTP/1.1 413 ") and b"connection: close" in answer.lower()
    assert "1,000-byte limit" in body_of(answer)["error"]


def test_a_refused_client_that_keeps_the_connection_is_cut_off_after_the_linger(bare, monkeypatch):
    monkeypatch.setattr(protocol, "LINGER_SECONDS", 0.3)  # the server runs in this process
    host, port = bare.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=WAIT) as connection:
        connection.sendall(b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 3000000\r\n\r\n")
        while connection.recv(65536):
            pass
        time.sleep(1)
        with pytest.raises(OSError):  # the first piece meets a closed socket, the next its reset
            for _ in range(3):
                connection.sendall(b"x" * 1000)
                time.sleep(0.2)


def test_chunks_within_the_limit_are_read(served):
    body = json.dumps({"text": "The mayor said on Monday that the bridge would reopen."}).encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:20], body[20:])) + b"0\r\n\r\n"
    request = (b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked)
    answer, closed, _ = exchange(served, request)
    assert answer.startswith(b"HTTP/1.1 200 ") and closed
    assert body_of(answer)["text"].startswith("The mayor said")


def test_invalid_utf8_in_a_json_body_is_a_422(served):
    for body in (b'{"text": "caf\xe9 au lait"}', b'{"text": "\xed\xa0\x80 half a surrogate"}', b'\xff\xfe{"text": "x"}'):
        response = httpx.post(f"{served}/api/extract", content=body, headers={"Content-Type": "application/json"},
                              timeout=30)
        assert response.status_code == 422, response.text
        assert "UTF-8" in response.json()["error"] or "malformed JSON" in response.json()["error"]


def test_after_a_500_the_same_connection_is_closed_cleanly(served):
    body = json.dumps({"text": "The mayor spoke. [[fail]]"}).encode()
    request = (b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
               b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    health = b"GET /api/health HTTP/1.1\r\nHost: t\r\n\r\n"
    answer, closed, seconds = exchange(served, request + health)  # a keep-alive client's next request, sent at once
    assert answer.startswith(b"HTTP/1.1 500 ") and closed and seconds < WAIT
    assert b"connection: close" in answer.lower()
    assert answer.count(b"HTTP/1.1 ") == 1  # the pipelined request is not answered on a connection the server closes


def test_every_request_gets_an_access_log_line(served, caplog):
    caplog.set_level(logging.INFO, logger="newsfacts.access")
    httpx.get(f"{served}/api/health?probe=1", timeout=30)
    httpx.get(f"{served}/nowhere", timeout=30)
    lines = [record.getMessage() for record in caplog.records if record.name == "newsfacts.access"]
    assert any(line.startswith('127.0.0.1 "GET /api/health?probe=1" 200 ') and line.endswith("ms") for line in lines)
    assert any('"GET /nowhere" 404' in line for line in lines)


def test_reasons_are_cut_to_one_short_line():
    long_reason = "x" * 10_000
    assert len(short(long_reason)) == MAX_REASON_CHARS and short("fine") == "fine"
    response = error_response(422, long_reason)
    assert len(response.body) < MAX_REASON_CHARS + 50
    assert error_response(500, "broken").headers["connection"] == "close"
    assert "connection" not in error_response(404, "gone").headers

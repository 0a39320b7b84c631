"""The URL fetcher: the guarded mode's refusals, redirects re-checked at each hop, and the limits.

Refusals are decided from the resolved address, so these tests replace DNS (`socket.getaddrinfo`) and
never connect anywhere; pages that are fetched come from a server on 127.0.0.1 started by the test.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import socket
import time
import tracemalloc

import pytest
from typer.testing import CliRunner

from local_site import ARTICLE_HTML, serve_pages, trickle
from newsfacts import fetch
from newsfacts.cli import app
from newsfacts.fetch import GUARDED, OPEN, FetchError, FetchPolicy, FetchRefused, check_url
from newsfacts.ingest import IngestError, read_url

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)
# The guarded policy, with loopback let through so the test's own server can be reached.
TEST_POLICY = FetchPolicy(allowed_networks=LOOPBACK)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> None:
    """Resolve the names in `table` to its addresses; other names resolve as usual (IP literals)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            return [
                (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
                for address in table[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/story.txt", "gopher://example.com/", "data:text/html,<p>hi</p>"]
)
def test_guard_refuses_schemes_other_than_http(url):
    with pytest.raises(FetchRefused, match="only http and https"):
        check_url(url, GUARDED)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.5.4", "private"),
        ("192.168.0.10", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.7.7", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("fec0::1", "site-local"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("64:ff9b::a00:1", "private"),  # NAT64 form of 10.0.0.1
    ],
)
def test_guard_refuses_hosts_resolving_to_non_public_addresses(monkeypatch, address, reason):
    fake_dns(monkeypatch, {"news.example": [address]})
    with pytest.raises(FetchRefused, match=reason):
        check_url("https://news.example/story", GUARDED)


def test_guard_refuses_ip_literals_without_resolving_a_name():
    with pytest.raises(FetchRefused, match="metadata"):
        check_url("http://169.254.169.254/latest/meta-data/", GUARDED)
    with pytest.raises(FetchRefused, match="loopback"):
        check_url("http://[::1]:8000/", GUARDED)


@pytest.mark.parametrize(
    "url", ["http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://[::ffff:7f00:1]/", "http://0177.0.0.1/"]
)
def test_guard_refuses_loopback_written_in_other_forms(url):
    with pytest.raises(FetchRefused, match="loopback|not a valid URL"):
        check_url(url, GUARDED)


def test_guard_refuses_a_name_with_one_private_address_among_public_ones(monkeypatch):
    fake_dns(monkeypatch, {"news.example": ["93.184.215.14", "10.0.0.7"]})
    with pytest.raises(FetchRefused, match="10.0.0.7"):
        check_url("https://news.example/story", GUARDED)


def test_guard_pins_the_checked_public_address(monkeypatch):
    fake_dns(monkeypatch, {"news.example": ["93.184.215.14"]})
    parsed, addresses = check_url("https://news.example/story", GUARDED)
    assert parsed.host == "news.example"
    assert addresses == [ipaddress.ip_address("93.184.215.14")]


def test_open_mode_does_not_check_addresses():
    parsed, addresses = check_url("http://127.0.0.1:9/", OPEN)
    assert addresses == []


def test_unresolvable_host_is_a_fetch_error(monkeypatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match="does not resolve"):
        check_url("https://no-such-host.example/", GUARDED)


def test_guarded_fetch_connects_to_the_checked_address_and_keeps_the_host_name(monkeypatch):
    with serve_pages({"/story.html": (200, HTML, ARTICLE_HTML.encode())}) as (base, seen):
        port = base.rsplit(":", 1)[1]
        fake_dns(monkeypatch, {"news.example": ["127.0.0.1"]})
        article = read_url(f"http://news.example:{port}/story.html", TEST_POLICY)
    assert "harbour bridge will reopen" in article.text
    assert article.id == "story"
    assert article.title.startswith("Harbour bridge to reopen")
    assert seen[0]["Host"] == f"news.example:{port}"


def test_guarded_fetch_tries_the_next_checked_address_when_one_does_not_connect(monkeypatch):
    with serve_pages({"/story.html": (200, HTML, ARTICLE_HTML.encode())}) as (base, seen):
        port = base.rsplit(":", 1)[1]
        # 127.0.0.2 is loopback too but nothing listens there on this port.
        fake_dns(monkeypatch, {"news.example": ["127.0.0.2", "127.0.0.1"]})
        page = fetch.fetch(f"http://news.example:{port}/story.html", TEST_POLICY)
    assert page.media_type == "text/html" and len(seen) == 1


def test_redirect_to_a_metadata_address_is_refused_at_that_hop():
    pages = {"/moved": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")}
    with serve_pages(pages) as (base, seen), pytest.raises(FetchRefused, match="metadata"):
        fetch.fetch(f"{base}/moved", TEST_POLICY)
    assert [request["path"] for request in seen] == ["/moved"]


def test_redirect_to_a_file_url_is_refused():
    with serve_pages({"/moved": (301, {"Location": "file:///etc/passwd"}, b"")}) as (base, _):
        with pytest.raises(FetchRefused, match="only http and https"):
            fetch.fetch(f"{base}/moved", TEST_POLICY)


def test_relative_redirects_are_followed():
    pages = {"/old": (301, {"Location": "/new.html"}, b""), "/new.html": (200, HTML, ARTICLE_HTML.encode())}
    with serve_pages(pages) as (base, _):
        page = fetch.fetch(f"{base}/old", TEST_POLICY)
    assert page.url == f"{base}/new.html"
    assert page.media_type == "text/html"


def test_redirect_loops_end():
    with serve_pages({"/loop": (302, {"Location": "/loop"}, b"")}) as (base, seen):
        with pytest.raises(FetchError, match="redirects"):
            fetch.fetch(f"{base}/loop", FetchPolicy(allowed_networks=LOOPBACK, max_redirects=3))
    assert len(seen) == 4


def test_pages_over_the_size_limit_are_refused():
    with serve_pages({"/big.html": (200, HTML, b"<p>" + b"word " * 5000 + b"</p>")}) as (base, _):
        with pytest.raises(FetchError, match="byte limit"):
            fetch.fetch(f"{base}/big.html", FetchPolicy(allowed_networks=LOOPBACK, max_bytes=10_000))


def test_content_that_is_not_a_page_is_refused():
    with serve_pages({"/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n")}) as (base, _):
        with pytest.raises(FetchError, match="image/png"):
            fetch.fetch(f"{base}/photo.png", TEST_POLICY)


def test_error_status_is_a_fetch_error():
    with serve_pages({}) as (base, _), pytest.raises(FetchError, match="404"):
        fetch.fetch(f"{base}/missing", TEST_POLICY)


def test_plain_text_in_a_legacy_encoding_is_decoded_by_its_declared_charset():
    body = "Le maire a déclaré lundi que le pont rouvrirait.".encode("latin-1")
    with serve_pages({"/note.txt": (200, {"Content-Type": "text/plain; charset=iso-8859-1"}, body)}) as (base, _):
        article = read_url(f"{base}/note.txt", TEST_POLICY)
    assert "déclaré" in article.text


def test_the_cli_fetches_any_url_it_is_given():
    with serve_pages({"/story.html": (200, HTML, ARTICLE_HTML.encode())}) as (base, _):
        result = CliRunner().invoke(app, ["extract", f"{base}/story.html", "--published", "2025-03-04"])
    assert result.exit_code == 0, result.output
    assert '"source": "' + base + '/story.html"' in result.stdout
    assert "Okafor" in result.stdout


def test_the_cli_reports_an_unreachable_url_as_one_error_line():
    with serve_pages({}) as (base, _):
        result = CliRunner().invoke(app, ["extract", f"{base}/gone.html"])
    assert result.exit_code == 1
    assert "404" in result.output
    assert "Traceback" not in result.output


# Hostile servers: every case ends within the deadline, with one line saying why.


def test_a_compressed_body_that_expands_past_the_cap_is_stopped_without_expanding_in_memory():
    inner = gzip.compress(bytes(64 * 1024 * 1024), compresslevel=9)  # 64 MiB of zeros in about 64 KB
    bomb = gzip.compress(inner, compresslevel=9)  # and those in under 1 KB
    headers = {**HTML, "Content-Encoding": "gzip, gzip"}
    with serve_pages({"/bomb.html": (200, headers, bomb)}) as (base, _):
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="byte limit"):
                fetch.fetch(f"{base}/bomb.html", FetchPolicy(allowed_networks=LOOPBACK, max_bytes=1_000_000))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_a_compressed_page_is_read_through_each_of_its_encodings():
    body = gzip.compress(gzip.compress(ARTICLE_HTML.encode()))
    with serve_pages({"/story.html": (200, {**HTML, "Content-Encoding": "gzip, gzip"}, body)}) as (base, _):
        article = read_url(f"{base}/story.html", TEST_POLICY)
    assert "harbour bridge will reopen" in article.text


def test_an_encoding_the_fetcher_did_not_ask_for_or_a_pile_of_them_is_a_fetch_error():
    with serve_pages({"/story.html": (200, {**HTML, "Content-Encoding": "br"}, b"\x0b\x02\x80hello\x03")}) as (base, _):
        with pytest.raises(FetchError, match="br is not one of"):
            fetch.fetch(f"{base}/story.html", TEST_POLICY)
    piled = {**HTML, "Content-Encoding": ", ".join(["gzip"] * 500)}
    with serve_pages({"/story.html": (200, piled, gzip.compress(b"<p>hello</p>"))}) as (base, _):
        with pytest.raises(FetchError, match="500 content codings"):
            fetch.fetch(f"{base}/story.html", TEST_POLICY)


@pytest.mark.parametrize("pieces", [
    [b"HTTP/1.1 200 OK\r\n"] + [f"X-Slow-{n}: 1\r\n".encode() for n in range(100)],  # a header line at a time
    [bytes([byte]) for byte in b"HTTP/1.1 200 OK\r\n"],  # the status line, a byte at a time
    [b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 99999\r\n\r\n"] + [b"<p>word "] * 100,
])
def test_a_server_that_trickles_its_answer_is_given_up_on_at_the_deadline(pieces):
    with trickle(pieces, interval=0.3) as base:
        started = time.monotonic()
        with pytest.raises(FetchError, match="no complete answer within 1.5 s"):
            fetch.fetch(f"{base}/slow", FetchPolicy(allowed_networks=LOOPBACK, timeout=1.5))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("location", ["http:host/x", "http://[::1", "http://a\x00b/", "https://:80/"])
def test_a_malformed_redirect_is_a_fetch_error(location):
    with serve_pages({"/moved": (302, {"Location": location}, b"")}) as (base, _):
        with pytest.raises(FetchError):
            fetch.fetch(f"{base}/moved", TEST_POLICY)


def test_a_malformed_redirect_is_one_line_in_the_cli_and_json_from_the_server():
    import anyio
    import httpx

    from newsfacts.server import create_app

    with serve_pages({"/moved": (302, {"Location": "http:host/x"}, b"")}) as (base, _):
        result = CliRunner().invoke(app, ["extract", f"{base}/moved"])
        assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.output
        served = create_app(fetch_policy=TEST_POLICY)

        async def main() -> httpx.Response:
            async with served.router.lifespan_context(served):
                transport = httpx.ASGITransport(app=served, raise_app_exceptions=False)
                async with httpx.AsyncClient(transport=transport, base_url="http://newsfacts.test") as client:
                    return await client.post("/api/extract", json={"url": f"{base}/moved"})

        response = anyio.run(main)
    assert response.status_code == 502 and "cannot be fetched" in json.loads(response.text)["error"]


def test_a_binary_body_without_a_content_type_is_refused_not_analysed():
    with serve_pages({"/file": (200, {}, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")}) as (base, _):
        with pytest.raises(IngestError, match="binary"):
            read_url(f"{base}/file", TEST_POLICY)
    with serve_pages({"/file": (200, {}, b"%PDF-1.7\n(The mayor spoke.) Tj\n")}) as (base, _):
        with pytest.raises(IngestError, match="PDF"):
            read_url(f"{base}/file", TEST_POLICY)

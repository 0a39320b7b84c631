"""Fetching a news page by URL, with size and time limits, and a guard against server-side request forgery.

The CLI fetches whatever its user names (`OPEN`). The web server fetches on behalf of anyone, so it uses
`GUARDED`: only http(s), and only hosts whose every resolved address is public. The guard resolves the
host itself and connects to the address it checked (not to a second, possibly different, DNS answer), and
every redirect hop goes through the same check.

Limits hold against hostile servers: one deadline covers the whole fetch (name lookup, connecting, headers,
body and every redirect), so a server that trickles a byte every few seconds cannot keep it open; and the
size cap applies to the decoded body, undone layer by layer in bounded pieces, so a small compressed body
cannot expand in memory. Every failure is a FetchError with a one-line reason.
"""

from __future__ import annotations

import ipaddress
import socket
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv6Address, IPv4Network, IPv6Network
from urllib.parse import unquote, urljoin

import anyio
import httpx

SCHEMES = {"http", "https"}
# Content types that can hold an article; anything else (images, PDFs, feeds of binary data) is refused.
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
# Well-known cloud metadata addresses, named in refusals; the range checks below already cover them.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
}
# IPv6 prefix that maps IPv4 addresses for NAT64 (RFC 6052); Python's ipaddress does not unwrap it.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
USER_AGENT = "newsfacts/0.1 (+https://github.com/newsfacts)"
# Content codings this fetcher undoes (and asks for), with zlib's window bits for each: 16 + 15 reads a
# gzip member, 15 a zlib stream (HTTP's "deflate").
ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
GZIP_MAGIC = b"\x1f\x8b"
# Servers apply one coding; more than this is an attack (each layer holds a zlib window in memory).
MAX_CODINGS = 2
# Most bytes one decoding step may produce: memory stays bounded however far a body expands.
DECODED_PIECE = 64 * 1024

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network


class FetchError(ValueError):
    """The page could not be fetched (network error, bad status, too large, too slow, not a page)."""


class FetchRefused(FetchError):
    """The URL is not one the guarded fetcher will visit (scheme, or a non-public address)."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do. `refuse_private` turns the address guard on; `allowed_networks` are
    exceptions to it, for a deployment's own intranet or a test server on loopback."""

    refuse_private: bool = True
    allowed_networks: tuple[IPNetwork, ...] = ()
    max_bytes: int = 5_000_000
    timeout: float = 15.0
    max_redirects: int = 5


GUARDED = FetchPolicy()
OPEN = FetchPolicy(refuse_private=False)


@dataclass(frozen=True)
class Page:
    """A downloaded body, as the server labelled it; `ingest.read_url` makes it an article."""

    url: str
    body: bytes
    media_type: str
    charset: str | None


def refusal_reason(address: IPAddress) -> str | None:
    """Why the guarded fetcher will not connect to this address, or None if it is public."""
    embedded = [
        address.ipv4_mapped if isinstance(address, IPv6Address) else None,
        address.sixtofour if isinstance(address, IPv6Address) else None,
        address.teredo[1] if isinstance(address, IPv6Address) and address.teredo else None,
        IPv4Address(int(address) & 0xFFFFFFFF) if address in NAT64_PREFIX else None,
    ]
    for inner in embedded:
        if inner is not None:
            reason = refusal_reason(inner)
            if reason:
                return reason
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for test, name in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
        ("is_site_local", "a site-local address"),  # fec0::/10, deprecated but still routed inside some networks
    ):
        if getattr(address, test, False):
            return name
    if not address.is_global:  # e.g. 100.64.0.0/10, shared by carriers
        return "a non-public address"
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{host}: the host name does not resolve ({error})") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])  # drop an IPv6 scope id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"{host}: the host name does not resolve")
    return addresses


def check_url(url: str, policy: FetchPolicy) -> tuple[httpx.URL, list[IPAddress]]:
    """The parsed URL, and the checked addresses to connect to (none when the policy does not guard)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchRefused(f"{url!r} is not a valid URL ({error})") from None
    if parsed.scheme not in SCHEMES:
        raise FetchRefused(f"{url}: only http and https URLs can be fetched, not {parsed.scheme or 'no'} scheme")
    if not parsed.host:
        raise FetchRefused(f"{url}: the URL has no host")
    if not policy.refuse_private:
        return parsed, []
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    addresses = resolve(parsed.raw_host.decode("ascii"), port)
    for address in addresses:
        if any(address in network for network in policy.allowed_networks):
            continue
        reason = refusal_reason(address)
        if reason:
            named = parsed.host if parsed.host == str(address) else f"{parsed.host} resolves to {address}, which"
            raise FetchRefused(f"{url}: refused, {named} is {reason}")
    return parsed, addresses


def fetch(url: str, policy: FetchPolicy = OPEN) -> Page:
    """Download one page, following redirects (each hop re-checked), within the policy's limits."""
    try:
        return anyio.run(_fetch, url, policy)
    except TimeoutError:
        raise FetchError(f"{url}: no complete answer within {policy.timeout:g} s") from None


async def _fetch(url: str, policy: FetchPolicy) -> Page:
    with anyio.fail_after(policy.timeout):  # one deadline for everything, however the server paces its bytes
        async with httpx.AsyncClient(
            timeout=policy.timeout,
            follow_redirects=False,
            # A proxy from the environment would make the connection the guard did not check.
            trust_env=not policy.refuse_private,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
                     "Accept-Encoding": ", ".join(ENCODINGS)},
        ) as client:
            for _ in range(policy.max_redirects + 1):
                # Name lookups block; in a thread, the deadline can give up on one that hangs.
                parsed, addresses = await anyio.to_thread.run_sync(check_url, url, policy, abandon_on_cancel=True)
                response = await send(client, url, parsed, addresses)
                try:
                    if response.is_redirect and response.headers.get("Location"):
                        url = urljoin(str(parsed), response.headers["Location"])
                        continue
                    return await read_page(url, response, policy)
                finally:
                    await response.aclose()
            raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


async def send(client: httpx.AsyncClient, url: str, parsed: httpx.URL, addresses: list[IPAddress]) -> httpx.Response:
    """GET the URL from each checked address in turn until one connects (a host may list an IPv6
    address this machine cannot reach); straight to the host when there are none to pin."""
    failure: Exception | None = None
    for address in addresses or [None]:
        request = client.build_request("GET", parsed if address is None else parsed.copy_with(host=str(address)))
        if address is not None:
            request.headers["Host"] = parsed.netloc.decode("ascii")
            request.extensions["sni_hostname"] = parsed.raw_host.decode("ascii")
        try:
            return await client.send(request, stream=True)
        except httpx.ConnectError as error:
            failure = error
        except (httpx.HTTPError, httpx.InvalidURL) as error:  # InvalidURL: a malformed redirect Location
            failure = error
            break
    raise FetchError(f"{url}: cannot be fetched ({type(failure).__name__}: {failure})")


async def read_page(url: str, response: httpx.Response, policy: FetchPolicy) -> Page:
    if response.status_code >= 400:
        raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES | TEXT_TYPES:
        raise FetchError(f"{url}: this is {media_type}, not a web page or text")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url}: the page is {int(declared):,} bytes, over the {policy.max_bytes:,}-byte limit")
    body = bytearray()
    try:
        async for piece in decoded(response):
            body += piece
            if len(body) > policy.max_bytes:
                raise FetchError(f"{url}: the page is over the {policy.max_bytes:,}-byte limit")
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: the download failed ({type(error).__name__}: {error})") from None
    except (zlib.error, UnknownEncoding) as error:
        raise FetchError(f"{url}: the page's content encoding cannot be undone ({error})") from None
    return Page(url=url, body=bytes(body), media_type=media_type, charset=response.charset_encoding)


class UnknownEncoding(ValueError):
    pass


async def decoded(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body with its content codings undone, in pieces of at most DECODED_PIECE bytes.

    httpx undoes them too, but each step without a bound on its output: gzip inside gzip, 1.8 KB on the
    wire, becomes gigabytes in one call. zlib's `max_length` keeps every step small, so the caller's size
    cap stops the body as soon as it is passed."""
    codings = [name.strip().lower() for name in response.headers.get("Content-Encoding", "").split(",")]
    codings = [name for name in codings if name and name != "identity"]
    unknown = [name for name in codings if name not in ENCODINGS]
    if unknown:
        raise UnknownEncoding(f"{', '.join(unknown)} is not one of {', '.join(ENCODINGS)}")
    if len(codings) > MAX_CODINGS:
        raise UnknownEncoding(f"{len(codings)} content codings, more than the {MAX_CODINGS} undone")
    layers = [Layer(ENCODINGS[name]) for name in reversed(codings)]  # the last coding applied comes off first
    async for raw in response.aiter_raw():
        for piece in _undo(layers, raw):
            yield piece
    for level, layer in enumerate(layers):
        for piece in _undo(layers[level + 1:], layer.flush()):
            yield piece


class Layer:
    """One content coding being undone: a zlib stream, or one gzip member after another."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.inflater = zlib.decompressobj(wbits)

    def undo(self, data: bytes) -> Iterator[bytes]:
        while data:
            piece = self.inflater.decompress(data, DECODED_PIECE)
            data = self.inflater.unconsumed_tail
            if self.inflater.eof:
                rest = self.inflater.unused_data + data
                # A second gzip member goes on; anything else after the end (padding) is ignored, as browsers do.
                data = rest if rest.startswith(GZIP_MAGIC) else b""
                self.inflater = zlib.decompressobj(self.wbits)
            if piece:
                yield piece

    def flush(self) -> bytes:
        return self.inflater.flush()


def _undo(layers: list[Layer], data: bytes) -> Iterator[bytes]:
    if not layers:
        if data:
            yield data
        return
    for piece in layers[0].undo(data):
        yield from _undo(layers[1:], piece)


def article_id(url: str) -> str:
    """A readable id from a URL: its last path segment without extension, or else its host."""
    parsed = httpx.URL(url)
    segments = [unquote(part) for part in parsed.path.split("/") if part]
    if segments:
        return segments[-1].rsplit(".", 1)[0] or segments[-1]
    return parsed.host or url


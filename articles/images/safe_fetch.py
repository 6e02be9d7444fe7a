"""Fetching a picture from the web without letting an imported page reach the archive's own network.

An imported post names the addresses of its pictures, so they are input like any other: a picture's
URL (or a redirect it answers with) could name the loopback, the office network or a cloud's
metadata service, and the copy would then be served to everyone from /media/. So a fetch

- takes http and https only;
- resolves the host once, refuses it unless every address it resolves to is public (ipaddress's
  ``is_global``: no loopback, private, link-local, multicast, reserved or unspecified address), and
  connects to that very address, the Host header and TLS (SNI and certificate) naming the host: a
  DNS answer that changes between the check and the connection (DNS rebinding) is never used;
- follows at most MAX_REDIRECTS redirects by hand, each new address checked like the first;
- stops at a size and a time limit per picture, and a ``Fetcher`` at a time limit for all the
  pictures of one import (settings ``PICTURE_FETCH_*``, from the environment).

``FETCH_ALLOWED_PRIVATE_HOSTS`` lists "host:port" pairs that may resolve to a non-public address:
tests serve pictures from 127.0.0.1 through it. It is empty unless a test sets it.
"""
import ipaddress
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as ResolveTimeout
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

MAX_REDIRECTS = 3
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
DEFAULT_PORTS = {"http": 80, "https": 443}
USER_AGENT = "The Peninsula archive importer"
# getaddrinfo() has no timeout of its own: it runs here, and a fetch waits for it only the time it has left.
RESOLVER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="picture-dns")


class FetchFailed(Exception):
    """The picture could not be fetched (unreachable, an error status, too big, too slow)."""


class FetchRefused(FetchFailed):
    """The address is one the archive never fetches (a scheme other than http(s), a non-public host)."""


def is_public(address):
    """An address on the public internet: ``is_global``, and (is_global lets some through) not multicast."""
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_unspecified
                                      or address.is_loopback or address.is_link_local or address.is_private)


def public_address(host, port, timeout):
    """The one address `host` is fetched from: resolved once (within `timeout` seconds), and public unless
    allowed for tests."""
    try:
        infos = RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(timeout=timeout)
    except ResolveTimeout as error:
        raise FetchFailed(f"{host} was not resolved in time") from error
    except (OSError, UnicodeError) as error:
        raise FetchFailed(f"{host} cannot be resolved") from error
    addresses = []
    for info in infos:
        try:
            address = ipaddress.ip_address(info[4][0])
        except ValueError as error:  # an IPv6 address with a zone ("fe80::1%eth0") is link-local anyway
            raise FetchRefused(f"{host} resolves to a non-public address ({info[4][0]})") from error
        addresses.append(getattr(address, "ipv4_mapped", None) or address)
    if not addresses:
        raise FetchFailed(f"{host} cannot be resolved")
    if f"{host}:{port}" not in settings.FETCH_ALLOWED_PRIVATE_HOSTS:
        for address in addresses:
            if not is_public(address):
                raise FetchRefused(f"{host} resolves to a non-public address ({address})")
    return str(addresses[0])


def checked_target(url):
    """(scheme, host, port, path) of an http(s) URL, or FetchRefused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused(f"not a valid address: {url[:100]}") from error
    if parts.scheme not in DEFAULT_PORTS:
        raise FetchRefused(f"{parts.scheme or 'no'} scheme: only http and https are fetched")
    if not parts.hostname:
        raise FetchRefused("no host in the address")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS[parts.scheme], path


class Fetcher:
    """Fetches pictures for one import: a callable url -> bytes raising FetchFailed (or FetchRefused).

    Each picture has `timeout` seconds (redirects included) and `max_bytes`; all of them together
    `total_seconds`, after which every further picture fails at once without touching the network."""

    def __init__(self, timeout=None, max_bytes=None, total_seconds=None, clock=time.monotonic):
        self.timeout = timeout or settings.PICTURE_FETCH_TIMEOUT_SECONDS
        self.max_bytes = max_bytes or settings.PICTURE_FETCH_MAX_BYTES
        self.total_seconds = total_seconds or settings.PICTURE_FETCH_TOTAL_SECONDS
        self.clock = clock
        self.deadline = clock() + self.total_seconds

    def __call__(self, url):
        if self.clock() >= self.deadline:
            raise FetchFailed(f"the import's {self.total_seconds:g} s for fetching pictures ran out")
        deadline = min(self.clock() + self.timeout, self.deadline)
        for _ in range(MAX_REDIRECTS + 1):
            response = self.request(url, deadline)
            try:
                if response.status in REDIRECTS and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                if response.status != 200:
                    raise FetchFailed(f"HTTP {response.status}")
                return self.read(response, deadline)
            finally:
                response.release_conn()
        raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")

    def remaining(self, deadline):
        left = deadline - self.clock()
        if left <= 0:
            raise FetchFailed(f"took longer than {self.timeout:g} s" if deadline < self.deadline
                              else f"the import's {self.total_seconds:g} s for fetching pictures ran out")
        return left

    def request(self, url, deadline):
        scheme, host, port, path = checked_target(url)
        address = public_address(host, port, self.remaining(deadline))
        left = self.remaining(deadline)
        timeout = urllib3.Timeout(connect=left, read=left)
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1,
                                               cert_reqs="CERT_REQUIRED", assert_hostname=host,
                                               server_hostname=host)
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
        name = f"[{host}]" if ":" in host else host
        headers = {"Host": name if port == DEFAULT_PORTS[scheme] else f"{name}:{port}", "User-Agent": USER_AGENT,
                   "Accept": "image/*", "Accept-Encoding": "identity"}
        try:
            return pool.urlopen("GET", path, headers=headers, redirect=False, retries=False, preload_content=False,
                                decode_content=False, assert_same_host=False)
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchFailed(f"{host} could not be reached ({type(error).__name__})") from error

    def read(self, response, deadline):
        """The body, at most max_bytes, before the deadline: each read waits at most the time left."""
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchFailed(f"larger than {self.max_bytes // (1024 * 1024)} MB")
        chunks, size = [], 0
        while True:
            sock = getattr(response.connection, "sock", None)
            if sock is not None:
                sock.settimeout(self.remaining(deadline))
            try:
                chunk = response.read1(CHUNK, decode_content=False)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                raise FetchFailed(f"the download failed ({type(error).__name__})") from error
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchFailed(f"larger than {self.max_bytes // (1024 * 1024)} MB")
            chunks.append(chunk)
            self.remaining(deadline)

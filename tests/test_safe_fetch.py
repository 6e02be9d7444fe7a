"""Fetching pictures: http(s) only, public addresses only (checked at every redirect, connected to as
checked), at most 3 redirects, size and time limits, and every refusal listed by the import.

No test touches the network: resolution is monkeypatched, and redirects are served from 127.0.0.1
by servers that a fetch may reach only because the test lists them in FETCH_ALLOWED_PRIVATE_HOSTS."""
import http.server
import socket
import threading
import time
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from PIL import Image

from articles.images.safe_fetch import Fetcher, FetchFailed, FetchRefused
from articles.models import Article

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = BytesIO()
    Image.new("RGB", (30, 20), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


class Server:
    """A local HTTP server answering each path from `routes`: (status, headers, body or a callable(wfile))."""

    def __init__(self, routes=None):
        self.routes, self.requests = routes or {}, []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append((self.path, self.headers.get("Host")))
                status, headers, body = owner.routes.get(self.path, (404, {}, b""))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    body(self.wfile) if callable(body) else self.wfile.write(body)
                except OSError:  # the client gave up, as it should
                    pass

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def servers():
    made = []

    def make(routes=None):
        made.append(Server(routes))
        return made[-1]

    yield make
    for server in made:
        server.close()


def allow(settings, *servers):
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = [f"127.0.0.1:{server.port}" for server in servers]


def picture(body=None):
    data = body or png_bytes()
    return 200, {"Content-Type": "image/png", "Content-Length": str(len(data))}, data


def redirect(location):
    return 302, {"Location": location, "Content-Length": "0"}, b""


@pytest.fixture
def no_connections(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a refused address was connected to")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def resolving(monkeypatch, answers):
    """socket.getaddrinfo answering `answers` {host: [address, ...]}; returns the list of names asked."""
    real, asked = socket.getaddrinfo, []

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            asked.append(host)
            family = lambda a: socket.AF_INET6 if ":" in a else socket.AF_INET  # noqa: E731
            return [(family(a), socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.mark.parametrize("url", ["ftp://pictures.example/map.png", "file:///etc/passwd", "gopher://x.example/",
                                 "data:image/png;base64,AAAA", "//pictures.example/map.png", "http:///map.png",
                                 "http://pictures.example:99999/map.png"])
def test_only_http_and_https_addresses_are_fetched(url, no_connections):
    with pytest.raises(FetchRefused):
        Fetcher()(url)


@pytest.mark.parametrize("addresses", [
    ["127.0.0.1"], ["10.1.2.3"], ["172.16.0.9"], ["192.168.1.1"], ["169.254.169.254"], ["100.64.0.1"],
    ["0.0.0.0"], ["224.0.0.1"], ["240.0.0.1"], ["255.255.255.255"], ["::1"], ["fe80::1"], ["fc00::1"], ["::"],
    ["ff02::1"], ["::ffff:127.0.0.1"], ["93.184.216.34", "10.0.0.1"],  # one private answer among public ones
])
def test_a_host_resolving_to_a_non_public_address_is_refused_before_any_connection(monkeypatch, no_connections,
                                                                                 addresses):
    resolving(monkeypatch, {"pictures.example": addresses})
    with pytest.raises(FetchRefused, match="non-public address"):
        Fetcher()("http://pictures.example/map.png")


def test_an_address_literal_is_checked_like_a_name(no_connections):
    for url in ("http://127.0.0.1/x.png", "http://[::1]/x.png", "http://169.254.169.254/latest/meta-data/",
                "http://2130706433/x.png", "http://0x7f.1/x.png"):
        with pytest.raises(FetchFailed):
            Fetcher()(url)


def test_the_host_is_resolved_once_and_the_checked_address_is_the_one_connected_to(monkeypatch, settings, servers):
    server = servers({"/map.png": picture()})
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = [f"pictures.example:{server.port}"]
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])  # a second lookup would get another address (DNS rebinding)
    asked = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "pictures.example":
            asked.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in next(answers)]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    assert Fetcher()(f"http://pictures.example:{server.port}/map.png") == png_bytes()
    assert asked == ["pictures.example"]
    assert server.requests == [("/map.png", f"pictures.example:{server.port}")]  # the Host header names the host


def test_a_redirect_to_an_internal_address_is_refused_and_never_fetched(settings, servers):
    internal = servers({"/secret.png": picture()})  # reachable, but not allowed: stands for the office network
    public = servers()
    public.routes["/map.png"] = redirect(f"{internal.url}/secret.png")
    allow(settings, public)
    with pytest.raises(FetchRefused, match="non-public address"):
        Fetcher()(f"{public.url}/map.png")
    assert public.requests and not internal.requests


def test_a_redirect_to_another_scheme_is_refused(settings, servers):
    server = servers({"/map.png": redirect("ftp://pictures.example/map.png")})
    allow(settings, server)
    with pytest.raises(FetchRefused, match="ftp scheme"):
        Fetcher()(f"{server.url}/map.png")


def test_three_redirects_are_followed_and_a_fourth_is_refused(settings, servers):
    server = servers({"/1": redirect("/2"), "/2": redirect("/3"), "/3": redirect("/map.png"), "/map.png": picture(),
                      "/0": redirect("/1")})
    allow(settings, server)
    assert Fetcher()(f"{server.url}/1") == png_bytes()
    server.requests.clear()
    with pytest.raises(FetchRefused, match="more than 3 redirects"):
        Fetcher()(f"{server.url}/0")
    assert [path for path, _ in server.requests] == ["/0", "/1", "/2", "/3"]


def test_a_picture_over_the_size_limit_is_refused_whether_or_not_it_says_its_length(settings, servers):
    big = b"x" * 5000

    def unannounced(wfile):
        wfile.write(big)

    server = servers({"/said.png": picture(big), "/unsaid.png": (200, {"Connection": "close"}, unannounced)})
    allow(settings, server)
    for path in ("/said.png", "/unsaid.png"):
        with pytest.raises(FetchFailed, match="larger than"):
            Fetcher(max_bytes=4000)(f"{server.url}{path}")
    assert Fetcher(max_bytes=6000)(f"{server.url}/unsaid.png") == big


def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_picture_time_limit(settings, servers):
    stop = threading.Event()

    def trickle(wfile):
        for _ in range(200):  # 20 s at most, if the fetch did not give up
            if stop.is_set():
                return
            wfile.write(b"x")
            wfile.flush()
            time.sleep(0.1)

    server = servers({"/slow.png": (200, {"Content-Length": "1000"}, trickle)})
    allow(settings, server)
    try:
        with pytest.raises(FetchFailed, match="took longer than 0.5 s"):
            Fetcher(timeout=0.5)(f"{server.url}/slow.png")
    finally:
        stop.set()


def test_once_the_imports_time_is_spent_no_picture_is_fetched(settings, servers):
    server = servers({"/map.png": picture()})
    allow(settings, server)
    now = [1000.0]
    fetch = Fetcher(total_seconds=120, clock=lambda: now[0])
    assert fetch(f"{server.url}/map.png") == png_bytes()
    now[0] += 121
    with pytest.raises(FetchFailed, match="120 s for fetching pictures ran out"):
        fetch(f"{server.url}/map.png")
    assert len(server.requests) == 1


def test_a_host_that_takes_too_long_to_resolve_fails_at_the_picture_time_limit(monkeypatch, no_connections):
    release = threading.Event()
    real = socket.getaddrinfo

    def slow(host, port, *args, **kwargs):
        if host == "slow.example":
            release.wait(10)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    try:
        with pytest.raises(FetchFailed, match="slow.example was not resolved in time"):
            Fetcher(timeout=0.3)("http://slow.example/map.png")
    finally:
        release.set()


def test_the_limits_come_from_settings(settings):
    settings.PICTURE_FETCH_TIMEOUT_SECONDS, settings.PICTURE_FETCH_MAX_BYTES = 3, 1234
    settings.PICTURE_FETCH_TOTAL_SECONDS = 45
    fetch = Fetcher()
    assert (fetch.timeout, fetch.max_bytes, fetch.total_seconds) == (3, 1234, 45)


def test_import_page_lists_every_picture_it_did_not_copy_with_its_article(settings, servers, tmp_path):
    internal = servers({"/secret.png": picture()})
    public = servers({"/map.png": picture(), "/moved.png": redirect(f"{internal.url}/secret.png"),
                      "/ftp.png": redirect("ftp://pictures.example/x.png")})
    allow(settings, public)
    page = tmp_path / "mapped.html"
    page.write_text(f"""<!DOCTYPE html><html><head><title>Mapped Talks | The Peninsula</title></head><body>
<article><h1>Mapped Talks</h1><p>Published March 3, 2016</p>
<p>The two Koreas met again this week at Panmunjom, and officials said the talks had gone better than expected.</p>
<p><img src="{public.url}/map.png" alt="Map"> <img src="{public.url}/moved.png" alt="Moved">
<img src="{public.url}/ftp.png" alt="Elsewhere"></p>
<p>Delegates agreed to meet again next month to discuss family reunions and the Kaesong industrial complex.</p>
</article></body></html>""")
    out = StringIO()
    call_command("import_page", str(page), "--no-progress", "--copy-images", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "1 external pictures copied into storage, 2 not copied (kept as links)" in text
    assert f"not copied: mapped-talks: {public.url}/moved.png: 127.0.0.1 resolves to a non-public address" in text
    assert f"not copied: mapped-talks: {public.url}/ftp.png: ftp scheme" in text
    body = Article.objects.get(slug="mapped-talks").body
    assert f"{public.url}/moved.png" in body and "/media/imported/" in body and not internal.requests

"""The portal served as production serves it (gunicorn with gunicorn.conf.py, DEBUG off), on a
loopback port, for the load test and the scale-out test."""

import contextlib
import http.cookiejar
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the TLS-terminating proxy tells the app (gunicorn believes it from loopback).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(*, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production host: only what operations.md says to set."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        **extra,
    }


def get(url: str, *, headers: dict[str, str] | None = None, timeout: float = 10):
    """GET as the proxy forwards it: (status, body)."""
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@contextlib.contextmanager
def production_server(env: dict[str, str], *, workers: int = 3, log=subprocess.DEVNULL):
    """gunicorn in the checkout on a free loopback port; yields its base URL, stops it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)},
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                if get(f"{base}/halsa/", timeout=2)[0] == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start on {base}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


class Browser:
    """A browser's cookies and forms over urllib, as the proxy forwards them (HTTPS)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, url: str):
        return self._open(urllib.request.Request(url, headers=PROXY_HEADERS))

    def post(self, url: str, data: dict[str, str]):
        """A form post with the CSRF token from the cookie, from the page's own origin."""
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        origin = "https://" + urllib.parse.urlsplit(url).netloc
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        headers = {**PROXY_HEADERS, "Origin": origin, "Referer": url}
        return self._open(urllib.request.Request(url, data=body, headers=headers))

    def log_in(self, base: str, username: str, password: str):
        self.get(f"{base}/konto/logga-in/")
        return self.post(f"{base}/konto/logga-in/", {"username": username, "password": password})

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

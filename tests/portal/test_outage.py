"""A database outage answers 503 with Retry-After and one log line, and the service heals by
itself with no write half-done.

The suite starts a PostgreSQL of its own (initdb and pg_ctl into a scratch folder, on a free
port; never the shared server) and the app under gunicorn against it, as production runs it.
It runs in the PostgreSQL pass (DATABASE_URL set); without PostgreSQL's server binaries it is
skipped, except under CI=true, where that fails the run."""

import contextlib
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest

from tests.loopback import free_port

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    pytest.skip("the outage test runs in the PostgreSQL pass", allow_module_level=True)
if not (PG_BIN / "pg_ctl").exists() and os.environ.get("CI") != "true":
    pytest.skip(f"no PostgreSQL server binaries in {PG_BIN} (PG_BIN)", allow_module_level=True)


class OwnPostgres:
    """A throwaway PostgreSQL cluster: trust auth, loopback only, its own port."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-outage-"))
        self.data = self.folder / "data"
        self.port = free_port()
        # PostgreSQL refuses to run as root; the Debian packages' user owns the cluster then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def run(self, program, *args):
        subprocess.run(
            [*self.as_user, str(PG_BIN / program), *args],
            check=True,
            capture_output=True,
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def count(self, table):
        with psycopg.connect(self.url) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


class Browser:
    """An anonymous visitor: cookies kept, redirects not followed, any status returned."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirect
        )

    def request(self, path, data=None):
        try:
            with self.opener.open(self.base + path, data=data, timeout=20) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def post_form(self, path, fields):
        """Send a form as a person does: load its page, then post it with the page's token."""
        status, _, page = self.request(path)
        if status != 200:
            return status, {}
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        status, headers, _ = self.request(path, body)
        return status, headers

    def report(self, text):
        return self.post_form("/tillganglighet/", {"description": text})


@pytest.fixture
def cluster():
    database = OwnPostgres()
    database.start()
    yield database
    with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
        database.stop()
    shutil.rmtree(database.folder, ignore_errors=True)


@pytest.fixture
def app(cluster):
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": cluster.url,
        "SECRET_KEY": "outage-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "STATIC_MANIFEST": "0",
        "BARRIER_REPORT_RATE": "100000/m",
        "MEDIA_ROOT": str(cluster.folder / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    log = cluster.folder / "app.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--timeout", "30"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    browser = Browser(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if browser.request("/")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        pytest.fail("the app did not start: " + log.read_text()[-3000:])
    browser.log, browser.env = log, env
    yield browser
    server.terminate()
    server.wait(timeout=30)


def test_an_outage_answers_503_and_heals_without_half_writes(cluster, app):
    acknowledged = sum(app.report(f"fore-{n}")[0] == 302 for n in range(10))
    assert acknowledged == 10

    cluster.stop()
    during = [app.request("/") for _ in range(10)] + [app.report(f"under-{n}") for n in range(5)]
    statuses = [answer[0] for answer in during]
    assert set(statuses) == {503}, statuses
    assert all(answer[1].get("Retry-After") == "30" for answer in during)
    assert "tillfälligt otillgänglig" in app.request("/")[2]
    health = app.request("/halsa/")
    assert health[0] == 503
    assert '"database": "fel"' in health[2] and '"storage": "ok"' in health[2]

    cluster.start()
    after = [app.request("/")[0] for _ in range(5)]
    assert after == [200] * 5  # healed by itself, from the first request on
    assert app.request("/halsa/")[0] == 200
    acknowledged += sum(app.report(f"efter-{n}")[0] == 302 for n in range(10))
    assert acknowledged == 20

    # Every acknowledged write is there with its history; nothing else is.
    assert cluster.count("portal_barrierreport") == acknowledged
    assert cluster.count("portal_historicalbarrierreport") == acknowledged

    log = app.log.read_text()
    assert "Traceback" not in log
    outage_lines = log.count("Databasen kan inte nås")
    assert 1 <= outage_lines <= 2  # once per worker that noticed, not once per request


def test_an_outage_met_outside_a_view_answers_503_too(cluster, app):
    """Where the database is first needed outside a view (the page for an address that leads
    nowhere loads the session's user to draw its header), the outage is still a 503, not a
    500 with a traceback."""
    create = "from django.contrib.auth.models import User; User.objects.create_user('anna', password='rätt-lösenord-2026')"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", create], cwd=ROOT, env=app.env, check=True
    )
    status, _ = app.post_form(
        "/konto/logga-in/", {"username": "anna", "password": "rätt-lösenord-2026"}
    )
    assert status == 302

    cluster.stop()
    paths = ("/finns-inte/", "/konto/logga-in/", "/", "/sok/?q=plan")
    during = [app.request(path) for path in paths]
    assert [answer[0] for answer in during] == [503] * len(paths)
    assert all(answer[1].get("Retry-After") == "30" for answer in during)
    assert "tillfälligt otillgänglig" in during[0][2]

    cluster.start()
    status, _, page = app.request("/")
    assert status == 200 and "Logga ut" in page  # still logged in
    assert "Traceback" not in app.log.read_text()

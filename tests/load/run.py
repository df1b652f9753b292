"""`make loadtest`: wrk against the portal served as in production, page by page.

gunicorn with gunicorn.conf.py (DEBUG off, its 3 workers), PostgreSQL and Redis, the demo
loaded into the load test's own database. Prints per page req/s, p50, p95, the slowest
request and errors, with a static file (whitenoise, the stack's ceiling), measured just
before each page, as the yardstick.
Bounded: LOADTEST_SECONDS per page (10), LOADTEST_CONNECTIONS clients (50). Not part of CI:
the figures depend on the machine. Run from the checkout: `python -m tests.load.run`.
"""

import json
import os
import shutil
import subprocess
import sys

import dj_database_url
import psycopg

from tests.servers import ROOT, get, production_env, production_server

DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_loadtest"
)
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/1")
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "50"))
SKANE = "/planer/skane-aktivitets-och-tidplan-2022-2025/"
PAGES = {
    "static file": "/static/css/portal.css",
    "home": "/",
    "register": "/overenskommelser/",
    "agreement": "/overenskommelser/STY-02292/",
    "Skåne plan": SKANE,
    "timeline": f"{SKANE}tidslinje/",
    "Bevakning": "/planer/bevakning/",
}


def create_database() -> None:
    config = dj_database_url.parse(DATABASE_URL)
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def wrk(url: str) -> dict:
    result = subprocess.run(
        [
            "wrk",
            f"--threads={min(CONNECTIONS, 2)}",
            f"--connections={CONNECTIONS}",
            f"--duration={SECONDS}s",
            "--timeout=10s",
            f"--script={ROOT / 'tests' / 'load' / 'report.lua'}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["rate"] = figures["requests"] / figures["seconds"]
    return figures


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    create_database()
    env = production_env(database_url=DATABASE_URL, redis_url=REDIS_URL)
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        manage(env, *command)
    with production_server(env) as base:
        for path in PAGES.values():  # each page once, so no run starts cold
            status, _ = get(base + path)
            if status != 200:
                sys.exit(f"{path} answered {status}")
        # The static file again before each page: on a shared machine the load of others
        # changes from one run to the next, and the ratio compares runs side by side.
        results = {
            page: (wrk(base + PAGES["static file"]), wrk(base + path))
            for page, path in PAGES.items()
            if page != "static file"
        }
    print(f"\n{CONNECTIONS} clients, {SECONDS} s per run, gunicorn.conf.py")
    print(
        f"{'page':<13}{'req/s':>8}{'static':>8}{'of static':>11}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'max ms':>9}{'errors':>8}"
    )
    for page, (static, figures) in results.items():
        print(
            f"{page:<13}{figures['rate']:>8.0f}{static['rate']:>8.0f}"
            f"{figures['rate'] / static['rate']:>11.2f}"
            f"{figures['p50_ms']:>9.1f}{figures['p95_ms']:>9.1f}{figures['max_ms']:>9.0f}"
            f"{figures['errors'] + figures['non_2xx']:>8}"
        )


if __name__ == "__main__":
    main()

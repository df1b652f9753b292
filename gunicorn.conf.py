"""gunicorn's configuration (read from the working directory): `gunicorn portal.wsgi`.

Bound to loopback by default: the TLS-terminating proxy in front forwards to it. Everything
is set by environment variables (README.md, "Production")."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# About two per core; each worker holds one request at a time (PDF rendering is CPU-bound).
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Only the proxy's X-Forwarded-* headers are believed.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One line per request on stdout (the error log, and Django's log, go to stderr).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
if os.environ.get("LOG_FORMAT") == "json":
    access_log_format = (
        '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
        '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s, '
        '"user_agent": "%(a)s"}'
    )
else:
    access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'

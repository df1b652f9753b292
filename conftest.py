import os

# Tests run with DEBUG off, as production does, but over plain HTTP on localhost:
# a test-only key, no HTTPS redirect, cookies usable without TLS.
os.environ.setdefault("ALLOW_INSECURE_DEV_KEY", "1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("STATIC_MANIFEST", "0")

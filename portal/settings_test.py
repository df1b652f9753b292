"""The test suite's environment: the one settings module, run as production runs (DEBUG off)
but over plain HTTP on localhost, with a test-only key. Only environment defaults live here."""

import os
import tempfile

for name, value in {
    "ALLOW_INSECURE_DEV_KEY": "1",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
    "STATIC_MANIFEST": "0",
    # Uploaded and rendered files go to a scratch folder, never into the checkout.
    "MEDIA_ROOT": tempfile.mkdtemp(prefix="portal-test-media-"),
}.items():
    os.environ.setdefault(name, value)

from portal.settings import *  # noqa: E402, F403

# Hashing passwords properly is slow by design; tests log in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

"""Start the test provider (see settings.py here) for a portal at a given address."""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.loopback import free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "idp-lösenord-2026"  # every person's at the provider (prepare.py makes them)
CLIENT_ID = "samverkansportalen"
CLIENT_SECRET = "portal-hemlighet-" + "s" * 30
PROVIDER_NAME = "Testregionens inloggning"


@contextlib.contextmanager
def running_provider(portal_url: str):
    """The provider on 127.0.0.1 (the portal runs on localhost, so that the two keep their
    cookies apart), its database prepared; yields its base and discovery URLs."""
    folder = Path(tempfile.mkdtemp(prefix="portal-oidc-"))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DB": str(folder / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        "PORTAL_URL": portal_url,
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "PASSWORD": PASSWORD,
    }
    subprocess.run(
        [sys.executable, "-m", "tests.oidc_provider.prepare"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    log_path = folder / "provider.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    discovery = f"{base}/o/.well-known/openid-configuration"
    try:
        deadline = time.monotonic() + 30
        while not _answers(discovery):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the OIDC provider did not start: " + log_path.read_text())
            time.sleep(0.2)
        yield {"base": base, "discovery": discovery}
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.ConnectionError:
        return False

import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, settings

from tests import factories
from tests.clients import BrowserLikeClient
from tests.demo import load_demo

# Properties are checked on what they state, never on how fast examples come: on a busy machine
# (CI beside other work) Hypothesis's timing checks would fail a correct test.
settings.register_profile("portal", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("portal")

CATALOGUE = Path(__file__).resolve().parents[1] / "locale/en/LC_MESSAGES/django.po"


def pytest_sessionstart(session):
    """The English catalogue is build output (`make messages`): compiled here as well when it
    is missing or older than its .po, so a plain `pytest` reads the English pages translated."""
    compiled = CATALOGUE.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < CATALOGUE.stat().st_mtime:
        call_command("compilemessages", locale=["en"], ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture
def user(db):
    """The acting user a service records in the history."""
    return factories.ActingUserFactory(first_name="Rita", last_name="Registrator")


@pytest.fixture
def client():
    """Posts as a browser does: URL-encoded unless a file is sent (multipart to a view that
    takes no file is refused before its body is read)."""
    return BrowserLikeClient()


@pytest.fixture
def reader(db):
    return factories.ReaderFactory()


@pytest.fixture
def strategist(db):
    return factories.StrategistFactory()


@pytest.fixture
def register_admin(db):
    return factories.RegisterAdminFactory()


@pytest.fixture
def superuser(db):
    return factories.SuperuserFactory()


@pytest.fixture(params=["anonymous", "reader", "strategist", "register_admin"])
def any_role_client(request, client, db):
    """A client logged in as each role in turn (and once anonymous)."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    client.role = request.param
    return client


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module in a transaction rolled back at its end.

    A load is some two thousand queries; each test still runs in its own savepoint
    inside this transaction, so a test that changes the data changes it only for itself.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded and rendered files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    """Transactional tests (the browser tests) flush the database, and content types come
    back under new ids; Django's per-process cache would still hand out the old ones."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture
def role_groups(transactional_db):
    """The role groups a data migration creates: transactional_db flushes them between tests,
    and the user factories add users to them by name."""
    from django.apps import apps

    from portal.roles import sync_role_groups

    # sync_role_groups flips models_module on the registry it is given (written for the
    # migrations' historical registry); put the real registry back as it was.
    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        sync_role_groups(apps)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread (LocaleMiddleware does not reset
    it): after a test asking in English, what the next module renders outside a request (a
    module-scoped PDF, say) would come out in English."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache holds the rate limits' counters: each test starts with none counted."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def oidc_provider(live_server):
    """A real OpenID Connect provider on loopback (tests/oidc_provider/), for the portal at
    live_server: its people, and the portal registered as its client."""
    from tests.oidc_provider.server import running_provider

    with running_provider(live_server.url) as provider:
        yield provider


@pytest.fixture
def sso_settings(settings, oidc_provider, role_groups):
    """The portal configured for single sign-on as production would be: client id, secret
    and the provider's discovery URL."""
    from tests.oidc_provider.server import CLIENT_ID, CLIENT_SECRET, PROVIDER_NAME

    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_DISCOVERY_URL = oidc_provider["discovery"]
    settings.OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.AUTHENTICATION_BACKENDS = [
        "portal.sso.SingleSignOnBackend",
        *settings.AUTHENTICATION_BACKENDS,
    ]
    return settings


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode())
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port, for the duration of the test."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    mailbox.port = port
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield mailbox
    controller.stop()

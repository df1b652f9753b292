"""Several app servers on one PostgreSQL and one Redis (docs/operations.md, "Scaling"): two
gunicorns, each as production runs it, share sessions, the page cache and the content, so
an edit through one is seen through the other at once, by strangers too."""

import os
import uuid

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from plans.models import Plan
from tests import factories
from tests.servers import Browser, get, production_env, production_server

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the servers share the test database: PostgreSQL only",
    ),
]

PASSWORD = "ett-långt-lösenord-för-testet"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def test_an_edit_through_one_server_is_seen_through_the_other_at_once(role_groups):
    strategist = factories.StrategistFactory()
    # Hashed as production hashes it (the suite's settings hash with MD5, for speed).
    strategist.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    strategist.save()
    plan = factories.PublishedPlanFactory(title="Plan på två servrar")
    initiative = factories.InitiativeFactory(section=factories.SectionFactory(plan=plan))
    plan.editors.add(strategist)
    database = connection.settings_dict
    env = production_env(
        database_url=(
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        redis_url=REDIS_URL,
        CACHE_KEY_PREFIX=f"scale-out-{uuid.uuid4()}",  # nothing from an earlier run
        # The test's client speaks plain HTTP to loopback; the proxy's TLS is left out.
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        # Static files as `runserver` finds them: this test is about state, not collectstatic.
        STATIC_MANIFEST="0",
    )
    with production_server(env, workers=1) as one, production_server(env, workers=1) as two:
        path = plan.get_absolute_url()
        for server in (one, two, one, two):  # cached by both, then read from the cache
            status, page = get(server + path)
            assert status == 200 and "Sjukskrivningarna" not in page

        editor = Browser()
        status, page = editor.log_in(one, strategist.username, PASSWORD)
        assert status == 200 and strategist.get_full_name() in page
        status, _ = editor.post(
            f"{one}{path}insats/{initiative.pk}/status/",
            {
                "status": "delayed",
                "date": timezone.localdate().isoformat(),
                "comment": "Sjukskrivningarna försenar",
            },
        )
        assert status == 200

        # The session made on one is good on two; the stranger's cached page is renewed.
        status, page = editor.get(two + path)
        assert status == 200 and "Sjukskrivningarna försenar" in page
        assert strategist.get_full_name() in page
        for server in (two, one):
            assert "Sjukskrivningarna försenar" in get(server + path)[1]
    assert Plan.objects.get(pk=plan.pk).status == Plan.Status.PUBLISHED

"""The page cache (core.pagecache) beyond plans: what it never stores or answers, and that it
is a shortcut, never a dependency."""

import socket

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.clients import BrowserLikeClient
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def test_a_new_agreement_shows_on_the_next_anonymous_request(client):
    assert count_queries(client, "/overenskommelser/") > 1
    assert count_queries(client, "/overenskommelser/") == 1  # the version: from the cache
    agreement = factories.AgreementFactory(title="Avtal om hemsjukvård")
    assert agreement.title in client.get("/overenskommelser/").content.decode()


def test_a_page_with_a_form_keeps_each_visitors_own_csrf_token():
    tokens = set()
    for _ in range(2):
        response = BrowserLikeClient().get("/konto/logga-in/")
        assert response.status_code == 200
        tokens.add(response.cookies["csrftoken"].value)
    assert len(tokens) == 2


def test_someone_logged_in_is_never_answered_from_the_cache(client, reader):
    client.get("/")
    client.force_login(reader)
    assert count_queries(client, "/") > 1
    assert reader.get_full_name() in client.get("/").content.decode()
    client.logout()
    assert reader.get_full_name() not in client.get("/").content.decode()


def test_htmx_fragments_are_never_answered_from_the_cache(client):
    client.get("/overenskommelser/")
    assert count_queries(client, "/overenskommelser/") == 1
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/overenskommelser/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and len(captured) > 1


def test_pages_are_served_while_the_cache_is_down(client, settings):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}
    }
    try:
        for _ in range(2):
            assert client.get("/overenskommelser/").status_code == 200
    finally:
        caches["default"].close()

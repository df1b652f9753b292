"""Production behaviour that is not one page's: caching of drafts, one transaction per write
with its history, the deploy checks."""

import json
import runpy
import socket
from pathlib import Path

import pytest
from simple_history.signals import pre_create_historical_record

from plans.models import Plan, StatusUpdate
from plans.services import status_update_record
from tests import factories
from tests.portal.test_views import production_python

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_draft_is_sent_private_so_no_shared_cache_keeps_it(client, reader):
    draft = factories.PlanFactory(status=Plan.Status.DRAFT)
    client.force_login(reader)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_public_page_for_a_stranger_is_not_marked_private(client):
    response = client.get("/")
    assert "private" not in response.get("Cache-Control", "")


class HistoryFails(Exception):
    pass


def refuse_history(**kwargs):
    raise HistoryFails


@pytest.mark.django_db(transaction=True)
def test_a_status_update_and_its_history_are_one_transaction(role_groups, strategist):
    """Called outside any transaction, as a script or a command would: when the history row
    cannot be written, the status update is not written either."""
    initiative = factories.InitiativeFactory(letter="a")
    pre_create_historical_record.connect(refuse_history, dispatch_uid="refuse")
    try:
        with pytest.raises(HistoryFails):
            status_update_record(user=strategist, initiative=initiative, status="on_track")
    finally:
        pre_create_historical_record.disconnect(dispatch_uid="refuse")
    assert not StatusUpdate.objects.exists()
    assert not StatusUpdate.history.exists()


def test_check_deploy_warns_without_a_shared_cache():
    result = production_python(
        "manage.py",
        "check",
        "--deploy",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="portal.example.se",
    )
    assert "portal.W001" in result.stderr + result.stdout
    assert "portal.W003" in result.stderr + result.stdout  # SITE_URL not set either


@pytest.mark.django_db
def test_health_reports_database_cache_and_storage(client, media):
    response = client.get("/halsa/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_when_the_cache_is_down(client, settings, media):
    from django.core.cache import caches

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    try:
        response = client.get("/halsa/")
    finally:
        caches["default"].close()
    assert response.status_code == 503
    assert response.json()["cache"] == "fel"


def test_gunicorn_binds_to_loopback_and_logs_access_by_default():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8000"
    assert config["accesslog"] == "-"
    assert config["workers"] >= 2


def test_log_lines_are_json_on_request():
    result = production_python(
        "manage.py",
        "shell",
        "-c",
        "import logging; logging.getLogger('portal').warning('Databasen svarar igen.')",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        LOG_FORMAT="json",
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING"
    assert line["logger"] == "portal"
    assert line["message"] == "Databasen svarar igen."

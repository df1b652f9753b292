"""The home page, the accessibility statement, login, and what every response carries."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.models import BarrierReport
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_page_has_a_skip_link_and_swedish_language(client, db):
    content = client.get(reverse("home")).content.decode()
    assert '<html lang="sv">' in content
    assert 'href="#innehall"' in content


def test_responses_carry_strict_security_headers(client, db):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_alone_may_style_inline_and_no_page_may_use_camera_or_location(client, db):
    admin_csp = client.get("/admin/login/")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in admin_csp
    assert "script-src 'self'" in admin_csp and "script-src 'self' 'unsafe" not in admin_csp
    permissions = client.get(reverse("home"))["Permissions-Policy"]
    assert {"camera=()", "microphone=()", "geolocation=()"} <= set(permissions.split(", "))


def test_accessibility_statement_explains_how_to_report_a_barrier(client, db):
    response = client.get(reverse("accessibility"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in content
    assert "Rapportera en brist" in content and "Digg" in content


def test_reporting_a_barrier_stores_it_and_thanks_the_reporter(client, db):
    response = client.post(
        reverse("accessibility"),
        {"page": "/overenskommelser/", "description": "Fokus syns inte i filtret."},
        follow=True,
    )
    assert response.status_code == 200
    assert "Tack!" in response.content.decode()
    assert BarrierReport.objects.get().description == "Fokus syns inte i filtret."


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"description": ""},
        {"description": "x", "contact": "inte-en-adress"},
        {"description": "x" * 6000},
    ],
    ids=["empty", "blank", "bad-email", "huge"],
)
def test_bad_barrier_reports_are_refused_with_an_error_summary(client, db, data):
    response = client.post(reverse("accessibility"), data)
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in response.content.decode()
    assert not BarrierReport.objects.exists()


def test_login_page_is_in_swedish_and_wrong_password_is_explained(client, db):
    factories.ReaderFactory(username="lisa")
    response = client.post(reverse("login"), {"username": "lisa", "password": "fel"})
    assert response.status_code == 200
    assert "Formuläret innehåller fel" in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/"])
def test_the_admin_refuses_a_register_admin_in_swedish(client, register_admin, path):
    client.force_login(register_admin)
    response = client.get(path)
    assert response.status_code == 403
    assert "sköts på portalens egna sidor" in response.content.decode()


def test_a_superuser_can_use_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/agreements/agreement/").status_code == 200
    assert client.get("/admin/governance/body/").status_code == 200
    assert "Samverkansportalen – administration" in client.get("/admin/").content.decode()


def production_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Python run in the checkout as production runs it: the plain settings, DEBUG off, and
    only the environment given (so no SECRET_KEY unless given)."""
    return subprocess.run(
        [sys.executable, *args],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = production_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="portal.example.se",
        REDIS_URL="redis://127.0.0.1:6379/0",
        CONTACT_REGISTER_EMAIL="registret@region.example",
        CONTACT_ACCESSIBILITY_EMAIL="tillganglighet@region.example",
        SITE_URL="https://portal.example.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = production_python("manage.py", "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_web_server_refuses_to_start_without_a_secret_key():
    result = production_python("-c", "import portal.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_commands_that_only_read_the_code_run_without_a_secret_key():
    for command in (["makemigrations", "--dry-run"], ["help"]):
        result = production_python("manage.py", *command)
        assert result.returncode == 0, result.stdout + result.stderr


def test_demo_users_are_refused_outside_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_demo_users")


def test_no_demo_user_may_use_the_admin(settings, db):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    call_command("create_demo_users")
    users = get_user_model().objects.filter(username__in=["lasare", "strateg", "registeradmin"])
    assert [(user.is_staff, user.is_superuser) for user in users] == [(False, False)] * 3
    # The register administrator keeps decisions in the portal's own pages instead.
    assert users.get(username="registeradmin").has_perm("governance.add_decision")

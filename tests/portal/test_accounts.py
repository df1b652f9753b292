"""Accounts: login withstands guessing (django-axes), a person regains access by e-mail
(through a real SMTP server on loopback), sessions end, and an operator makes users with roles
and plan editorship from the command line, without DEBUG."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal import roles
from tests import factories
from tests.clients import BrowserLikeClient

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-2026"


@pytest.fixture
def lisa(db):
    user = factories.UserFactory(username="lisa", email="lisa@example.se")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, password, address="10.0.0.1", username="lisa"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_guessing_a_password_is_locked_out_with_429(client, lisa):
    statuses = [log_in(client, f"gissning-{n}").status_code for n in range(30)]
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert statuses[4:] == [429] * 26  # the fifth failure locks the pair out
    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_shut_the_person_out_from_elsewhere(client, lisa):
    for n in range(5):
        log_in(client, f"gissning-{n}", address="10.6.6.6")
    assert log_in(BrowserLikeClient(), PASSWORD, address="10.0.0.1").status_code == 302


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(client, lisa):
    for n in range(4):
        log_in(client, f"gissning-{n}")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        assert log_in(client, f"igen-{n}").status_code == 200


def test_sessions_end_with_the_browser_and_after_a_working_day(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_a_forgotten_password_is_reset_through_a_link_by_email(client, lisa, smtp_server):
    response = client.post(reverse("password_reset"), {"email": "lisa@example.se"})
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert "To: lisa@example.se" in message
    link = re.search(r"http://testserver(/konto/nytt-losenord/\S+/\S+/)", message).group(1)
    form = client.get(link, follow=True)
    assert "Välj nytt lösenord" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "ett-helt-nytt-2026", "new_password2": "ett-helt-nytt-2026"},
    )
    assert done.status_code == 302
    assert log_in(BrowserLikeClient(), "ett-helt-nytt-2026").status_code == 302
    # The link works once.
    assert "fungerar inte längre" in client.get(link, follow=True).content.decode()


def test_the_reset_mail_is_in_the_language_the_reader_asked_in(client, lisa, smtp_server):
    client.post(
        reverse("password_reset"), {"email": "lisa@example.se"}, HTTP_ACCEPT_LANGUAGE="en-GB"
    )
    [message] = smtp_server.messages
    assert "Subject: New password for Samverkansportalen" in message
    assert "Someone, hopefully you, has asked for a new password" in message
    assert "Hej!" not in message


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, lisa, smtp_server):
    response = client.post(reverse("password_reset"), {"email": "okand@example.se"})
    assert response.status_code == 302
    assert smtp_server.messages == []


def test_password_reset_requests_are_rate_limited(client, lisa, settings):
    settings.PASSWORD_RESET_RATE = "3/h"
    statuses = [
        client.post(reverse("password_reset"), {"email": "x@example.se"}).status_code
        for _ in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]


def test_the_barrier_report_is_rate_limited_per_address(client, settings):
    settings.BARRIER_REPORT_RATE = "2/h"
    statuses = [
        client.post(reverse("accessibility"), {"description": f"Problem {n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 429, 429]
    refused = client.post(reverse("accessibility"), {"description": "igen"})
    assert "många rapporter" in refused.content.decode()
    other = client.post(reverse("accessibility"), {"description": "annan"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


class TestUserGrant:
    """`manage.py user_grant`: the one way to make users with roles (DEBUG off in tests)."""

    def test_creates_a_user_with_a_role_and_plan_editorship(self, settings):
        assert not settings.DEBUG
        plan = factories.PlanFactory(slug="skane-2022")
        call_command(
            "user_grant",
            "sara",
            "--email=sara@example.se",
            f"--role={roles.STRATEGIST}",
            "--plan=skane-2022",
        )
        sara = get_user_model().objects.get(username="sara")
        assert [g.name for g in sara.groups.all()] == [roles.STRATEGIST]
        assert list(plan.editors.all()) == [sara]
        assert sara.has_usable_password()  # so that password reset is offered
        assert sara.has_perm("plans.change_plan")

    def test_grants_and_revokes_on_an_existing_user(self, lisa):
        call_command("user_grant", "lisa", f"--role={roles.READER}", "--superuser")
        call_command("user_grant", "lisa", f"--revoke={roles.READER}")
        lisa.refresh_from_db()
        assert lisa.is_superuser and lisa.is_staff  # the admin's own test asks for staff too
        assert not lisa.groups.exists()
        call_command("user_grant", "lisa", "--no-superuser")
        lisa.refresh_from_db()
        assert not lisa.is_superuser and not lisa.is_staff

    def test_an_unknown_role_or_plan_changes_nothing(self):
        with pytest.raises(CommandError, match="Okänd roll"):
            call_command("user_grant", "nils", "--role=Superhjälte")
        with pytest.raises(CommandError, match="Okänd plan"):
            call_command("user_grant", "nils", f"--role={roles.READER}", "--plan=finns-inte")
        assert not get_user_model().objects.filter(username="nils").exists()

"""Expediera is a page of its own: it shows what will be frozen and for ever public before the
one button that issues; a report dated after the day it is issued is refused in Swedish."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import BoardReport

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def test_the_confirmation_page_asks_the_right_roles(any_role_client, draft):
    url = reverse("governance:board_report_issue", args=[draft.pk])
    response = any_role_client.get(url)
    expected = {"anonymous": 302, "reader": 403, "strategist": 403, "register_admin": 200}
    assert response.status_code == expected[any_role_client.role]
    draft.refresh_from_db()
    assert not draft.is_issued


def test_the_confirmation_page_shows_what_is_frozen_and_issues_nothing(
    client, register_admin, draft
):
    client.force_login(register_admin)
    detail = client.get(draft.get_absolute_url()).content.decode()
    url = reverse("governance:board_report_issue", args=[draft.pk])
    assert f'href="{url}"' in detail  # a link to the page, not a button that issues at once

    content = client.get(url).content.decode()

    assert "Det här går inte att ångra." in content
    assert "offentlig för alla" in content
    assert "Marie Loob" in content and "Förslag till beslut" in content
    assert "Expediera och spara för alltid" in content
    draft.refresh_from_db()
    assert not draft.is_issued


def test_a_report_dated_after_today_is_not_issued(client, register_admin, draft):
    ahead = timezone.localdate() + datetime.timedelta(days=3)
    BoardReport.objects.filter(pk=draft.pk).update(date=ahead)
    client.force_login(register_admin)

    response = client.post(reverse("governance:board_report_issue", args=[draft.pk]))

    assert response.status_code == 400
    assert "efter dagens datum" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_issued and not draft.pdf


def test_the_form_refuses_a_date_in_the_future(client, register_admin, draft):
    client.force_login(register_admin)
    url = reverse("governance:board_report_edit", args=[draft.pk])
    data = {
        "organisation": draft.organisation_id,
        "date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "title": draft.title,
        "recipients": [body.pk for body in draft.recipients.all()],
        "revision": draft.revision,
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Tjänsteskrivelsens datum kan inte ligga i framtiden." in response.content.decode()

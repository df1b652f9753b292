"""Help in the portal: a guide per role, the glossary, and whom to write to, named where
people need it (the 403 page, the footer, the accessibility statement)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from portal.help import GLOSSARY

pytestmark = pytest.mark.django_db

REGISTER = {"CONTACT_REGISTER_NAME": "Registret på Region Gotland"}


def test_the_help_page_has_a_guide_for_each_role(client):
    content = client.get(reverse("help")).content.decode()
    for anchor in ("lasare", "namndledamot", "strateg", "registeradministrator", "behorighet"):
        assert f'id="{anchor}"' in content
    assert reverse("governance:my_meetings") in content
    assert reverse("glossary") in content


def test_the_glossary_explains_the_domains_words_with_their_english(client):
    content = client.get(reverse("glossary")).content.decode()
    for word in ("Överenskommelse (ÖK)", "Ramverk", "Tjänsteskrivelse", "Bevakning"):
        assert word in content
    assert '<span class="muted" lang="en">(board report (officer&#x27;s report))</span>' in content
    assert 'id="ord-forfallen"' in content
    assert len({term.anchor for term in GLOSSARY}) == len(GLOSSARY)


def test_the_403_page_names_whom_to_ask_for_access(client, reader, settings):
    settings.CONTACT_REGISTER_NAME = "registret på Region Gotland"
    settings.CONTACT_REGISTER_EMAIL = "registret@gotland.example"
    client.force_login(reader)
    response = client.get(reverse("plans:plan_create"))
    content = response.content.decode()
    assert response.status_code == 403
    assert "Skriv till registret på Region Gotland" in content
    assert 'href="mailto:registret@gotland.example"' in content
    assert f"{reverse('help')}#behorighet" in content


def test_without_a_contact_the_403_page_says_whom_to_turn_to(client, reader):
    client.force_login(reader)
    content = client.get(reverse("plans:plan_create")).content.decode()
    assert "Kontakta registeradministratören i din organisation." in content


def test_the_footer_and_the_accessibility_statement_give_the_contacts(client, settings):
    settings.CONTACT_REGISTER_EMAIL = "registret@gotland.example"
    settings.CONTACT_ACCESSIBILITY_EMAIL = "tillganglighet@gotland.example"
    home = client.get(reverse("home")).content.decode()
    assert 'href="mailto:registret@gotland.example"' in home
    assert f'href="{reverse("help")}"' in home
    statement = client.get(reverse("accessibility")).content.decode()
    assert 'href="mailto:tillganglighet@gotland.example"' in statement


def test_check_deploy_warns_when_nobody_is_named(settings):
    settings.CONTACT_REGISTER_EMAIL = ""
    with pytest.raises(SystemCheckError, match=r"portal\.W002"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "portal")


def test_the_workbench_and_the_forms_link_to_their_help(client, register_admin):
    client.force_login(register_admin)
    for url, anchor in (
        (reverse("governance:board_report_create"), "#strateg"),
        (reverse("governance:meeting_create"), "#registeradministrator"),
    ):
        assert f"{reverse('help')}{anchor}" in client.get(url).content.decode()

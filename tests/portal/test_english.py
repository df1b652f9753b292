"""The English interface: chosen by the browser's Accept-Language on a first visit or by the
switch (set_language, a cookie), Swedish otherwise; the pages, the period words, Python's
messages and the PDFs in English; every response varies by language."""

import io
import re

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse

from tests.pdf_checks import page_texts
from tests.worker import download

SKANE = "/planer/skane-aktivitets-och-tidplan-2022-2025/"
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_swedish_is_the_default_when_nothing_is_asked_for(client):
    response = client.get("/")
    assert html_lang(response) == "sv"
    assert "Hoppa till innehållet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["sv-SE,sv;q=0.9,en;q=0.5", "de-DE,de;q=0.9", "*"])
def test_a_browser_that_prefers_swedish_or_neither_language_gets_swedish(client, header):
    assert html_lang(client.get("/", HTTP_ACCEPT_LANGUAGE=header)) == "sv"


@pytest.mark.django_db
def test_a_browser_that_asks_for_english_gets_english_and_the_answer_varies(client):
    response = client.get("/", **ENGLISH)
    page = response.content.decode()
    assert html_lang(response) == "en"
    assert "Skip to content" in page and "Hoppa till innehållet" not in page
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_the_switch_remembers_the_choice_in_a_cookie_and_comes_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/planer/"})
    assert response.status_code == 302 and response["Location"] == "/planer/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and cookie["httponly"] and cookie["samesite"] == "Lax"
    # The cookie wins over the browser's own preference, both ways.
    assert html_lang(client.get("/planer/", HTTP_ACCEPT_LANGUAGE="sv")) == "en"
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    assert html_lang(client.get("/", **ENGLISH)) == "sv"


@pytest.mark.django_db
def test_the_switch_goes_back_only_to_this_site(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://elsewhere.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_the_switch_is_a_form_each_language_named_in_itself(client):
    page = client.get("/hjalp/").content.decode()
    form = re.search(r'<form method="post" action="/i18n/setlang/".*?</form>', page, re.S)
    assert form, "no language switch"
    switch = form.group(0)
    assert "csrfmiddlewaretoken" not in page  # a stranger's page stays cacheable
    assert '<input type="hidden" name="next" value="/hjalp/">' in switch
    assert '<button type="submit" name="language" value="en" lang="en"' in switch
    assert '<span lang="sv" aria-current="true"' in switch
    english = client.get("/hjalp/", **ENGLISH).content.decode()
    assert 'value="sv" lang="sv" class="link-button">Svenska</button>' in english


@pytest.mark.django_db
def test_the_switch_needs_no_token_and_leaves_a_strangers_page_cacheable(db):
    from tests.clients import BrowserLikeClient

    strict = BrowserLikeClient(enforce_csrf_checks=True)
    assert "csrftoken" not in strict.get("/").cookies
    response = strict.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_the_register_sort_choices_follow_the_language(client):
    swedish = client.get("/overenskommelser/").content.decode()
    english = client.get("/overenskommelser/", **ENGLISH).content.decode()
    assert '<option value="-title">Titel (fallande)</option>' in swedish
    assert '<option value="-title">Title (descending)</option>' in english


@pytest.mark.django_db
def test_messages_from_python_are_translated(client):
    page = client.get("/sok/?q=", **ENGLISH).content.decode()
    assert "Type one or more words to search for." in page


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoInEnglish:
    def test_a_plan_shows_its_period_words_in_english(self, client):
        page = client.get(SKANE, **ENGLISH).content.decode()
        # The period tags; the items' own text (content) stays as written.
        assert ">from autumn 2022</span>" in page and ">by the end of 2025</span>" in page
        assert ">fr o m hösten 2022</span>" not in page
        swedish = client.get(SKANE).content.decode()
        assert ">fr o m hösten 2022</span>" in swedish
        assert ">vid utgången av 2025</span>" in swedish

    def test_the_timeline_spells_out_the_dates_in_english(self, client):
        page = client.get(SKANE + "tidslinje/", **ENGLISH).content.decode()
        assert "by 31 December 2025" in page
        assert "Jan" in page or "Q1" in page
        assert "december" not in page

    def test_the_watch_list_and_the_help_are_in_english(self, client):
        due = client.get(reverse("plans:due"), **ENGLISH).content.decode()
        assert "Watch list" in due
        assert "Bevakning:" not in due
        help_page = client.get(reverse("help"), **ENGLISH).content.decode()
        assert "Permissions and logging in" in help_page

    def test_the_plan_pdf_is_rendered_and_kept_per_language(self, client):
        swedish = download(client, SKANE + "pdf/").content
        english = download(client, SKANE + "pdf/", **ENGLISH).content
        assert swedish != english
        pages = page_texts(english)
        text = " ".join(pages)
        assert "Contents" in text and "Introduction" in text and "Timeline" in text
        assert "by the end of 2025" in text and f"Page 1 of {len(pages)}" in pages[0]
        swedish_text = " ".join(page_texts(swedish))
        assert "Innehåll" in swedish_text and "vid utgången av 2025" in swedish_text
        assert "Contents" not in swedish_text
        reader = pypdf.PdfReader(io.BytesIO(english))
        assert reader.trailer["/Root"]["/Lang"] == "en"
        # Downloaded again: the same document from storage, still English.
        assert client.get(SKANE + "pdf/", **ENGLISH).content == english

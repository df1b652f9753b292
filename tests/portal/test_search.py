"""The site search: Swedish as people type it, ids and case numbers typed loosely, ranked,
and never a word of a draft to anyone who may not open it. Runs on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Status
from core import search
from core.models import SearchEntry
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


def titles(query, user=None, **filters):
    results = search.search(user=user or AnonymousUser(), query=query, **filters)
    return [hit.title for hit in results.hits]


def test_inflected_forms_find_each_other():
    factories.AgreementFactory(register_id="STY-29127", title="Specialiserad palliativ vård")
    assert titles("palliativa") == ["STY-29127 Specialiserad palliativ vård"]
    assert titles("vården") == ["STY-29127 Specialiserad palliativ vård"]


@pytest.mark.parametrize("query", ["övergripande", "ÖVERGRIPANDE", "Övergripande", "övergripand"])
def test_swedish_letters_in_any_case(query):
    factories.AgreementFactory(register_id="STY-02292", title="Övergripande överenskommelse")
    assert titles(query) == ["STY-02292 Övergripande överenskommelse"]


@pytest.mark.parametrize("query", ["sty-02292", "STY 02292", "STY-02292", "sty02292"])
def test_register_ids_typed_loosely(query):
    factories.AgreementFactory(register_id="STY-02292", title="Övergripande överenskommelse")
    factories.AgreementFactory(register_id="STY-02293", title="Annan överenskommelse")
    assert titles(query)[0] == "STY-02292 Övergripande överenskommelse"


def test_bodies_and_organisations_are_found_by_name_and_code():
    gotland = factories.RegionFactory(name="Region Gotland")
    factories.BodyFactory(name="Socialnämnden", short_code="SON", organisations=[gotland])
    assert titles("Gotland") == ["Region Gotland"]
    assert titles("socialnämnden") == ["Socialnämnden (SON)"]
    assert titles("son") == ["Socialnämnden (SON)"]


def test_a_draft_shows_nothing_to_those_who_may_not_open_it(client):
    factories.DraftAgreementFactory(title="Hemligt zebraprojekt", summary="Om zebror i vården.")
    for user in (AnonymousUser(), factories.UserFactory()):
        results = search.search(user=user, query="zebraprojekt")
        assert (results.hits, results.total, results.counts) == ([], 0, [])
    page = client.get(reverse("search"), {"q": "zebraprojekt"}).content.decode()
    assert "Hemligt" not in page and "zebror" not in page
    assert "Inget hittades" in page


def test_a_reader_with_draft_rights_finds_the_draft(reader):
    factories.DraftAgreementFactory(title="Hemligt zebraprojekt")
    assert len(titles("zebraprojekt", user=reader)) == 1


def test_a_title_match_ranks_before_a_text_match():
    factories.AgreementFactory(title="Samverkan", summary="Något om hemsjukvård.")
    factories.AgreementFactory(title="Hemsjukvård i länet")
    hits = titles("hemsjukvård")
    assert hits[0].endswith("Hemsjukvård i länet") and len(hits) == 2


def test_the_index_follows_writes_and_deletes():
    agreement = factories.AgreementFactory(title="Tandvård")
    assert len(titles("tandvård")) == 1
    agreement.title = "Ögonvård"
    agreement.save()
    assert titles("tandvård") == [] and len(titles("ögonvård")) == 1
    agreement.status = Status.DRAFT
    agreement.save()
    assert titles("ögonvård") == []
    agreement.delete()
    assert not SearchEntry.objects.exists()


def test_parties_added_later_are_filterable():
    agreement = factories.AgreementFactory(title="Tandvård")
    agreement.parties.add(factories.RegionFactory(name="Region Gotland"))
    assert len(titles("tandvård", organisation="Region Gotland")) == 1
    assert titles("tandvård", organisation="Region Annan") == []


def test_filters_by_kind_and_status_keep_counts_of_every_kind():
    factories.AgreementFactory(title="Tandvård")
    factories.BodyFactory(name="Tandvårdsrådet")
    results = search.search(user=AnonymousUser(), query="tandvård", kind="body")
    assert [hit.kind for hit in results.hits] == ["body"]
    assert {key: count for key, _label, count in results.counts} == {"agreement": 1, "body": 1}
    assert titles("tandvård", status=str(Status.IN_FORCE.label)) == [titles("tandvård")[0]]


def test_the_rebuild_command_restores_the_index():
    factories.AgreementFactory(title="Tandvård")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(titles("tandvård")) == 1


def test_excerpts_mark_the_words_and_escape_the_rest(client):
    factories.AgreementFactory(title="Vård", summary="<script>x</script> om palliativ vård")
    page = client.get(reverse("search"), {"q": "palliativa"}).content.decode()
    assert "<mark>palliativ</mark>" in page
    assert "&lt;/script&gt;" in page and "<script>x" not in page


@pytest.mark.parametrize("query", ["", "   ", "!!!", "ord " * 60])
def test_an_empty_or_too_long_query_is_answered_in_swedish(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 400
    assert "Skriv ett eller flera ord" in response.content.decode() or "för lång" in (
        response.content.decode()
    )


def test_an_unknown_kind_is_refused(client):
    response = client.get(reverse("search"), {"q": "vård", "slag": "okänt"})
    assert response.status_code == 400


def test_every_page_carries_the_search_box(client):
    page = client.get(reverse("home")).content.decode()
    assert 'action="/sok/"' in page and 'name="q"' in page


def _indexed(n):
    for i in range(n):
        factories.AgreementFactory(title=f"Vård {i}", parties=[factories.OrganisationFactory()])
        factories.BodyFactory(name=f"Vårdrådet {i}")


@pytest.mark.parametrize("role", ["anonymous", "reader"])
def test_a_search_costs_the_same_for_few_and_many_entries(client, role):
    if role == "reader":
        client.force_login(factories.ReaderFactory())
    url = reverse("search") + "?q=vård"
    _indexed(2)
    few = count_queries(client, url)
    _indexed(20)
    assert count_queries(client, url) == few

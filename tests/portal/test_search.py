"""The site search: Swedish as people type it, ids and case numbers typed loosely, ranked,
and never a word of a draft to anyone who may not open it. Runs on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agreements.models import Status
from core import search
from core.models import SearchEntry
from core.pagecache import content_version
from governance.models import DecisionCaseNumber, Meeting, Membership
from plans.models import Plan
from plans.services import plan_publish
from tests import factories
from tests.query_count import count_queries
from tests.worker import run_worker

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


def test_the_rebuild_is_not_a_change_of_content():
    # The index and its words are derived data: rebuilding them leaves every cached page valid.
    factories.AgreementFactory(title="Tandvård")
    before = content_version()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert content_version() == before


def test_the_rebuild_runs_in_the_worker_when_asked_to():
    factories.AgreementFactory(title="Tandvård")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", "--background", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles("tandvård") == []  # queued, not done
    run_worker()
    assert len(titles("tandvård")) == 1


def test_excerpts_mark_the_words_and_escape_the_rest(client):
    # A tag written as text (in a code span) is shown as text, escaped; a raw tag is dropped,
    # as the agreement's page drops it.
    factories.AgreementFactory(
        title="Vård", summary="`<script>x</script>` <script>y</script> om palliativ vård"
    )
    page = client.get(reverse("search"), {"q": "palliativa"}).content.decode()
    assert "<mark>palliativ</mark>" in page
    assert "x&lt;/script&gt;" in page and "<script>" not in page.split("<main")[1]
    assert "y" not in SearchEntry.objects.get(kind="agreement").text.split()


def test_excerpts_show_the_words_of_markdown_not_its_marks(client):
    factories.AgreementFactory(
        title="Vård",
        summary="# Bakgrund\n\nDen **palliativa** vården, se [riktlinjen](https://example.se/rl).",
    )
    entry = SearchEntry.objects.get(kind="agreement")
    assert entry.text == "Bakgrund\nDen palliativa vården, se riktlinjen."
    page = client.get(reverse("search"), {"q": "palliativ"}).content.decode()
    assert "Bakgrund Den <mark>palliativa</mark> vården, se riktlinjen" in page
    assert "**" not in page and "](" not in page
    assert titles("example") == []  # a link's target is not a word of the text


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


@pytest.mark.parametrize("query", ["hsn 2022/652", "Dnr HSN 2022/652", "HSN  2022 / 652"])
def test_decisions_are_found_by_their_case_numbers(query):
    body = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    factories.DecisionFactory(body=body, case_numbers=["HSN 2022/652"])
    factories.DecisionFactory(body=body, case_numbers=["HSN 2022/653"])
    assert titles(query) == ["HSN: HSN 2022/652 – Beslut om överenskommelse"]


def test_a_case_number_added_later_finds_its_decision():
    decision = factories.DecisionFactory(case_numbers=[])
    DecisionCaseNumber.objects.create(
        decision=decision,
        body=decision.body,
        position=1,
        case_number=f"{decision.body.short_code} 2024/7",
    )
    assert len(titles(f"{decision.body.short_code} 2024/7")) == 1


def test_a_draft_meeting_is_found_only_by_those_who_may_read_it(reader):
    meeting = factories.DraftMeetingFactory()
    factories.AgendaItemFactory(meeting=meeting, title="Zebrafrågan")
    assert titles("zebrafrågan") == []
    assert len(titles("zebrafrågan", user=reader)) == 1
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    assert len(titles("zebrafrågan")) == 1


def test_people_are_found_by_name_through_their_public_role():
    body = factories.BodyFactory(name="Socialnämnden")
    person = factories.PersonFactory(name="Zelda Ordförande")
    assert titles("zelda") == []
    factories.MembershipFactory(person=person, body=body, role=Membership.Role.CHAIR)
    results = search.search(user=AnonymousUser(), query="zelda")
    assert [hit.kind for hit in results.hits] == ["person"]
    assert "Socialnämnden" in results.hits[0].excerpt


def test_a_draft_plan_shows_nothing_to_the_public(reader):
    plan = factories.DraftPlanFactory(title="Zebraplanen")
    factories.ActivityFactory(section=factories.SectionFactory(plan=plan), text="Zebrornas vård")
    for query in ("zebraplanen", "zebrornas"):
        results = search.search(user=AnonymousUser(), query=query)
        assert (results.hits, results.total, results.counts) == ([], 0, [])
        assert len(titles(query, user=reader)) >= 1


def test_the_public_reads_a_published_plans_version_and_not_its_revision(reader, user):
    plan = factories.DraftPlanFactory(title="Vårdplanen")
    section = factories.SectionFactory(plan=plan)
    factories.ActivityFactory(section=section, text="Palliativa insatser i hemmet")
    assert titles("palliativ") == []
    plan_publish(user=user, plan=plan)
    assert titles("palliativ") == ["Palliativa insatser i hemmet"]
    # A revision starts (as every edit of a public plan does first): the public keeps the
    # frozen text, draft readers see the new one.
    plan.refresh_from_db()
    plan.status = Plan.Status.UNDER_REVISION
    plan.save()
    activity = section.activitys.get()
    activity.text = "Zebraträning i hemmet"
    activity.save()
    assert titles("zebraträning") == []
    assert titles("palliativ") == ["Palliativa insatser i hemmet"]
    assert titles("zebraträning", user=reader) == ["Zebraträning i hemmet"]
    assert titles("palliativ", user=reader) == []


def test_a_typo_is_forgiven_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's")
    factories.AgreementFactory(title="Hemsjukvård")
    assert len(titles("hemsjukvårf")) == 1


def _plan_with_sections(plan, n):
    for _ in range(n):
        section = factories.SectionFactory(plan=plan)
        factories.InitiativeFactory(section=section)
        factories.MilestoneFactory(section=section)


def test_indexing_a_plan_with_its_content_costs_the_same_for_few_and_many_items():
    plan = factories.PlanFactory(parties=[factories.RegionFactory(), factories.RegionFactory()])

    def cost():
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            search.index_object(Plan.objects.get(pk=plan.pk))
        return len(captured)

    _plan_with_sections(plan, 2)
    few = cost()
    _plan_with_sections(plan, 20)
    assert cost() == few
    assert SearchEntry.objects.filter(kind="plan_item").count() == 66


def test_a_status_is_stored_in_swedish_whatever_the_language_and_shown_in_the_readers(client):
    """Indexed during an English request, the status is still the Swedish word (a msgid):
    the results page translates it for an English reader and keeps it for a Swedish one."""
    with translation.override("en"):
        factories.AgreementFactory(register_id="STY-29127", title="Specialiserad palliativ vård")
    assert SearchEntry.objects.get().status == "Gällande"
    english = client.get("/sok/?q=palliativ", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<span class="search-status">In force</span>' in english
    assert '<option value="Gällande">In force</option>' in english
    swedish = client.get("/sok/?q=palliativ").content.decode()
    assert '<span class="search-status">Gällande</span>' in swedish


def test_a_typo_does_not_reveal_a_draft_that_matches_exactly(reader):
    # Typos are looked for only when nothing the reader may see matches exactly: a draft that
    # matches must not make the public's typo hits disappear (that would tell of the draft).
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's")
    factories.AgreementFactory(register_id="STY-00001", title="Hemsjukvård")
    factories.DraftAgreementFactory(register_id="STY-00002", title="Hemsjukvårf")
    assert titles("hemsjukvårf") == ["STY-00001 Hemsjukvård"]
    assert titles("hemsjukvårf", user=reader) == ["STY-00002 Hemsjukvårf"]


def test_typos_are_not_shown_beside_what_matches_exactly():
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's")
    factories.AgreementFactory(register_id="STY-00001", title="Hemsjukvård")
    factories.AgreementFactory(register_id="STY-00002", title="Hemsjukvårf")
    assert titles("hemsjukvårf") == ["STY-00002 Hemsjukvårf"]
    assert titles("hemsjukvårg") == ["STY-00001 Hemsjukvård", "STY-00002 Hemsjukvårf"]


def test_counts_stop_at_the_limit_and_the_page_says_so(client, monkeypatch):
    monkeypatch.setattr(search.reading, "COUNT_LIMIT", 2)
    for number in range(3):
        factories.AgreementFactory(title=f"Tandvård {number}")
    factories.BodyFactory(name="Tandvårdsrådet")
    results = search.search(user=AnonymousUser(), query="tandvård")
    assert results.capped and len(results.hits) == 4
    page = client.get(reverse("search"), {"q": "tandvård"}).content.decode()
    assert "Över 2 träffar" in page and "Överenskommelser (" not in page
    page = client.get(reverse("search"), {"q": "tandvård", "slag": "body"}).content.decode()
    assert "Över 2 träffar av alla slag" in page
    monkeypatch.setattr(search.reading, "COUNT_LIMIT", 4)
    page = client.get(reverse("search"), {"q": "Tandvård"}).content.decode()  # not cached
    assert "4 träffar" in page and "Över" not in page.split("search-summary")[1][:80]


def test_a_title_match_ranks_first_however_many_texts_match(monkeypatch):
    # Over the count's limit only so many of each tier are ranked (PostgreSQL): a common
    # word's text matches cannot push a title match off the page.
    monkeypatch.setattr(search.reading, "COUNT_LIMIT", 2)
    monkeypatch.setattr(search.reading, "RANK_LIMIT", 1)
    for number in range(3):
        factories.AgreementFactory(title=f"Avtal {number}", summary="Om tandvård.")
    factories.AgreementFactory(title="Tandvård i länet")
    results = search.search(user=AnonymousUser(), query="tandvård")
    assert results.capped and results.hits[0].title.endswith("Tandvård i länet")


@pytest.mark.parametrize("word_limit", [100, 1])
def test_a_word_typed_in_part_finds_every_word_it_begins(monkeypatch, word_limit):
    # On PostgreSQL the words it begins are looked up first, and asked for whole; a part that
    # begins more than WORD_LIMIT of them is asked for as a prefix: the same hits either way.
    monkeypatch.setattr(search.reading, "WORD_LIMIT", word_limit)
    factories.AgreementFactory(register_id="STY-00001", title="Tandvård")
    factories.AgreementFactory(register_id="STY-00002", title="Tandvårdsstöd för äldre")
    factories.BodyFactory(name="Tandläkarrådet")
    assert titles("tandvår") == ["STY-00001 Tandvård", "STY-00002 Tandvårdsstöd för äldre"]
    assert titles("tand äldre") == ["STY-00002 Tandvårdsstöd för äldre"]

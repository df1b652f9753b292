"""Meetings (sammanträden): drafted and published by register administrators, an agenda of
numbered items with case numbers, underlag and decisions, the notice and protocol extracts as
PDF/A, a calendar feed per body, and the committee member's page."""

from datetime import date, time, timedelta

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.pagecache import bump_content_version
from core.revisions import EditConflict
from governance.models import AgendaItem, BoardReport, Meeting
from governance.services import (
    agenda_item_add,
    agenda_item_record_decision,
    agenda_item_remove,
    agenda_item_update,
    board_report_create,
    meeting_create,
    meeting_publish,
    meeting_update,
)
from tests import factories
from tests.pdf_checks import assert_archival, page_texts, xmp_of
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def hsn():
    _region, hsn = factories.gotland()
    return hsn


@pytest.fixture
def report(hsn):
    return board_report_create(
        user=None,
        organisation=hsn.organisations.get(),
        date="2024-08-22",
        title="Statusuppdatering för arbetet med att ta fram ramverk för primärvård",
        proposed_decision="- Nämnden har tagit del av informationen.",
        recipients=[hsn],
        case_numbers=["HSN 2024/310"],
    )


@pytest.fixture
def meeting(hsn, register_admin):
    return meeting_create(
        user=register_admin,
        body=hsn,
        date=timezone.localdate() + timedelta(days=7),
        start_time=time(9, 0),
        place="Sammanträdesrum 1",
    )


def add_item(meeting, user, **fields):
    return agenda_item_add(
        user=user, meeting=meeting, **{"number": 1, "title": "Ramverk för primärvård"} | fields
    )


def decide(item, user, text="Nämnden har tagit del av informationen.", **fields):
    return agenda_item_record_decision(
        user=user, item=item, expected_revision=item.revision, decision_text=text, **fields
    )


# --- services --------------------------------------------------------------------------


def test_a_new_meeting_is_a_draft_with_history(meeting, register_admin):
    assert meeting.status == Meeting.Status.DRAFT
    record = meeting.history.get()
    assert record.history_user == register_admin
    assert record.history_change_reason == "Sammanträde skapat"


def test_publishing_records_the_moment_once(meeting, register_admin):
    moment = timezone.now()
    meeting_publish(user=register_admin, meeting=meeting, published_at=moment)
    meeting_publish(user=register_admin, meeting=meeting, published_at=moment + timedelta(hours=1))
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.published_at == moment
    assert meeting.history.filter(history_change_reason="Sammanträde publicerat").count() == 1


def test_saving_over_a_newer_revision_is_refused(meeting, register_admin):
    meeting_update(user=register_admin, meeting=meeting, expected_revision=1, place="Visby")
    with pytest.raises(EditConflict):
        meeting_update(user=register_admin, meeting=meeting, expected_revision=1, place="Slite")
    meeting.refresh_from_db()
    assert meeting.place == "Visby"


def test_an_agenda_item_keeps_several_case_numbers_in_order_and_its_reports(
    meeting, register_admin, report
):
    item = add_item(
        meeting, register_admin, case_numbers=["SN 2017/212", "SN 2019/16"], reports=[report]
    )
    assert item.case_number_list() == ["SN 2017/212", "SN 2019/16"]
    assert list(item.reports.all()) == [report]
    meeting.refresh_from_db()
    assert meeting.revision == 2  # the agenda is part of the meeting (its notice prints it)


def test_an_item_number_is_unique_per_meeting_and_nothing_is_half_written(meeting, register_admin):
    add_item(meeting, register_admin)
    with pytest.raises(ValidationError) as error:
        add_item(meeting, register_admin, title="Annat ärende", case_numbers=["HSN 2024/1"])
    assert "Det finns redan en punkt med det numret." in error.value.messages
    assert AgendaItem.objects.count() == 1
    other = factories.MeetingFactory(body=meeting.body)
    assert add_item(other, register_admin).number == 1  # another meeting numbers from 1 too


def test_updating_an_item_replaces_its_case_numbers_and_checks_its_revision(
    meeting, register_admin
):
    item = add_item(meeting, register_admin, case_numbers=["HSN 2024/1"])
    agenda_item_update(
        user=register_admin,
        item=item,
        expected_revision=1,
        number=2,
        title="Nytt namn",
        case_numbers=["HSN 2024/2"],
    )
    item.refresh_from_db()
    assert (item.number, item.title, item.case_number_list()) == (2, "Nytt namn", ["HSN 2024/2"])
    with pytest.raises(EditConflict):
        agenda_item_update(
            user=register_admin, item=item, expected_revision=1, number=3, title="Gammalt"
        )


def test_a_decision_is_recorded_with_its_paragraph_apart_from_the_case_number(
    meeting, register_admin
):
    item = add_item(meeting, register_admin, case_numbers=["HSN 2024/310"])
    decision = factories.DecisionFactory(body=meeting.body, case_numbers=["HSN 2024/310"])
    decide(item, register_admin, minutes_paragraph=67, decision=decision)
    item.refresh_from_db()
    assert (item.minutes_paragraph, item.decision, item.case_number_list()) == (
        67,
        decision,
        ["HSN 2024/310"],
    )
    assert item.history.first().history_change_reason == "Beslut antecknat"


def test_a_decision_of_another_body_is_refused(meeting, register_admin):
    item = add_item(meeting, register_admin)
    with pytest.raises(ValidationError, match="organet som sammanträder"):
        decide(item, register_admin, decision=factories.DecisionFactory())


def test_removing_an_item_keeps_its_history(meeting, register_admin):
    item = add_item(meeting, register_admin, case_numbers=["HSN 2024/1"])
    agenda_item_remove(user=register_admin, item=item, expected_revision=1)
    assert not AgendaItem.objects.exists()
    assert AgendaItem.history.filter(id=item.pk, history_type="-").get().history_user == (
        register_admin
    )


# --- pages: who sees what --------------------------------------------------------------


def test_anonymous_visitors_see_only_published_meetings(client, meeting, register_admin):
    assert client.get(meeting.get_absolute_url()).status_code == 302  # log in to read drafts
    assert (
        "Hälso- och sjukvårdsnämnden"
        not in client.get(reverse("governance:meeting_list")).content.decode()
    )
    meeting_publish(user=register_admin, meeting=meeting, published_at=timezone.now())
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert (
        "Hälso- och sjukvårdsnämnden"
        in client.get(reverse("governance:meeting_list")).content.decode()
    )


@pytest.mark.parametrize(
    ("role", "read", "edit"),
    [
        ("anonymous", 302, 302),
        ("reader", 200, 403),
        ("strategist", 200, 403),
        ("register_admin", 200, 200),
    ],
)
def test_who_reads_and_who_edits_a_draft_meeting(client, request, meeting, role, read, edit):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for name in ("meeting_detail", "meeting_history"):
        assert client.get(reverse(f"governance:{name}", args=[meeting.pk])).status_code == read
    for name in ("meeting_edit", "agenda_item_add"):
        assert client.get(reverse(f"governance:{name}", args=[meeting.pk])).status_code == edit


def test_the_admin_keeps_meetings_and_guards_open_forms(client, meeting, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:governance_meeting_changelist")).status_code == 200
    change = reverse("admin:governance_meeting_change", args=[meeting.pk])
    assert client.get(change).status_code == 200
    form = {
        "body": meeting.body.pk,
        "date": meeting.date.isoformat(),
        "start_time": "10:00",
        "place": "Visby",
        "kind": "ordinary",
        "agenda_items-TOTAL_FORMS": 0,
        "agenda_items-INITIAL_FORMS": 0,
    }
    assert client.post(change, form).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.revision) == ("Visby", 2)  # an open portal form goes stale


def test_readers_see_drafts_but_may_not_edit(client, meeting, reader):
    client.force_login(reader)
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and "Utkast." in page.content.decode()
    assert "Redigera sammanträdet" not in page.content.decode()
    assert client.get(reverse("governance:meeting_create")).status_code == 403
    assert client.get(reverse("governance:meeting_edit", args=[meeting.pk])).status_code == 403
    assert client.post(reverse("governance:meeting_publish", args=[meeting.pk])).status_code == 403


def test_strategists_may_not_edit_meetings(client, meeting, strategist):
    client.force_login(strategist)
    assert client.get(reverse("governance:agenda_item_add", args=[meeting.pk])).status_code == 403


def test_a_missing_meeting_is_404(client, reader):
    client.force_login(reader)
    assert client.get(reverse("governance:meeting_detail", args=[999])).status_code == 404


def test_register_admin_creates_a_meeting_through_the_form(client, hsn, register_admin):
    client.force_login(register_admin)
    when = timezone.localdate() + timedelta(days=14)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "body": hsn.pk,
            "date": when.isoformat(),
            "start_time": "13:30",
            "place": "Visby",
            "kind": "extra",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert (meeting.start_time, meeting.kind, meeting.status) == (time(13, 30), "extra", "draft")


def test_a_bad_meeting_form_is_400_in_swedish(client, register_admin):
    client.force_login(register_admin)
    response = client.post(reverse("governance:meeting_create"), {"date": "igår"})
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_agenda_form_parses_real_case_numbers_and_refuses_others(
    client, meeting, register_admin, report
):
    client.force_login(register_admin)
    url = reverse("governance:agenda_item_add", args=[meeting.pk])
    bad = client.post(url, {"number": 1, "title": "Ärende", "case_numbers": "SOU 2018:33"})
    assert bad.status_code == 400
    assert "tryckt skrift" in bad.content.decode()
    good = client.post(
        url,
        {
            "number": 1,
            "title": "Ärende",
            "case_numbers": "Dnr RS 2022/1275, RS2022/1000; RS 2022/713-1",
            "reports": [report.pk],
        },
    )
    assert good.status_code == 302
    item = AgendaItem.objects.get()
    assert item.case_number_list() == ["RS 2022/1275", "RS 2022/1000", "RS 2022/713-1"]
    assert list(item.reports.all()) == [report]


def test_a_duplicate_item_number_is_400(client, meeting, register_admin):
    add_item(meeting, register_admin)
    client.force_login(register_admin)
    response = client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]), {"number": 1, "title": "Igen"}
    )
    assert response.status_code == 400
    assert "Det finns redan en punkt med det numret." in response.content.decode()


def test_an_edit_over_a_newer_revision_is_409_and_keeps_what_was_typed(
    client, meeting, register_admin
):
    item = add_item(meeting, register_admin)
    client.force_login(register_admin)
    url = reverse("governance:agenda_item_edit", args=[meeting.pk, item.pk])
    agenda_item_update(user=register_admin, item=item, expected_revision=1, number=1, title="Först")
    response = client.post(url, {"number": 1, "title": "Sent", "revision": 1})
    assert response.status_code == 409
    assert 'value="Sent"' in response.content.decode()
    assert 'name="revision" value="2"' in response.content.decode()
    assert client.post(url, {"number": 1, "title": "Sent", "revision": 2}).status_code == 302


def test_recording_a_decision_through_the_form(client, meeting, register_admin):
    item = add_item(meeting, register_admin)
    client.force_login(register_admin)
    url = reverse("governance:agenda_item_decision", args=[meeting.pk, item.pk])
    assert client.post(url, {"decision_text": "", "revision": 1}).status_code == 400
    response = client.post(
        url,
        {
            "decision_text": "Nämnden beslutar att anta ramverket.",
            "minutes_paragraph": 67,
            "revision": 1,
        },
    )
    assert response.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Nämnden beslutar att anta ramverket." in page and "(§ 67)" in page


def test_removing_with_a_stale_revision_is_409(client, meeting, register_admin):
    item = add_item(meeting, register_admin)
    client.force_login(register_admin)
    url = reverse("governance:agenda_item_remove", args=[meeting.pk, item.pk])
    assert client.post(url, {"revision": 7}).status_code == 409
    assert client.post(url, {"revision": "x"}).status_code == 400
    assert client.post(url, {"revision": 1}).status_code == 302
    assert not AgendaItem.objects.exists()


def test_the_public_sees_issued_underlag_only(client, meeting, register_admin, report):
    add_item(meeting, register_admin, reports=[report])
    meeting_publish(user=register_admin, meeting=meeting, published_at=timezone.now())
    assert report.title not in client.get(meeting.get_absolute_url()).content.decode()
    BoardReport.objects.filter(pk=report.pk).update(
        status="issued", pdf="x.pdf", pdf_sha256="0" * 64
    )
    bump_content_version()  # a write past the model's signals counts itself (core.pagecache)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert report.get_absolute_url() in page
    assert reverse("governance:board_report_pdf", args=[report.pk]) in page


# --- lists, filters, body page, query budgets --------------------------------------------


def test_the_list_filters_by_body_and_year_and_refuses_a_bad_filter(client, hsn):
    other = factories.BodyFactory(name="Socialnämnden")
    factories.MeetingFactory(body=hsn, date=date(2024, 5, 2))
    factories.MeetingFactory(body=other, date=date(2025, 5, 2))
    url = reverse("governance:meeting_list")
    assert "2025-05-02" not in client.get(url, {"body": hsn.pk}).content.decode()
    assert "2024-05-02" not in client.get(url, {"year": 2025}).content.decode()
    for year in ("i fjol", "2024.5", "99999"):
        bad = client.get(url, {"year": year})
        assert bad.status_code == 400 and "Filtret innehåller fel" in bad.content.decode()


def test_the_body_page_has_a_meetings_section_with_its_calendar(client, hsn):
    factories.MeetingFactory(body=hsn, place="Visby")
    page = client.get(hsn.get_absolute_url()).content.decode()
    assert "Sammanträden" in page and "Visby" in page
    assert reverse("governance:body_calendar", args=[hsn.slug]) in page


def test_meeting_pages_cost_a_fixed_number_of_queries(client, reader, hsn, report):
    client.force_login(reader)
    meeting = factories.MeetingFactory(body=hsn)
    factories.AgendaItemFactory(meeting=meeting).reports.add(report)
    urls = [
        reverse("governance:meeting_list"),
        meeting.get_absolute_url(),
        hsn.get_absolute_url(),
        reverse("governance:body_calendar", args=[hsn.slug]),
    ]
    before = [count_queries(client, url) for url in urls]
    for number in range(10):
        factories.MeetingFactory(body=hsn, date=date(2024, 1, number + 1))
        item = factories.AgendaItemFactory(meeting=meeting)
        item.reports.add(report)
        item.case_numbers.create(case_number=f"HSN 2024/{number + 1}")
    assert [count_queries(client, url) for url in urls] == before


def test_the_board_report_list_filters_by_body_meeting_status_and_year(client, reader, hsn, report):
    client.force_login(reader)
    other = board_report_create(
        user=None,
        organisation=hsn.organisations.get(),
        date="2023-01-10",
        title="Annan skrivelse",
        proposed_decision="-",
        recipients=[factories.BodyFactory()],
    )
    meeting = factories.MeetingFactory(body=hsn)
    factories.AgendaItemFactory(meeting=meeting).reports.add(report)
    url = reverse("governance:board_report_list")
    for query in (
        {"body": hsn.pk},
        {"meeting": meeting.pk},
        {"year": 2024},
        {"status": "draft", "year": 2024},
    ):
        content = client.get(url, query).content.decode()
        assert report.title in content and other.title not in content, query
    assert other.title not in client.get(url, {"status": "issued"}).content.decode()
    bad = client.get(url, {"meeting": 999})
    assert bad.status_code == 400 and "Filtret innehåller fel" in bad.content.decode()


def test_the_board_report_list_costs_a_fixed_number_of_queries(client, reader, hsn, report):
    client.force_login(reader)
    url = reverse("governance:board_report_list") + f"?body={hsn.pk}"
    before = count_queries(client, url)
    for _ in range(10):
        factories.AgendaItemFactory(meeting=factories.MeetingFactory(body=hsn)).reports.add(report)
    assert count_queries(client, url) == before


# --- the committee member's page ---------------------------------------------------------


@pytest.fixture
def member(reader, hsn):
    person = factories.PersonFactory(name="Eva Ledamot", user=reader)
    factories.MembershipFactory(person=person, body=hsn)
    return reader


def test_the_member_sees_next_meetings_reports_and_the_last_decisions(
    client, member, hsn, register_admin, report
):
    upcoming = factories.MeetingFactory(body=hsn)
    add_item(upcoming, register_admin, reports=[report])
    last = factories.MeetingFactory(body=hsn, date=timezone.localdate() - timedelta(days=30))
    older = factories.MeetingFactory(body=hsn, date=timezone.localdate() - timedelta(days=60))
    for meeting, text in ((last, "Senaste beslutet"), (older, "Äldre beslutet")):
        item = add_item(meeting, register_admin)
        decide(item, register_admin, text)
    elsewhere = factories.MeetingFactory(place="Annat organs rum")
    client.force_login(member)
    assert reverse("governance:my_meetings") in client.get("/").content.decode()
    page = client.get(reverse("governance:my_meetings")).content.decode()
    assert upcoming.get_absolute_url() in page and report.get_absolute_url() in page
    assert reverse("governance:board_report_pdf", args=[report.pk]) in page
    assert "Senaste beslutet" in page and "Äldre beslutet" not in page
    assert elsewhere.place not in page


def test_an_ended_membership_brings_no_meetings(client, member, hsn):
    member.person.memberships.update(valid_until=timezone.localdate() - timedelta(days=1))
    factories.MeetingFactory(body=hsn, place="Visby")
    client.force_login(member)
    assert "Visby" not in client.get(reverse("governance:my_meetings")).content.decode()


def test_accounts_without_a_person_get_no_link_and_an_explanation(client, reader):
    client.force_login(reader)
    assert reverse("governance:my_meetings") not in client.get("/").content.decode()
    page = client.get(reverse("governance:my_meetings")).content.decode()
    assert "inte kopplat till en person" in page


def test_the_member_page_needs_a_login(client):
    assert client.get(reverse("governance:my_meetings")).status_code == 302


def test_the_member_page_costs_a_fixed_number_of_queries(client, member, hsn, report):
    client.force_login(member)
    url = reverse("governance:my_meetings")
    for days in (5, -5):
        meeting = factories.MeetingFactory(body=hsn, date=timezone.localdate() + timedelta(days))
        factories.AgendaItemFactory(meeting=meeting).reports.add(report)
    before = count_queries(client, url)
    for number in range(10):
        body = factories.BodyFactory()
        factories.MembershipFactory(person=member.person, body=body)
        for days in (5, -5):
            meeting = factories.MeetingFactory(
                body=body, date=timezone.localdate() + timedelta(days=days + number)
            )
            item = factories.AgendaItemFactory(meeting=meeting, decision_text="Beslut")
            item.reports.add(report)
    assert count_queries(client, url) == before


# --- documents and the calendar ----------------------------------------------------------


@pytest.mark.usefixtures("media")
def test_the_notice_is_archival_and_lists_the_agenda(client, meeting, register_admin, report):
    add_item(
        meeting,
        register_admin,
        title="Ramverk för primärvård",
        reports=[report],
        case_numbers=["HSN 2024/310"],
    )
    client.force_login(register_admin)
    response = client.get(reverse("governance:meeting_notice", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    assert_archival(content)
    text = " ".join(page_texts(content))
    for expected in (
        "Kallelse",
        "Föredragningslista",
        "§ 1 Ramverk för primärvård",
        "HSN 2024/310",
        report.title,
        "UTKAST",
    ):
        assert expected in text, expected
    assert "sv" in xmp_of(content)["dc:language"]


@pytest.mark.usefixtures("media")
def test_a_protocol_extract_carries_one_item_and_its_decision(client, meeting, register_admin):
    item = add_item(meeting, register_admin, case_numbers=["HSN 2024/310"])
    extract = reverse("governance:protocol_extract", args=[meeting.pk, item.pk])
    client.force_login(register_admin)
    assert client.get(extract).status_code == 404  # nothing decided yet
    decide(item, register_admin, minutes_paragraph=67)
    meeting_publish(user=register_admin, meeting=meeting, published_at=timezone.now())
    client.logout()
    content = client.get(extract).content
    assert_archival(content)
    text = " ".join(page_texts(content))
    assert "PROTOKOLLSUTDRAG" in text  # the document's kind, in capitals as on the report
    for expected in (
        "§ 67",
        "HSN 2024/310",
        "Nämnden har tagit del av informationen.",
    ):
        assert expected in text, expected
    assert "UTKAST" not in text


def test_the_calendar_holds_published_meetings_in_swedish_time(client, hsn, register_admin):
    summer = factories.MeetingFactory(
        body=hsn, date=date(2026, 6, 15), start_time=time(9, 0), place="Visby"
    )
    winter = factories.MeetingFactory(body=hsn, date=date(2026, 1, 15), start_time=time(9, 0))
    whole_day = factories.MeetingFactory(body=hsn, date=date(2026, 3, 1))
    factories.DraftMeetingFactory(body=hsn, date=date(2026, 4, 1))
    response = client.get(reverse("governance:body_calendar", args=[hsn.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {event["URL"].split("/")[-2]: event for event in calendar.walk("VEVENT")}
    assert set(events) == {str(summer.pk), str(winter.pk), str(whole_day.pk)}
    summer_start = events[str(summer.pk)].DTSTART
    assert summer_start.utcoffset() == timedelta(hours=2)  # CEST
    assert events[str(winter.pk)].DTSTART.utcoffset() == timedelta(hours=1)  # CET
    assert str(summer_start.tzinfo) == "Europe/Stockholm"
    assert events[str(summer.pk)]["LOCATION"] == "Visby"
    assert date(2026, 3, 1) == events[str(whole_day.pk)].DTSTART
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"


def test_an_unknown_body_has_no_calendar(client):
    assert client.get(reverse("governance:body_calendar", args=["finns-inte"])).status_code == 404

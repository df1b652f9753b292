"""The workbench without clutter: one actions menu per item, moves that keep numbers and
letters in order, "Sparat." after every save, periods outside the plan's period warned,
future decision and status dates refused, the period preview right without JavaScript."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import workbench
from plans.models import Initiative, Milestone, Plan, Section, StatusUpdate
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# --- the actions menu ----------------------------------------------------------------


def test_every_item_has_one_actions_menu_and_the_ends_offer_no_impossible_move(
    editor_client, plan_with_tree
):
    plan = plan_with_tree["plan"]
    content = editor_client.get(plan.get_absolute_url()).content.decode()
    # 2 sections, 2 initiatives, 2 activities, 3 milestones, 1 follow-up
    assert content.count('<details class="actions-menu"') == 10
    # each menu is one disclosure (the page has others: the header's "Meny", calendar help)
    assert len(re.findall(r'<details class="actions-menu"[^>]*>\s*<summary', content)) == 10
    assert ">Flytta upp" not in content.split("Flytta ned")[0]  # the first area: down only
    sip, team = plan_with_tree["sip"], plan_with_tree["team"]
    assert f'id="atgarder-insats-{sip.pk}-up"' not in content
    assert f'id="atgarder-insats-{sip.pk}-down"' in content
    assert f'id="atgarder-insats-{team.pk}-up"' in content
    assert f'id="atgarder-insats-{team.pk}-down"' not in content
    # without JavaScript every action is a link or a form inside the disclosure
    menu = re.search(rf'<details[^>]*id="atgarder-insats-{team.pk}".*?</details>', content, re.S)
    for words in ("Ändra", "Flytta upp", "Historik", "Ta bort"):
        assert words in menu.group(0)
    assert '<form method="post"' in menu.group(0)
    assert "<script>" not in content and 'style="' not in content
    assert 'src="/static/js/workbench.js"' in content


def test_another_part_can_add_an_entry_to_the_menu(editor_client, plan_with_tree, monkeypatch):
    entry = workbench.ItemAction(
        "report",
        "Skicka påminnelse",
        url=lambda plan, kind, obj: f"/paminnelse/{kind}/{obj.pk}/",
        kinds=("tidplan",),
    )
    monkeypatch.setattr(workbench, "ITEM_ACTIONS", [*workbench.ITEM_ACTIONS, entry])
    content = editor_client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert content.count(">Skicka påminnelse<") == 3  # the three milestones, nothing else


def test_a_menu_filled_in_from_its_frame_is_the_menu_built_whole(plan_with_tree):
    """A page's menus are each kind's frame (per place in the list) filled with the item's pk
    and name: the same HTML as the menu built for the item, whatever its name holds."""
    plan = plan_with_tree["plan"]
    item = Milestone.objects.filter(section__plan=plan).first()
    names = ['Möte <b>"5 & 6"</b> {0} {pk}', "å" * 70, "e\u0301" * 40]
    for kind in ("omrade", "insats", "aktivitet", "tidplan", "uppfoljning"):
        for first, last in ((True, False), (False, True), (False, False), (True, True)):
            place = {"first": first, "last": last}
            frame = workbench.menu_frame(plan, kind, place=place, csrf_token="token", words={})
            for name in names:
                menu = workbench.item_menu(plan, kind, item, place=place)
                whole = workbench.menu_html(menu, name=name, csrf_token="token")
                assert workbench.fill_frame(frame, item, name) == whole


def test_a_menus_frame_is_built_once_per_page_not_once_per_section(client, strategist, monkeypatch):
    plan = factories.build_synthetic_plan(sections=4, initiatives=2, items=2)
    plan.editors.add(strategist)
    client.force_login(strategist)
    built = []
    real = workbench.menu_frame

    def counted(plan, kind, **kwargs):
        built.append((kind, kwargs["place"]["first"], kwargs["place"]["last"]))
        return real(plan, kind, **kwargs)

    monkeypatch.setattr(workbench, "menu_frame", counted)

    response = client.get(reverse("plans:plan_detail", args=[plan.slug]))

    assert response.status_code == 200
    # Every kind in every place of its list (first, last) met on the page, each built once,
    # for the menus of 4 areas, 8 initiatives and their 48 items.
    assert len(built) == len(set(built)) == 11
    assert response.content.decode().count('class="actions-menu"') == 4 + 8 + 48


def test_a_plan_whose_address_holds_the_stand_ins_number_gets_its_menus_built_whole(
    editor_client, plan_with_tree
):
    """A menu's frame is the menu of a stand-in item with a pk no item has: a slug holding
    that number would be taken for the pk, so that plan's menus are built for each item."""
    plan = plan_with_tree["plan"]
    Plan.objects.filter(pk=plan.pk).update(slug=f"plan-{workbench.FRAME_PK}")
    plan.refresh_from_db()
    content = editor_client.get(plan.get_absolute_url()).content.decode()
    item = Milestone.objects.filter(section__plan=plan).first()
    assert f'href="{url("item_edit", plan.slug, "tidplan", item.pk)}"' in content
    place = {"first": True, "last": False}
    assert workbench.menu_frame(plan, "tidplan", place=place, csrf_token="t", words={}) is None


def test_readers_see_no_menu(client, plan_with_tree):
    content = client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert "actions-menu" not in content and "workbench.js" not in content


# --- moves -----------------------------------------------------------------------------


def test_a_move_without_javascript_says_what_it_did_and_opens_the_menu_at_the_button(
    editor_client, plan_with_tree
):
    plan, sip = plan_with_tree["plan"], plan_with_tree["sip"]
    response = editor_client.post(
        url("item_move", plan.slug, "insats", sip.pk), {"direction": "down"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?meny=atgarder-insats-{sip.pk}%3Adown")
    page = editor_client.get(response["Location"])
    assert messages_of(page) == ["Sparat: Patientkontrakt och SIP är nu b)."]
    content = page.content.decode()
    assert re.search(rf'<details class="actions-menu" id="atgarder-insats-{sip.pk}" open>', content)
    # now last: its "Flytta ned" is gone, so the menu's button takes the focus
    assert re.search(r"<summary autofocus>", content)
    assert content.index("a) Teambaserad vårdform") < content.index("b) Patientkontrakt och SIP")


def test_a_move_with_htmx_re_renders_the_section_the_outline_and_the_status(
    editor_client, plan_with_tree
):
    plan, team = plan_with_tree["plan"], plan_with_tree["team"]
    response = editor_client.post(
        url("item_move", plan.slug, "insats", team.pk), {"direction": "up"}, headers=HTMX
    )
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert content.lstrip().startswith('<section class="plan-section" id="block-omrade-')
    assert 'id="insats-1a">a) Teambaserad vårdform' in content
    assert 'id="insats-1b">b) Patientkontrakt och SIP' in content
    assert (
        '<nav aria-labelledby="innehallsforteckning" class="outline" id="innehall-nav" hx-swap-oob="true">'
        in content
    )
    assert re.search(
        r'<div id="sparat"[^>]*hx-swap-oob="innerHTML"><p[^>]*>Sparat: Teambaserad vårdform är nu a\).</p></div>',
        content,
    )
    # the moved item's menu stays open; first now, it has no "Flytta upp": its button is focused
    assert f'<details class="actions-menu" id="atgarder-insats-{team.pk}" open>' in content
    assert "<summary autofocus>" in content
    assert content.count("autofocus") == 1


def test_a_section_move_with_htmx_re_renders_every_section(editor_client, plan_with_tree):
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    response = editor_client.post(
        url("item_move", plan.slug, "omrade", area4.pk), {"direction": "up"}, headers=HTMX
    )
    assert response["HX-Retarget"] == "#omraden" and response["HX-Reswap"] == "outerHTML"
    content = response.content.decode()
    assert content.index("Område 1. Gemensamma digitala lösningar") < content.index(
        "Område 4. Personcentrerat arbetssätt"
    )
    assert "Sparat: Gemensamma digitala lösningar är nu område 1." in content


# --- "Sparat." ---------------------------------------------------------------------------


def test_every_save_says_sparat(editor_client, plan_with_tree):
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    add = url("item_add", plan.slug, "tidplan") + f"?omrade={area4.pk}"
    response = editor_client.post(add, {"text": "Ny punkt", "period_text": "Q3 2023"}, follow=True)
    assert messages_of(response) == ["Sparat."]
    milestone = Milestone.objects.get(text="Ny punkt")
    assert response.redirect_chain[-1][0].endswith(f"?meny=atgarder-tidplan-{milestone.pk}")
    assert "<summary autofocus>" in response.content.decode()
    edit_plan = url("plan_edit", plan.slug)
    data = {"title": plan.title, "kind": plan.kind, "period_text": "2022–2025"}
    response = editor_client.post(edit_plan, data | {"revision": plan.revision}, follow=True)
    assert messages_of(response) == ["Sparat."]
    sip = plan_with_tree["sip"]
    response = editor_client.post(
        url("status_update", plan.slug, sip.pk),
        {"status": StatusUpdate.Status.ON_TRACK, "date": "2023-01-10", "comment": ""},
        follow=True,
    )
    assert messages_of(response) == ["Sparat."]


def test_an_htmx_save_puts_sparat_in_the_status_region(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    response = editor_client.post(
        url("item_edit", plan.slug, "tidplan", milestone.pk),
        {"text": "Till beslut", "period_text": "Q2 2022", "revision": milestone.revision},
        headers=HTMX,
    )
    content = response.content.decode()
    assert '<p class="message message-success">Sparat.</p></div>' in content
    assert "<summary autofocus>" in content  # back on the saved item's menu
    # consumed: the next full page does not say it again
    assert messages_of(editor_client.get(plan.get_absolute_url())) == []


def test_the_plan_page_has_an_empty_status_region_for_htmx(editor_client, plan_with_tree):
    content = editor_client.get(plan_with_tree["plan"].get_absolute_url()).content.decode()
    assert '<div id="sparat" class="save-status" role="status"></div>' in content


def test_an_inline_form_takes_the_focus(editor_client, plan_with_tree):
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    form = editor_client.get(
        url("item_edit", plan_with_tree["plan"].slug, "tidplan", milestone.pk), headers=HTMX
    ).content.decode()
    assert re.search(r'<textarea name="text"[^>]* autofocus', form)


# --- periods outside the plan's ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("Q2 2024", False),
        ("vid utgången av 2025", False),
        ("2021", True),
        ("hösten 2026", True),
        ("2025–2026", True),
        ("senast 2025-06-30", False),
        ("årligen", False),
        ("när det passar", False),  # not understood: its own warning, not this one
    ],
)
def test_period_warning(text, outside):
    warning = workbench.period_warning(text, "2022–2025")
    assert bool(warning) is outside
    if outside:
        assert warning == "Tiden ligger utanför planens period 2022–2025."


def test_no_warning_without_a_plan_period():
    assert workbench.period_warning("2030", "") == ""


def test_a_period_outside_the_plans_is_saved_with_a_warning(editor_client, plan_with_tree):
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    add = url("item_add", plan.slug, "uppfoljning") + f"?omrade={area4.pk}"
    response = editor_client.post(add, {"text": "Slutrapport", "period_text": "våren 2026"})
    assert response.status_code == 302
    follow_up = area4.followups.get(text="Slutrapport")
    assert follow_up.period_end == datetime.date(2026, 6, 30)
    page = editor_client.get(response["Location"])
    assert messages_of(page) == ["Sparat. Tiden ligger utanför planens period 2022–2025."]
    assert 'class="message message-warning"' in page.content.decode()
    htmx = editor_client.post(
        url("item_edit", plan.slug, "uppfoljning", follow_up.pk),
        {"text": "Slutrapport", "period_text": "hösten 2026", "revision": follow_up.revision},
        headers=HTMX,
    )
    assert "Sparat. Tiden ligger utanför planens period 2022–2025." in htmx.content.decode()


def test_the_form_and_its_live_preview_warn_too(editor_client, plan_with_tree):
    plan = plan_with_tree["plan"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    milestone.period_text = "2027"
    milestone.save()
    form = editor_client.get(url("item_edit", plan.slug, "tidplan", milestone.pk))
    content = form.content.decode()
    assert "Tolkas som 1 januari – 31 december 2027." in content
    assert "Tiden ligger utanför planens period 2022–2025." in content
    assert f"{url('period_preview')}?plan_period=2022%E2%80%932025" in content
    live = editor_client.get(
        url("period_preview"), {"period_text": "Q1 2021", "plan_period": "2022–2025"}
    ).content.decode()
    assert "Tiden ligger utanför planens period 2022–2025." in live and "is-warning" in live
    inside = editor_client.get(
        url("period_preview"), {"period_text": "Q1 2023", "plan_period": "2022–2025"}
    ).content.decode()
    assert "utanför" not in inside and "is-warning" not in inside


# --- Förhandsgranska, without JavaScript ------------------------------------------------


def test_preview_without_javascript_reads_the_typed_period_and_saves_nothing(
    editor_client, plan_with_tree, editor
):
    plan = plan_with_tree["plan"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    edit = url("item_edit", plan.slug, "tidplan", milestone.pk)
    assert '<noscript><button type="submit" name="forhandsgranska"' in (
        editor_client.get(edit).content.decode()
    )
    stale = milestone.revision
    response = editor_client.post(
        edit,
        {"text": "", "period_text": "hösten 2023", "revision": stale, "forhandsgranska": "1"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tolkas som 1 augusti – 31 december 2023." in content
    assert 'value="hösten 2023"' in content
    assert "Formuläret innehåller fel" not in content  # a preview is not a save
    assert f'name="revision" value="{stale}"' in content
    milestone.refresh_from_db()
    assert (milestone.text, milestone.period_text, milestone.revision) == (
        "Till beslut Q1 2022",
        "Q1 2022",
        stale,
    )


def test_preview_keeps_the_revision_the_form_started_from(editor_client, plan_with_tree, editor):
    from plans import services

    plan = plan_with_tree["plan"]
    milestone = Milestone.objects.get(text="Till beslut Q1 2022")
    stale = milestone.revision
    services.item_update(user=editor, item=milestone, expected_revision=stale, text="Ändrad")
    edit = url("item_edit", plan.slug, "tidplan", milestone.pk)
    data = {"text": "Min text", "period_text": "Q3 2022", "revision": stale}
    preview = editor_client.post(edit, data | {"forhandsgranska": "1"}).content.decode()
    assert f'name="revision" value="{stale}"' in preview
    assert editor_client.post(edit, data).status_code == 409  # the later save is refused


def test_preview_of_a_new_item_and_of_a_new_plan(editor_client, plan_with_tree):
    plan, area1 = plan_with_tree["plan"], plan_with_tree["area1"]
    sip = plan_with_tree["sip"]
    add = url("item_add", plan.slug, "aktivitet") + f"?omrade={area1.pk}&insats={sip.pk}"
    before = Initiative.objects.count(), area1.activitys.count()
    response = editor_client.post(add, {"text": "X", "period_text": "2030", "forhandsgranska": "1"})
    content = response.content.decode()
    assert response.status_code == 200 and "Tolkas som 1 januari – 31 december 2030." in content
    assert "Tiden ligger utanför planens period 2022–2025." in content
    assert (Initiative.objects.count(), area1.activitys.count()) == before
    response = editor_client.post(
        url("plan_create"), {"title": "", "period_text": "2024–2026", "forhandsgranska": "1"}
    )
    assert response.status_code == 200
    assert "Tolkas som 1 januari 2024 – 31 december 2026." in response.content.decode()
    assert not Plan.objects.filter(period_text="2024–2026").exists()


# --- dates that cannot lie ahead ------------------------------------------------------


def test_a_decision_date_in_the_future_is_refused(client, plan_with_tree, register_admin, ctb):
    client.force_login(register_admin)
    plan = plan_with_tree["plan"]
    plan.status = Plan.Status.DRAFT
    plan.save()
    versions = plan.versions.count()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    adopt = url("plan_adopt", plan.slug)
    form = client.get(adopt).content.decode()
    assert f'max="{timezone.localdate().isoformat()}"' in form
    response = client.post(
        adopt, {"body": ctb.pk, "case_number": "CTB 2022/9", "decision_date": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert "Beslutsdatumet kan inte ligga i framtiden." in response.content.decode()
    assert plan.versions.count() == versions  # nothing frozen
    today = timezone.localdate().isoformat()
    response = client.post(
        adopt, {"body": ctb.pk, "case_number": "CTB 2022/9", "decision_date": today}
    )
    assert response.status_code == 302 and plan.versions.count() == versions + 1


def test_a_status_update_dated_in_the_future_is_refused(editor_client, plan_with_tree):
    sip = plan_with_tree["sip"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = editor_client.post(
        url("status_update", plan_with_tree["plan"].slug, sip.pk),
        {"status": StatusUpdate.Status.DONE, "date": tomorrow.isoformat(), "comment": ""},
    )
    assert response.status_code == 400
    assert "Datumet kan inte ligga i framtiden" in response.content.decode()
    assert not sip.status_updates.exists()


def test_section_numbers_in_the_outline_follow_a_move(editor_client, plan_with_tree):
    plan, area4 = plan_with_tree["plan"], plan_with_tree["area4"]
    editor_client.post(url("item_move", plan.slug, "omrade", area4.pk), {"direction": "up"})
    assert list(
        Section.objects.filter(plan=plan).order_by("position").values_list("number", flat=True)
    ) == [1, 4]
    content = editor_client.get(plan.get_absolute_url()).content.decode()
    assert '<a href="#omrade-1">1. Gemensamma digitala lösningar</a>' in content

"""A register's standard pages: core.urls owns their Swedish words and names them as their views."""

from types import SimpleNamespace

from core.urls import EDITING_PAGES, READING_PAGES, SLUG, calendar_page, export_page, standard_pages


def view(request, **kwargs):
    pass


VIEWS = SimpleNamespace(
    **{
        f"thing_{page}": view
        for page in ("list", "create", "add", "detail", "edit", "remove", "delete", "history")
    }
)


def routes(patterns):
    return [(str(pattern.pattern), pattern.name) for pattern in patterns]


def test_a_registers_pages_stand_at_their_words_in_the_order_given():
    patterns = standard_pages("saker/", VIEWS, "thing", *EDITING_PAGES, *READING_PAGES)

    assert routes(patterns) == [
        ("saker/ny/", "thing_create"),
        ("saker/<int:pk>/redigera/", "thing_edit"),
        ("saker/", "thing_list"),
        ("saker/<int:pk>/", "thing_detail"),
        ("saker/<int:pk>/historik/", "thing_history"),
    ]
    assert all(pattern.callback is view for pattern in patterns)


def test_a_neuter_noun_is_new_as_nytt_and_an_object_may_have_another_key():
    patterns = standard_pages(
        "ting/", VIEWS, "thing", "add", "remove", "delete", key=SLUG, neuter=True
    )

    assert routes(patterns) == [
        ("ting/nytt/", "thing_add"),
        ("ting/<slug:slug>/ta-bort/", "thing_remove"),
        ("ting/<slug:slug>/ta-bort/", "thing_delete"),
    ]


def test_a_download_and_a_calendar_are_named_as_their_views():
    def thing_export(request, export_format):
        pass

    def thing_calendar(request):
        pass

    assert routes([export_page("saker/lista", thing_export)]) == [
        ("saker/lista.<export:export_format>", "thing_export")
    ]
    assert routes([calendar_page("saker/kalender", thing_calendar)]) == [
        ("saker/kalender.ics", "thing_calendar")
    ]

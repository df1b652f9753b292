from collections.abc import Callable
from types import ModuleType

from django.urls import URLPattern, path

from core import views

# The Swedish words of a register's standard pages, after the object's key ("<int:pk>/"), by
# the ending that the page's URL name and its view share.
OBJECT_PAGE_WORDS = {
    "detail": "",
    "edit": "redigera/",
    "remove": "ta-bort/",
    "delete": "ta-bort/",
    "history": "historik/",
}
PK = "<int:pk>/"
SLUG = "<slug:slug>/"
# The pages most registers have, for reading them and for editing them. The form for a new
# object comes before an object's pages where "ny/" could be read as a key (a slug).
READING_PAGES = ("list", "detail", "history")
EDITING_PAGES = ("create", "edit")


def standard_pages(
    address: str, module: ModuleType, noun: str, *pages: str, key: str = PK, neuter: bool = False
) -> list[URLPattern]:
    """The standard `pages` of a register (list, create or add, detail, edit, remove or delete,
    history) in the order given: the list at `address` ("sammantraden/"), the form for a new
    object at "ny/" after it ("nytt/" for a `neuter` noun: sammanträde, ramverk), the rest at
    their words after the object's `key`. Page `<noun>_<page>` (meeting_edit) is the view of
    that name in `module`, and is the URL's name, as a Django REST framework router names a
    viewset's pages."""
    new = "nytt/" if neuter else "ny/"
    words = {"list": "", "create": new, "add": new} | {
        page: key + word for page, word in OBJECT_PAGE_WORDS.items()
    }
    return [
        path(address + words[page], getattr(module, f"{noun}_{page}"), name=f"{noun}_{page}")
        for page in pages
    ]


def export_page(file: str, view: Callable) -> URLPattern:
    """A table's download (core.exports) at `file` with the format's ending (".xlsx"), named
    as its view."""
    return path(f"{file}.<export:export_format>", view, name=view.__name__)


def calendar_page(file: str, view: Callable) -> URLPattern:
    """A calendar feed (core.calendar) at `file` with its ending, named as its view."""
    return path(f"{file}.ics", view, name=view.__name__)


urlpatterns = [
    path("bakgrund/<uuid:pk>/", views.background_job, name="background_job"),
    path("bakgrund/<uuid:pk>/igen/", views.background_job_retry, name="background_job_retry"),
]

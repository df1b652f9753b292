"""The governance tables as spreadsheets (core.exports): meetings (the Sammanträden list, as
filtered there) and a body's decisions (its page's table)."""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from core.access import may_read
from core.exports import Column


def meeting_columns(link: Callable[[str], str]) -> list[Column]:
    return [
        Column(_("Datum"), lambda m: m.date, 12),
        Column(_("Tid"), lambda m: m.start_time and f"{m.start_time:%H:%M}", 8),
        Column(_("Organ"), lambda m: m.body.name, 36),
        Column(_("Typ"), lambda m: m.get_kind_display(), 16),
        Column(_("Plats"), lambda m: m.place, 30),
        Column(_("Status"), lambda m: m.get_status_display(), 12),
        Column(_("Punkter"), lambda m: m.item_count, 9),
        Column(_("Webbadress"), lambda m: link(m.get_absolute_url()), 50),
    ]


def decision_columns(user, link: Callable[[str], str]) -> list[Column]:
    def subjects(decision) -> list[str]:
        return [_subject_name(user, row.subject) for row in decision.subjects.all()]

    return [
        Column(_("Datum"), lambda d: d.date, 12),
        Column(_("Ärendenummer"), lambda d: d.case_numbers_text, 24),
        Column(_("Typ"), lambda d: d.get_kind_display(), 18),
        Column(_("Rubrik"), lambda d: d.title, 40),
        Column(_("Beslutet gäller"), subjects, 50),
        Column(
            _("Svar på"),
            lambda d: d.responds_to and f"{d.responds_to.body.name} {d.responds_to}",
            30,
        ),
        Column(_("Webbadress"), lambda d: link(d.get_absolute_url()), 50),
    ]


def _subject_name(user, subject) -> str:
    """A decision's subject by name when the reader may read it (core.access.may_read)."""
    if subject is None:
        return str(_("(borttaget)"))
    return str(subject) if may_read(user, subject) else str(_("(utkast)"))

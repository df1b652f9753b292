"""The agreement register as a spreadsheet (core.exports), filtered as on the page: the rows
come from the page's own filter and query (agreements.pdf.register_filter, then
queries.register_rows), so the file holds what the reader sees, drafts only for those who may
read them."""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from agreements import queries
from agreements.pdf import register_filter
from core.exports import Column

FILENAME = "forteckning-over-overenskommelser"
TITLE = _("Överenskommelser")


def _adoptions(agreement) -> list[str]:
    found = []
    for link in agreement.adoptions:
        decision = link.decision
        words = " ".join(filter(None, [decision.body.name, decision.case_numbers_text]))
        if decision.date:
            words += f" ({decision.date:%Y-%m-%d})"
        found.append(words)
    return found


def register_columns(link: Callable[[str], str]) -> list[Column]:
    """The register's columns; `link` makes a path absolute."""
    return [
        Column(_("Beteckning"), lambda a: a.register_id, 14),
        Column(_("Version"), lambda a: a.version_label, 9),
        Column(_("Titel"), lambda a: a.title, 50),
        Column(_("Typ"), lambda a: a.get_kind_display(), 16),
        Column(_("Status"), lambda a: a.get_status_display(), 16),
        Column(_("Parter"), lambda a: [p.name for p in a.parties.all()], 40),
        Column(_("Ämnen"), lambda a: [t.name for t in a.topics.all()], 24),
        Column(_("Ansvarigt organ"), lambda a: a.responsible_body and a.responsible_body.name, 30),
        Column(_("Fastställd av"), _adoptions, 40),
        Column(_("Giltig från"), lambda a: a.valid_from, 12),
        Column(_("Giltig till"), lambda a: a.valid_until, 12),
        Column(_("Översyn senast"), lambda a: a.review_by, 14),
        Column(_("Ersatt av"), lambda a: a.replaced_by and str(a.replaced_by), 30),
        Column(_("Webbadress"), lambda a: link(a.get_absolute_url()), 50),
    ]


def register_export_rows(*, user, params):
    """The filtered register's rows (raises agreements.pdf.InvalidFilter as the page's 400)."""
    return queries.register_rows(register_filter(user=user, params=params).qs)

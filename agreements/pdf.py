"""The agreement register (förteckning över överenskommelser) as a PDF, filtered as on the page.

The rows come from the page's own filter and query (AgreementFilter over
agreements_visible_to, then register_rows); the PDF is rendered once per filter, visibility,
version of the register's content and day (overdue reviews depend on the day).
"""

from datetime import date

from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements import queries
from agreements.filters import AgreementFilter
from agreements.models import Agreement, Framework, Topic
from core.pdf import cached_pdf, render_pdf
from governance.models import Body, Decision, DecisionCaseNumber, DecisionSubject, Organisation

TEMPLATE = "pdf/register.html"
TITLE = gettext_lazy("Förteckning över överenskommelser")
PORTAL_NAME = gettext_lazy("Samverkansportalen")


class InvalidFilter(ValueError):
    """The filter has errors; `errors` are the form's messages, by field label."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def register_filter(*, user, params) -> AgreementFilter:
    """The page's filter over what the user may see; raises InvalidFilter as the page answers 400."""
    register = AgreementFilter(params, queryset=queries.agreements_visible_to(user))
    if not register.is_valid():
        raise InvalidFilter(
            [
                f"{register.form[name].label}: {message}"
                for name, messages in register.form.errors.items()
                for message in messages
            ]
        )
    return register


def register_pdf(*, user, params, base_url: str, today: date | None = None) -> bytes:
    register = register_filter(user=user, params=params)
    today = today or timezone.localdate()
    visibility = "utkast" if queries.can_see_drafts(user) else "offentlig"
    key = (
        f"register:{visibility}:{filter_key(register)}:"
        f"{register_content_version()}:{today.isoformat()}"
    )
    return cached_pdf(
        key=key, render=lambda: render_register_pdf(register, base_url=base_url, today=today)
    )


def render_register_pdf(register: AgreementFilter, *, base_url: str, today: date) -> bytes:
    context = register_pdf_context(register, today=today)
    return render_pdf(
        html=render_to_string(TEMPLATE, context),
        base_url=base_url,
        title=str(TITLE),
        author=context["organisation"],
        subject=context["subject"],
    )


def register_pdf_context(register: AgreementFilter, *, today: date) -> dict:
    filters = applied_filters(register)
    party = register.form.cleaned_data.get("party")
    if filters:
        listed = ", ".join(f"{label} {value}" for label, value in filters)
        subject = _("Förteckning: %(filters)s") % {"filters": listed}
    else:
        subject = _("Förteckning")
    return {
        "rows": list(queries.register_rows(register.qs)),
        "filters": filters,
        "today": today,
        "organisation": party.name if party else str(PORTAL_NAME),
        "subject": subject,
    }


def applied_filters(register: AgreementFilter) -> list[tuple[str, str]]:
    """(label, value as shown) for each filter in use, in the form's order."""
    shown = []
    for name, value in register.form.cleaned_data.items():
        if value in (None, "", [], ()):
            continue
        field = register.form.fields[name]
        if isinstance(value, date):
            text = value.isoformat()
        elif isinstance(value, list | tuple):  # the ordering: field names, "-" for descending
            text = ", ".join(_ordering_label(register, v) for v in value)
        elif hasattr(field, "choices") and not hasattr(value, "pk"):
            text = str(dict(field.choices).get(value, value))
        else:
            text = str(value)
        shown.append((str(field.label), text))
    return shown


def _ordering_label(register: AgreementFilter, value: str) -> str:
    return str(dict(register.form.fields["sort"].choices).get(value, value))


def filter_key(register: AgreementFilter) -> str:
    """The filter as cleaned (unknown parameters and the page number play no part)."""
    parts = []
    for name, value in sorted(register.form.cleaned_data.items()):
        if value in (None, "", [], ()):
            continue
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, list | tuple):
            value = ",".join(map(str, value))
        parts.append(f"{name}={value}")
    return "&".join(parts)


def register_content_version() -> str:
    """The latest change to anything the register shows: agreements, their parties, topics,
    bodies, decisions and the frameworks that replace them (one indexed MAX per table)."""
    sources = {
        "agreements": Agreement,
        "frameworks": Framework,
        "topics": Topic,
        "organisations": Organisation,
        "bodies": Body,
        "decisions": Decision,
        "case_numbers": DecisionCaseNumber,
        "subjects": DecisionSubject,
    }
    return "|".join(
        f"{name}={model.history.aggregate(latest=Max('history_date'))['latest']}"
        for name, model in sources.items()
    )

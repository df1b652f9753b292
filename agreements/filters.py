import django_filters
from django import forms
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements.imports.services import PURPOSE as IMPORT_PURPOSE
from agreements.models import Agreement, Status, Topic
from core.filters import choice, having, register_choice
from core.forms import DateInput
from core.models import BackgroundJob
from core.uploads import import_job_key
from core.validators import normalise_case_number, validate_case_number
from governance.models import Body, Organisation
from governance.queries.adoption import with_parties_awaiting

SORT_LABELS = {
    "register_id": _("Beteckning"),
    "title": _("Titel"),
    "status": _("Status"),
    "review_by": _("Översyn senast"),
    "valid_from": _("Giltig från"),
}


def _descending(label) -> str:
    # Ours, not django-filter's "(descending)": it has no Swedish, and it formats the label once,
    # at import, so the choice would not follow the reader's language.
    return lazy(lambda: gettext("%(label)s (fallande)") % {"label": label}, str)()


class AgreementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Sök"),
        method="filter_text",
        max_length=200,
        help_text=_("Beteckning, titel eller text"),
    )
    status = choice(_("Status"), Status.choices)
    kind = choice(_("Typ"), Agreement.Kind.choices)
    party = register_choice(_("Part"), "parties", having(Organisation, "agreements"))
    adopted_by = register_choice(
        _("Fastställd av"),
        "decisions__decision__body",
        having(Body, "decisions__subjects__agreement"),
    )
    case_number = django_filters.CharFilter(
        label=_("Ärendenummer"),
        method="filter_case_number",
        max_length=60,
        validators=[validate_case_number],
        help_text=_("t.ex. ”HSN 2020/247”"),
    )
    party_decisions = choice(
        _("Beslut hos parterna"),
        [
            ("all_decided", _("Alla parter har beslutat")),
            ("awaiting", _("Inväntar beslut hos någon part")),
        ],
        method="filter_party_decisions",
    )
    topic = register_choice(_("Ämne"), "topics", Topic.objects.order_by("name"))
    review_before = django_filters.DateFilter(
        label=_("Översyn senast före"),
        field_name="review_by",
        lookup_expr="lt",
        widget=DateInput,
    )
    sort = django_filters.OrderingFilter(
        label=_("Sortera efter"),
        fields=(
            ("register_id", "register_id"),
            ("title", "title"),
            ("status", "status"),
            ("review_by", "review_by"),
            ("valid_from", "valid_from"),
        ),
        field_labels=SORT_LABELS
        | {f"-{name}": _descending(label) for name, label in SORT_LABELS.items()},
        empty_label=_("Beteckning"),
    )

    # The agreements an import wrote (by its upload's id): where a finished import leads.
    imported = django_filters.NumberFilter(
        label=_("Import"), method="filter_imported", widget=forms.HiddenInput
    )

    class Meta:
        model = Agreement
        fields = []

    def filter_text(self, queryset, name, value):
        words = value.split()[:10]
        for word in words:
            queryset = queryset.filter(
                Q(register_id__icontains=word)
                | Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(text__icontains=word)
            )
        return queryset

    def filter_case_number(self, queryset, name, value):
        return queryset.filter(
            decisions__decision__case_numbers__case_number=normalise_case_number(value)
        )

    def filter_party_decisions(self, queryset, name, value):
        queryset = with_parties_awaiting(queryset)
        if value == "awaiting":
            return queryset.filter(parties_awaiting__gt=0)
        return queryset.filter(party_count__gt=0, parties_awaiting=0)

    def filter_imported(self, queryset, name, value):
        """Written by the import's job: history rows of the person who confirmed it, while it
        ran (one transaction; rows it left unchanged are not among them)."""
        job = BackgroundJob.objects.filter(
            key=import_job_key(purpose=IMPORT_PURPOSE, upload_id=int(value)),
            status=BackgroundJob.Status.DONE,
        ).first()
        if job is None:
            return queryset.none()
        written = Agreement.history.filter(
            history_user_id=job.arguments["user_id"],
            history_date__range=(job.queued_at, job.finished_at),
        )
        return queryset.filter(pk__in=written.values("id"))

    @property
    def qs(self):
        # Filtering across many-to-many rows can repeat an agreement.
        return super().qs.distinct()

"""The filters of the governance lists (django-filter): a bad value makes the form invalid,
and the view answers 400 with the form's Swedish message."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import choice, having, register_choice
from core.validators import MAX_CASE_YEAR, MIN_CASE_YEAR
from governance.models import BoardReport, Body, Meeting
from governance.queries.meetings import meetings_visible_to


class YearFilter(django_filters.NumberFilter):
    """A whole year: "2024.5" is refused by the form rather than reaching the year lookup."""

    field_class = forms.IntegerField


def _year(field_name: str):
    return YearFilter(
        label=_("År"),
        field_name=field_name,
        lookup_expr="year",
        min_value=MIN_CASE_YEAR,
        max_value=MAX_CASE_YEAR,
    )


class MeetingFilter(django_filters.FilterSet):
    # Only bodies with meetings the reader may see: a draft meeting does not show its body here.
    body = register_choice(
        _("Organ"),
        "body",
        lambda request: Body.objects.filter(
            pk__in=meetings_visible_to(request.user).values("body")
        ).order_by("name"),
    )
    year = _year("date")

    class Meta:
        model = Meeting
        fields = []


class BoardReportFilter(django_filters.FilterSet):
    body = register_choice(_("Organ"), "recipients", having(Body, "board_reports"))
    meeting = register_choice(
        _("Sammanträde"),
        "agenda_items__meeting",
        lambda request: meetings_visible_to(request.user).order_by("-date", "-pk"),
    )
    status = choice(_("Status"), BoardReport.Status.choices)
    year = _year("date")

    class Meta:
        model = BoardReport
        fields = []

    @property
    def qs(self):
        # Filtering across many-to-many rows can repeat a report.
        return super().qs.distinct()

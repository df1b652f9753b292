import django_filters
from django import forms
from django.db.models import Q

from agreements.models import Agreement, Status, Topic
from governance.models import Body, Organisation


class AgreementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Sök", method="filter_text", max_length=200, help_text="Beteckning, titel eller text"
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Alla")
    kind = django_filters.ChoiceFilter(
        label="Typ", choices=Agreement.Kind.choices, empty_label="Alla"
    )
    party = django_filters.ModelChoiceFilter(
        label="Part",
        field_name="parties",
        queryset=Organisation.objects.filter(agreements__isnull=False).distinct(),
        empty_label="Alla",
    )
    adopted_by = django_filters.ModelChoiceFilter(
        label="Fastställd av",
        field_name="decisions__decision__body",
        queryset=Body.objects.filter(decisions__isnull=False).distinct(),
        empty_label="Alla",
    )
    topic = django_filters.ModelChoiceFilter(
        label="Ämne",
        field_name="topics",
        queryset=Topic.objects.all(),
        empty_label="Alla",
    )
    review_before = django_filters.DateFilter(
        label="Översyn senast före",
        field_name="review_by",
        lookup_expr="lt",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.OrderingFilter(
        label="Sortera efter",
        fields=(
            ("register_id", "register_id"),
            ("title", "title"),
            ("status", "status"),
            ("review_by", "review_by"),
            ("valid_from", "valid_from"),
        ),
        field_labels={
            "register_id": "Beteckning",
            "title": "Titel",
            "status": "Status",
            "review_by": "Översyn senast",
            "valid_from": "Giltig från",
        },
        empty_label="Beteckning",
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

    @property
    def qs(self):
        # Filtering across many-to-many rows can repeat an agreement.
        return super().qs.distinct()

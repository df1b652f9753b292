"""Fields every collection of the API uses: the object's page in the portal, and the case
numbers as documents write them."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class PageUrl(serializers.Field):
    """The object's page in the portal (for people), beside `url` (its place in the API)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Sidan i portalen."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CaseNumbers(serializers.Field):
    """The case numbers in the document's order ("HSN 2022/652"); prefetch "case_numbers"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Ärendenummer (diarienummer), t.ex. ”HSN 2022/652”."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return value.case_number_list()


def period_fields(prefix: str = "period") -> list[str]:
    """A Period's stored fields (core.models.PeriodFields): the words as written, and the
    dates they mean."""
    return [f"{prefix}_{name}" for name in ("text", "start", "end", "precision", "recurring")]

"""The governance collections: organisations (huvudmän), bodies (organ), memberships
(uppdrag), decisions (beslut), meetings (sammanträden) with their agendas, and issued board
reports (tjänsteskrivelser). Their OParl equivalents are in docs/api.md."""

import django_filters
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.validators import normalise_case_number, validate_case_number
from governance.filters import BoardReportFilter, MeetingFilter, YearFilter
from governance.models import (
    AgendaItem,
    BoardReport,
    Body,
    Decision,
    DecisionSubject,
    Meeting,
    Membership,
    Organisation,
    Person,
)
from governance.queries import board_reports_visible_to, meetings_visible_to
from governance.queries.meetings import agenda
from portal.api.base import PUBLIC, PublicSerializer, PublicViewSet, described
from portal.api.fields import CaseNumbers, PageUrl

SUBJECT_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {"type": {"type": "string"}, "id": {"type": "integer"}},
}


def public_subject(subject) -> dict | None:
    """What a decision or report is about (an agreement, a framework, a plan or a plan's
    version), as its type and id; nothing for a subject the public may not read."""
    if subject is None or not getattr(subject, "is_public", True):
        return None
    return {"type": subject._meta.model_name, "id": subject.pk}


class OrganisationSerializer(PublicSerializer):
    html_url = PageUrl()

    class Meta:
        model = Organisation
        fields = ["url", "id", "name", "short_name", "slug", "kind", "organisation_number"]
        fields += ["html_url"]


@described(
    _(
        "Huvudmän: regioner, kommuner och kommunalförbund. OParl: Body (den som driver "
        "systemet och äger organen)."
    )
)
class OrganisationViewSet(PublicViewSet):
    queryset = Organisation.objects.order_by("name")
    serializer_class = OrganisationSerializer
    filterset_fields = ["kind"]
    history_models = (Organisation,)


class BodySerializer(PublicSerializer):
    organisations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    reports_to = serializers.PrimaryKeyRelatedField(read_only=True)
    html_url = PageUrl()

    class Meta:
        model = Body
        fields = ["url", "id", "name", "short_code", "slug", "kind", "organisations"]
        fields += ["reports_to", "mandate", "composition", "active_from", "active_until"]
        fields += ["html_url"]


class BodyFilter(django_filters.FilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Huvudman"), field_name="organisations", queryset=Organisation.objects.all()
    )

    class Meta:
        model = Body
        fields = ["kind", "reports_to"]


@described(
    _(
        "Organ: nämnder, styrelser, fullmäktige, samverkansorgan och grupper. OParl: "
        "Organization. `reports_to` är organet det rapporterar till."
    )
)
class BodyViewSet(PublicViewSet):
    queryset = Body.objects.prefetch_related("organisations").order_by("name")
    serializer_class = BodySerializer
    filterset_class = BodyFilter
    history_models = (Body,)


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "title"]


class MembershipSerializer(PublicSerializer):
    # A person is public through a public role only, and then only by name and title (what
    # the body's page shows); the account a person may have is never part of it.
    person = PersonSerializer(read_only=True)
    body = serializers.PrimaryKeyRelatedField(read_only=True)
    representing = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Membership
        fields = ["url", "id", "person", "body", "role", "representing"]
        fields += ["valid_from", "valid_until"]


@described(
    _(
        "Uppdrag i organ: en person (namn och titel), organet, rollen, huvudmannen personen "
        "företräder och tiden. OParl: Membership (personen: Person)."
    )
)
class MembershipViewSet(PublicViewSet):
    queryset = Membership.objects.select_related("person").order_by("body_id", "person__name", "pk")
    serializer_class = MembershipSerializer
    filterset_fields = ["body", "role", "representing", "person"]
    history_models = (Membership, Person)


class DecisionSerializer(PublicSerializer):
    body = serializers.PrimaryKeyRelatedField(read_only=True)
    responds_to = serializers.PrimaryKeyRelatedField(read_only=True)
    case_numbers = CaseNumbers()
    subjects = serializers.SerializerMethodField(help_text=_("Vad beslutet gäller."))
    html_url = PageUrl()

    class Meta:
        model = Decision
        fields = ["url", "id", "body", "kind", "date", "title", "text", "case_numbers"]
        fields += ["responds_to", "subjects", "html_url"]

    @extend_schema_field({"type": "array", "items": SUBJECT_SCHEMA})
    def get_subjects(self, decision) -> list:
        found = (public_subject(link.subject) for link in decision.subjects.all())
        return [subject for subject in found if subject]


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("År"), field_name="date", lookup_expr="year")
    case_number = django_filters.CharFilter(
        label=_("Ärendenummer"),
        method="filter_case_number",
        max_length=60,
        validators=[validate_case_number],
    )

    class Meta:
        model = Decision
        fields = ["body", "kind"]

    def filter_case_number(self, queryset, name, value):
        return queryset.filter(case_numbers__case_number=normalise_case_number(value))


@described(
    _(
        "Beslut: ett organs beslut, rekommendation eller ställningstagande, med ärendenummer "
        "och vad det gäller. OParl saknar beslut som eget objekt (närmast: AgendaItem.result "
        "och Consultation)."
    )
)
class DecisionViewSet(PublicViewSet):
    queryset = (
        Decision.objects.select_related("body")
        .prefetch_related(
            "case_numbers",
            Prefetch("subjects", queryset=DecisionSubject.objects.prefetch_related("subject")),
        )
        .order_by("-date", "-pk")
    )
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter
    history_models = (Decision, DecisionSubject)


class AgendaItemSerializer(serializers.ModelSerializer):
    case_numbers = CaseNumbers()
    decision = serializers.PrimaryKeyRelatedField(read_only=True)
    reports = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text=_("Underlag: expedierade tjänsteskrivelser.")
    )

    class Meta:
        model = AgendaItem
        fields = ["id", "number", "title", "case_numbers", "reports", "decision"]
        fields += ["decision_text", "minutes_paragraph"]


class MeetingSerializer(PublicSerializer):
    body = serializers.PrimaryKeyRelatedField(read_only=True)
    agenda_items = AgendaItemSerializer(many=True, read_only=True)
    html_url = PageUrl()

    class Meta:
        model = Meeting
        fields = ["url", "id", "body", "date", "start_time", "place", "kind", "published_at"]
        fields += ["agenda_items", "html_url"]


@described(
    _(
        "Publicerade sammanträden med föredragningslistan (punkter med ärendenummer, underlag "
        "och beslut). OParl: Meeting med AgendaItem."
    )
)
class MeetingViewSet(PublicViewSet):
    queryset = (
        meetings_visible_to(PUBLIC)
        .prefetch_related(agenda(PUBLIC))
        .order_by("-date", "-start_time", "-pk")
    )
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    history_models = (Meeting, AgendaItem)


class BoardReportSerializer(PublicSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    recipients = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    departments = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    case_numbers = CaseNumbers()
    corrects = serializers.PrimaryKeyRelatedField(read_only=True)
    subject = serializers.SerializerMethodField(help_text=_("Vad skrivelsen gäller."))
    sections = serializers.SerializerMethodField(help_text=_("Övriga avsnitt."))
    signatories = serializers.SerializerMethodField(help_text=_("Undertecknare."))
    pdf_url = serializers.SerializerMethodField(help_text=_("Den expedierade PDF:en."))
    pdf_sha256 = serializers.CharField(
        read_only=True, help_text=_("PDF:ens SHA-256: kontrollera att filen är oförändrad.")
    )
    html_url = PageUrl()

    class Meta:
        model = BoardReport
        fields = ["url", "id", "title", "date", "organisation", "departments", "recipients"]
        fields += ["case_numbers", "proposed_decision", "summary", "case_description"]
        fields += ["assessment", "sections", "signatories", "subject", "corrects"]
        fields += ["issued_at", "pdf_url", "pdf_sha256", "html_url"]

    @extend_schema_field(SUBJECT_SCHEMA)
    def get_subject(self, report) -> dict | None:
        return public_subject(report.subject)

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_sections(self, report) -> list:
        return [{"heading": s.heading, "text": s.text} for s in report.extra_sections.all()]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_signatories(self, report) -> list:
        return [
            {"name": s.name, "title": s.title, "department": s.department}
            for s in report.signatories.all()
        ]

    def get_pdf_url(self, report) -> str:
        path = reverse("governance:board_report_pdf", kwargs={"pk": report.pk})
        return self.context["request"].build_absolute_uri(path)


@described(
    _(
        "Expedierade tjänsteskrivelser, med den frysta PDF:ens adress och SHA-256. OParl: "
        "Paper (PDF:en: File, mainFile)."
    )
)
class BoardReportViewSet(PublicViewSet):
    queryset = (
        board_reports_visible_to(PUBLIC)
        .prefetch_related("departments", "case_numbers", "extra_sections", "signatories", "subject")
        .order_by("-date", "-pk")
    )
    serializer_class = BoardReportSerializer
    filterset_class = BoardReportFilter
    history_models = (BoardReport,)

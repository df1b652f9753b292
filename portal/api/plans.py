"""Plans as the public reads them: the list gives each plan's own fields as last published or
adopted; a plan's detail adds its tree (areas, initiatives, activities, milestones,
follow-ups) from that version, with today's reported states. OParl has no equivalent."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from core.periods import is_overdue
from plans.kinds import ITEM_KINDS
from plans.models import (
    Activity,
    FollowUp,
    Initiative,
    Milestone,
    Plan,
    Section,
    StateReport,
    StatusUpdate,
)
from plans.queries import plans_visible_to, public_faces, published_tree
from portal.api.base import PUBLIC, PublicSerializer, PublicViewSet, described
from portal.api.fields import PageUrl, period_fields


class ItemSerializer(serializers.Serializer):
    """An activity, a milestone or a follow-up."""

    id = serializers.IntegerField(source="pk")
    text = serializers.CharField()
    period_text = serializers.CharField()
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    period_precision = serializers.CharField()
    period_recurring = serializers.BooleanField()
    state = serializers.SerializerMethodField(
        help_text=_("Rapporterat läge: planned, in_progress, done, struck (eller null).")
    )
    done_on = serializers.SerializerMethodField(help_text=_("Klar den (rapporterat)."))
    overdue = serializers.SerializerMethodField(help_text=_("Förfallen i dag."))

    def get_state(self, item) -> str | None:
        return item.state.state if item.state else None

    def get_done_on(self, item) -> str | None:
        return item.state.done_on.isoformat() if item.state and item.state.done_on else None

    def get_overdue(self, item) -> bool:
        return is_overdue(item.period_end, today=self.context["today"], closed=item.closed)


def _items(node) -> dict:
    return {kind.tree_list: node.items[kind.tree_list] for kind in ITEM_KINDS}


class NodeSerializer(serializers.Serializer):
    """What sections and initiatives share: responsibility and the items straight under them."""

    responsible_bodies = serializers.SerializerMethodField()
    responsibility_text = serializers.CharField()
    activities = ItemSerializer(many=True, source="items.activities")
    milestones = ItemSerializer(many=True, source="items.milestones")
    follow_ups = ItemSerializer(many=True, source="items.follow_ups")

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_responsible_bodies(self, node) -> list[int]:
        return [body.pk for body in node.bodies]


class InitiativeSerializer(NodeSerializer):
    letter = serializers.CharField(source="initiative.letter")
    title = serializers.CharField(source="initiative.title")
    description = serializers.CharField(source="initiative.description")
    status = serializers.CharField(
        source="status_value",
        allow_null=True,
        help_text=_(
            "Senaste statusuppdatering: not_started, on_track, at_risk, delayed, done, "
            "cancelled (eller null)."
        ),
    )
    status_date = serializers.DateField(source="status.date", allow_null=True, default=None)


class SectionSerializer(NodeSerializer):
    number = serializers.IntegerField(source="section.number")
    title = serializers.CharField(source="section.title")
    introduction = serializers.CharField(source="section.introduction")
    initiatives = InitiativeSerializer(many=True)


class PlanSerializer(PublicSerializer):
    owner_body = serializers.PrimaryKeyRelatedField(read_only=True)
    framework = serializers.SerializerMethodField()
    public_version = serializers.SerializerMethodField(
        help_text=_("Versionen som allmänheten läser (nummer, slag, datum).")
    )
    html_url = PageUrl()

    class Meta:
        model = Plan
        fields = ["url", "id", "title", "slug", "kind", "status", *period_fields()]
        fields += ["document_date", "owner_body", "framework", "public_version", "html_url"]

    def get_framework(self, plan) -> int | None:
        framework = plan.framework
        return framework.pk if framework is not None and framework.is_public else None

    @extend_schema_field({"type": "object"})
    def get_public_version(self, plan) -> dict:
        version = plan.public_version
        return {"number": version.number, "kind": version.kind, "date": version.date}


class PlanTreeSerializer(PlanSerializer):
    preamble = serializers.CharField()
    parties = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField(
        help_text=_("Områdena (i projektplaner: faserna) med insatser och punkter.")
    )

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "preamble", "parties", "sections"]

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_parties(self, plan) -> list[int]:
        return [party.pk for party in self.context["tree"].parties]

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, plan) -> list:
        return SectionSerializer(
            self.context["tree"].sections, many=True, context=self.context
        ).data


class PlanFilter(django_filters.FilterSet):
    class Meta:
        model = Plan
        fields = ["kind", "status", "owner_body", "framework"]


@described(
    _(
        "Planer som publicerats eller fastställts, som allmänheten läser dem: den senast "
        "publicerade eller fastställda versionen, aldrig en pågående revidering. En plan "
        "hämtad en och en har sitt träd: områden, insatser, aktiviteter, tidplan och "
        "uppföljning. Ingen motsvarighet i OParl."
    )
)
class PlanViewSet(PublicViewSet):
    queryset = (
        plans_visible_to(PUBLIC)
        .select_related("framework", "public_version")
        .order_by("title", "pk")
    )
    serializer_class = PlanSerializer
    filterset_class = PlanFilter
    history_models = (Plan, Section, Initiative, Activity, Milestone, FollowUp)
    history_models += (StatusUpdate, StateReport)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return public_faces(page) if page is not None else None

    def get_serializer_class(self):
        return PlanTreeSerializer if self.action == "retrieve" else PlanSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def retrieve(self, request, *args, **kwargs):
        plan = public_faces([self.get_object()])[0]
        context = {**self.get_serializer_context(), "tree": published_tree(plan)}
        return Response(PlanTreeSerializer(plan, context=context).data)

"""The register's collections: agreements (överenskommelser) and frameworks (ramverk), with
the register's own filters. OParl has no equivalent (docs/api.md)."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.filters import AgreementFilter
from agreements.models import Agreement, Attachment, Framework
from agreements.queries import agreements_visible_to, frameworks_visible_to, register_rows
from governance.models import DecisionSubject, Organisation
from portal.api.base import PUBLIC, PublicSerializer, PublicViewSet, described
from portal.api.fields import PageUrl


def _public_id(obj) -> int | None:
    # A successor still in draft records an intent the public does not read yet.
    return obj.pk if obj is not None and obj.is_public else None


class AttachmentSerializer(serializers.ModelSerializer):
    url = PageUrl(help_text=_("Filen."))

    class Meta:
        model = Attachment
        fields = ["title", "original_name", "media_type", "size", "sha256", "url"]


class AgreementSerializer(PublicSerializer):
    parties = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    topics = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    responsible_body = serializers.PrimaryKeyRelatedField(read_only=True)
    replaced_by_agreement = serializers.SerializerMethodField()
    replaced_by_framework = serializers.SerializerMethodField()
    adopted_by = serializers.SerializerMethodField(
        help_text=_("Besluten som gäller överenskommelsen (fastställd av), i /decisions/.")
    )
    attachments = AttachmentSerializer(many=True, read_only=True)
    html_url = PageUrl()

    class Meta:
        model = Agreement
        fields = ["url", "id", "register_id", "version_label", "title", "kind", "status"]
        fields += ["parties", "topics", "valid_from", "valid_until", "review_by"]
        fields += ["responsible_body", "summary", "text", "replaced_by_agreement"]
        fields += ["replaced_by_framework", "adopted_by", "attachments", "html_url"]

    def get_replaced_by_agreement(self, agreement) -> int | None:
        return _public_id(agreement.replaced_by_agreement)

    def get_replaced_by_framework(self, agreement) -> int | None:
        return _public_id(agreement.replaced_by_framework)

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_adopted_by(self, shared) -> list[int]:
        return [link.decision_id for link in shared.adoptions]


@described(
    _(
        "Överenskommelser och avtal i registret som är gällande, under revidering, ersatta "
        "eller upphörda. Filtren är registersidans. Ingen motsvarighet i OParl."
    )
)
class AgreementViewSet(PublicViewSet):
    queryset = register_rows(agreements_visible_to(PUBLIC)).prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("title"))
    )
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    history_models = (Agreement, Attachment, DecisionSubject)


class FrameworkSerializer(PublicSerializer):
    parties = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    replaces = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text=_("Överenskommelser som ramverket ersätter.")
    )
    covers = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text=_("Överenskommelser som ramverket omfattar.")
    )
    adopted_by = serializers.SerializerMethodField(help_text=_("Besluten om ramverket."))
    html_url = PageUrl()

    class Meta:
        model = Framework
        fields = ["url", "id", "title", "slug", "status", "parties", "summary", "goals"]
        fields += ["principles", "guidelines", "replaces", "covers", "adopted_by", "html_url"]

    get_adopted_by = AgreementSerializer.get_adopted_by


class FrameworkFilter(django_filters.FilterSet):
    party = django_filters.ModelChoiceFilter(
        label=_("Part"), field_name="parties", queryset=Organisation.objects.all()
    )

    class Meta:
        model = Framework
        fields = ["status"]


def _public_agreements():
    return agreements_visible_to(PUBLIC).only("pk")


@described(
    _(
        "Ramverk (gemensam plan för primärvård) som är fastställda: de överenskommelser de "
        "ersätter och omfattar. Ingen motsvarighet i OParl."
    )
)
class FrameworkViewSet(PublicViewSet):
    queryset = frameworks_visible_to(PUBLIC).prefetch_related(
        "parties",
        Prefetch("replaces", queryset=_public_agreements()),
        Prefetch("covers", queryset=_public_agreements()),
        Prefetch("decisions", queryset=DecisionSubject.objects.order_by("pk"), to_attr="adoptions"),
    )
    serializer_class = FrameworkSerializer
    filterset_class = FrameworkFilter
    history_models = (Framework, DecisionSubject)

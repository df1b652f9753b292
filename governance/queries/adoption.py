"""Adoption by the parties (beslut hos parterna): for anything the parties share, each
party's decision about it, or none yet.

Derived, never stored: a party has decided when one of its own bodies (a body of that party
alone) has a decision of an adopting kind about one of the subjects. A joint body's
decision (a collaboration body's recommendation, say) speaks for no single party; it is
shown as what the parties answer. Generic over subjects through DecisionSubject's content
type, so agreements and plans use it alike without governance knowing them; a fixed number
of queries whatever the number of parties."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, F, Func, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext

from governance.models import Body, Decision, DecisionSubject, Organisation

# The kinds by which a party's own body takes a stand on the shared thing itself.
ADOPTING_KINDS = (Decision.Kind.ADOPTION, Decision.Kind.POSITION, Decision.Kind.DELEGATED)


@dataclass
class PartyDecision:
    party: Organisation
    decision: Decision | None  # None: inväntar beslut

    @property
    def pending(self) -> bool:
        return self.decision is None


@dataclass
class Adoption:
    parties: list[PartyDecision]
    recommendations: list[Decision] = field(default_factory=list)

    @property
    def pending(self) -> list[PartyDecision]:
        return [row for row in self.parties if row.pending]

    @property
    def counts(self) -> list[str]:
        """ "9 av 12 kommuner har antagit", regions counted apart, then any other parties."""
        lines = []
        for kind, words in COUNT_WORDS.items():
            rows = [row for row in self.parties if row.party.kind == kind]
            if rows:
                decided = sum(not row.pending for row in rows)
                lines.append(words(decided, len(rows)))
        return lines


# ngettext with the total: "1 av 1 region", "0 av 2 regioner".
COUNT_WORDS = {
    Organisation.Kind.MUNICIPALITY: lambda decided, total: (
        ngettext(
            "%(decided)s av %(total)s kommun har antagit",
            "%(decided)s av %(total)s kommuner har antagit",
            total,
        )
        % {"decided": decided, "total": total}
    ),
    Organisation.Kind.REGION: lambda decided, total: (
        ngettext(
            "%(decided)s av %(total)s region har antagit",
            "%(decided)s av %(total)s regioner har antagit",
            total,
        )
        % {"decided": decided, "total": total}
    ),
    Organisation.Kind.MUNICIPAL_FEDERATION: lambda decided, total: (
        ngettext(
            "%(decided)s av %(total)s kommunalförbund har antagit",
            "%(decided)s av %(total)s kommunalförbund har antagit",
            total,
        )
        % {"decided": decided, "total": total}
    ),
    Organisation.Kind.OTHER: lambda decided, total: (
        ngettext(
            "%(decided)s av %(total)s annan part har antagit",
            "%(decided)s av %(total)s andra parter har antagit",
            total,
        )
        % {"decided": decided, "total": total}
    ),
}


def _subjects_filter(subjects: Iterable[models.Model]) -> Q:
    """DecisionSubject rows about any of `subjects` (of any models)."""
    by_type: dict[int, list[int]] = {}
    for subject in subjects:
        content_type = ContentType.objects.get_for_model(subject)
        by_type.setdefault(content_type.pk, []).append(subject.pk)
    condition = Q(pk__in=[])  # no subjects: no rows
    for content_type_id, ids in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=ids)
    return condition


def _decisions_about(subjects: Sequence[models.Model]) -> list[Decision]:
    """Every decision about the subjects, latest first, with what the section shows."""
    return list(
        Decision.objects.filter(
            pk__in=DecisionSubject.objects.filter(_subjects_filter(subjects)).values("decision")
        )
        .select_related("body", "responds_to__body")
        .annotate(organisation_count=Count("body__organisations", distinct=True))
        .prefetch_related(
            "case_numbers",
            "responds_to__case_numbers",
            Prefetch("body__organisations", queryset=Organisation.objects.only("pk")),
        )
        .order_by("-date", "-pk")
    )


def _own_body(decision: Decision) -> bool:
    return decision.organisation_count == 1


def adoption_by_parties(
    *, subjects: Sequence[models.Model], parties: Iterable[Organisation]
) -> Adoption:
    """Each party (in the order given) with its latest adopting decision about the subjects,
    or none; and the recommendations about them. `parties` is best given evaluated (the
    page's prefetched parties), else it costs one query."""
    decisions = _decisions_about(subjects)
    by_party: dict[int, Decision] = {}
    for decision in decisions:  # latest first: the first found for a party is its latest
        if decision.kind in ADOPTING_KINDS and _own_body(decision):
            party_id = decision.body.organisations.all()[0].pk
            by_party.setdefault(party_id, decision)
    return Adoption(
        parties=[PartyDecision(party, by_party.get(party.pk)) for party in parties],
        recommendations=[d for d in decisions if d.kind == Decision.Kind.RECOMMENDATION],
    )


def _decided(subject_fields: dict[type[models.Model], str]) -> Exists:
    """Inside a query of parties (Organisation) inside a query of shared things: whether the
    party has an adopting decision by a body of its own about the outer thing.
    `subject_fields`: for each kind of subject, the outer thing's field holding its id."""
    about = Q()
    for model, field_name in subject_fields.items():
        about |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef(OuterRef(field_name)),
        )
    own_bodies = Body.objects.annotate(n=Count("organisations")).filter(n=1).values("pk")
    return Exists(
        DecisionSubject.objects.filter(
            about,
            decision__kind__in=ADOPTING_KINDS,
            decision__body__organisations=OuterRef("pk"),
            decision__body__in=own_bodies,
        )
    )


def _count_of(queryset) -> Coalesce:
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted), 0)


def with_parties_awaiting(
    queryset: QuerySet, *, subject_fields: dict[type[models.Model], str] | None = None
) -> QuerySet:
    """Annotate each shared thing (a model with `parties`) with `party_count` and
    `parties_awaiting`: how many of its parties have no adopting decision about it yet. In
    the same query, whatever the number of rows or parties."""
    model = queryset.model
    lookup = model._meta.get_field("parties").related_query_name()
    parties = Organisation.objects.filter(**{lookup: OuterRef("pk")})
    awaiting = parties.exclude(_decided(subject_fields or {model: "pk"}))
    return queryset.annotate(party_count=_count_of(parties), parties_awaiting=_count_of(awaiting))


__all__ = [
    "ADOPTING_KINDS",
    "Adoption",
    "PartyDecision",
    "adoption_by_parties",
    "with_parties_awaiting",
]

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

from django.db import models
from django.db.models import Count, Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext_lazy

from governance.models import Body, Decision, DecisionCaseNumber, DecisionSubject, Organisation

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
                lines.append(words % {"decided": decided, "total": len(rows)})
        return lines


# In words per kind of party, the plural chosen by the total: "1 av 1 region",
# "9 av 12 kommuner".
COUNT_WORDS = {
    Organisation.Kind.MUNICIPALITY: ngettext_lazy(
        "%(decided)s av %(total)s kommun har antagit",
        "%(decided)s av %(total)s kommuner har antagit",
        "total",
    ),
    Organisation.Kind.REGION: ngettext_lazy(
        "%(decided)s av %(total)s region har antagit",
        "%(decided)s av %(total)s regioner har antagit",
        "total",
    ),
    Organisation.Kind.MUNICIPAL_FEDERATION: ngettext_lazy(
        "%(decided)s av %(total)s kommunalförbund har antagit",
        "%(decided)s av %(total)s kommunalförbund har antagit",
        "total",
    ),
    Organisation.Kind.OTHER: ngettext_lazy(
        "%(decided)s av %(total)s annan part har antagit",
        "%(decided)s av %(total)s andra parter har antagit",
        "total",
    ),
}


def _about(model: type[models.Model], **object_id) -> Q:
    """DecisionSubject rows about objects of `model`. By the content type's natural key, a
    join in the same query: ContentType's cache would cost a query on its first use only,
    so a page's cost would depend on what was read before."""
    return Q(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        **object_id,
    )


def _subjects_filter(subjects: Iterable[models.Model]) -> Q:
    """DecisionSubject rows about any of `subjects` (of any models)."""
    by_model: dict[type[models.Model], list[int]] = {}
    for subject in subjects:
        by_model.setdefault(type(subject)._meta.concrete_model, []).append(subject.pk)
    condition = Q(pk__in=[])  # no subjects: no rows
    for model, ids in by_model.items():
        condition |= _about(model, object_id__in=ids)
    return condition


def _decisions_about(subjects: Sequence[models.Model]) -> list[Decision]:
    """Every decision about the subjects, latest first, with what the section shows: two
    queries, also when there are none (a prefetch would skip its query then, and the page's
    cost would depend on the data)."""
    about = DecisionSubject.objects.filter(_subjects_filter(subjects)).values("decision")
    own_organisation = Body.organisations.through.objects.filter(
        body_id=OuterRef("body_id")
    ).values("organisation_id")
    decisions = list(
        Decision.objects.filter(pk__in=about)
        .select_related("body", "responds_to__body")
        .annotate(
            organisation_count=Count("body__organisations", distinct=True),
            own_organisation_id=Subquery(own_organisation[:1]),
        )
        .order_by("-date", "-pk")
    )
    numbers: dict[int, list[str]] = {}
    for decision_id, number in (
        DecisionCaseNumber.objects.filter(decision__in=about)
        .order_by("position", "pk")
        .values_list("decision_id", "case_number")
    ):
        numbers.setdefault(decision_id, []).append(number)
    for decision in decisions:
        decision.known_case_numbers = numbers.get(decision.pk, [])
    return decisions


def adoption_by_parties(
    *, subjects: Sequence[models.Model], parties: Iterable[Organisation]
) -> Adoption:
    """Each party (in the order given) with its latest adopting decision about the subjects,
    or none; and the recommendations about them. `parties` is best given evaluated (the
    page's prefetched parties), else it costs one query."""
    decisions = _decisions_about(subjects)
    by_party: dict[int, Decision] = {}
    for decision in decisions:  # latest first: the first found for a party is its latest
        if decision.kind in ADOPTING_KINDS and decision.organisation_count == 1:
            by_party.setdefault(decision.own_organisation_id, decision)
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
        about |= _about(model, object_id=OuterRef(OuterRef(field_name)))
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

"""One factory per state: tests build their own data; fixtures/ is for the demo only."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from agreements.models import Agreement, Framework, Status, Topic
from core import periods
from governance.models import (
    AgendaItem,
    Body,
    Decision,
    DecisionCaseNumber,
    Meeting,
    Membership,
    Organisation,
    Person,
)
from governance.services import decision_record
from plans.models import (
    Activity,
    FollowUp,
    Initiative,
    Milestone,
    Plan,
    PlanVersion,
    Section,
    StatusUpdate,
)
from portal import roles


def many_given(field: str) -> factory.PostGeneration:
    """Set the many-to-many `field` to what the test passes (`parties=[...]`), if anything."""

    def set_given(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(set_given)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("testlösen-123")

    role = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _join(user, create, extracted)
    )


def _join(user, create, role):
    if create and role:
        user.groups.add(Group.objects.get(name=role))


def _role(default):
    return factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _join(user, create, extracted or default)
    )


class ReaderFactory(UserFactory):
    role = _role(roles.READER)


class StrategistFactory(UserFactory):
    role = _role(roles.STRATEGIST)


class RegisterAdminFactory(UserFactory):
    role = _role(roles.REGISTER_ADMIN)


class SuperuserFactory(UserFactory):
    """The operator: the only one the admin (/admin/) lets in."""

    is_staff = True
    is_superuser = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    kind = Organisation.Kind.MUNICIPALITY


class RegionFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Region Test {n}")
    slug = factory.Sequence(lambda n: f"region-test-{n}")
    kind = Organisation.Kind.REGION


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testnämnden {n}")
    slug = factory.Sequence(lambda n: f"testnamnden-{n}")
    short_code = factory.Sequence(lambda n: f"TN{n}")
    kind = Body.Kind.COMMITTEE

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create:
            self.organisations.set(extracted or [OrganisationFactory()])


def gotland(**hsn_fields) -> tuple[Organisation, Body]:
    """Region Gotland and its health and care committee (HSN), the pair the register's seeds
    speak of most."""
    region = RegionFactory(name="Region Gotland", slug="region-gotland")
    hsn = BodyFactory(
        name="Hälso- och sjukvårdsnämnden", short_code="HSN", organisations=[region], **hsn_fields
    )
    return region, hsn


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Anna Andersson {n}")
    title = "Strateg"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = Membership.Role.MEMBER


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision
        skip_postgeneration_save = True

    body = factory.SubFactory(BodyFactory)
    kind = Decision.Kind.ADOPTION
    title = "Beslut om överenskommelse"

    @factory.post_generation
    def case_numbers(decision, create, numbers, **kwargs):
        """`case_numbers=[…]` gives them (`[]`: none); by default one of the body's own."""
        if not create:
            return
        if numbers is None:
            numbers = [f"{decision.body.short_code} 2022/{decision.pk}"]
        for position, number in enumerate(numbers, start=1):
            DecisionCaseNumber.objects.create(
                decision=decision, body=decision.body, position=position, case_number=number
            )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    place = "Sammanträdesrum 1"
    status = Meeting.Status.PUBLISHED


class DraftMeetingFactory(MeetingFactory):
    status = Meeting.Status.DRAFT


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Ärende {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    """An agreement in force: public."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    register_id = factory.Sequence(lambda n: f"STY-{n:05d}")
    title = factory.Sequence(lambda n: f"Överenskommelse om samverkan {n}")
    status = Status.IN_FORCE

    parties = many_given("parties")
    editors = many_given("editors")

    topics = many_given("topics")


def adopted_agreements(count: int, *, body: Body, **fields) -> None:
    """`count` agreements, each adopted by `body` under a case number of its own: the register
    grown for a query budget."""
    for _ in range(count):
        agreement = AgreementFactory(**fields)
        number = f"{body.short_code} 2022/{agreement.pk}"
        decision_record(user=None, body=body, case_number=number, subjects=[agreement])


class DraftAgreementFactory(AgreementFactory):
    status = Status.DRAFT


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Gemensamt ramverk {n}")
    slug = factory.Sequence(lambda n: f"ramverk-{n}")
    status = Status.IN_FORCE

    parties = many_given("parties")
    editors = many_given("editors")


class DraftFrameworkFactory(FrameworkFactory):
    status = Status.DRAFT


class ActingUserFactory(UserFactory):
    """A user who only acts through services (never logs in): no password, so no slow hashing."""

    password = "!"  # Django's mark for an unusable password


# --- plans ---------------------------------------------------------------------------


class PlanFactory(factory.django.DjangoModelFactory):
    """An adopted plan: public, with its frozen version (taken when the factory made it;
    content added by factories afterwards is read live, as nothing revised it)."""

    class Meta:
        model = Plan
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, status=Plan.Status.DRAFT, **kwargs):
        # The database refuses a public status without the version the public reads.
        plan = super()._create(model_class, *args, status=Plan.Status.DRAFT, **kwargs)
        if status != Plan.Status.DRAFT:
            kind = PlanVersion.Kind.PUBLISHED if status == Plan.Status.PUBLISHED else "adopted"
            plan.public_version = PlanVersion.objects.create(
                plan=plan, number=1, kind=kind, frozen_at=timezone.now()
            )
            plan.status = status
            plan.save()
        return plan

    title = factory.Sequence(lambda n: f"Aktivitets- och tidplan {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    kind = Plan.Kind.ACTIVITY_AND_TIME_PLAN
    status = Plan.Status.ADOPTED
    period_text = "2022–2025"
    period_start = datetime.date(2022, 1, 1)
    period_end = datetime.date(2025, 12, 31)
    period_precision = "year"

    parties = many_given("parties")
    editors = many_given("editors")


class DraftPlanFactory(PlanFactory):
    status = Plan.Status.DRAFT


class PublishedPlanFactory(PlanFactory):
    status = Plan.Status.PUBLISHED


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    position = factory.SelfAttribute("number")
    title = factory.Sequence(lambda n: f"Fokusområde {n}")


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    section = factory.SubFactory(SectionFactory)
    # A letter is at most three characters; this stays unique over 2 600 initiatives,
    # more than any one test makes, however many tests ran before it.
    letter = factory.Sequence(
        lambda n: "abcdefghijklmnopqrstuvwxyz"[n % 26] + ("" if n < 26 else str(n // 26 % 100))
    )
    title = factory.Sequence(lambda n: f"Insats {n}")


def first_initiative(
    plan, *, area="Personcentrerat arbetssätt", title="Patientkontrakt och SIP"
) -> tuple[Section, Initiative]:
    """Area 1 of `plan` and its initiative a): where seed 004 begins, unless named otherwise."""
    section = SectionFactory(plan=plan, number=1, title=area)
    return section, InitiativeFactory(section=section, letter="a", title=title)


def _with_period(text):
    parsed = periods.parse(text)
    return {
        "period_text": parsed.text,
        "period_start": parsed.start,
        "period_end": parsed.end,
        "period_precision": parsed.precision,
        "period_recurring": parsed.recurring,
    }


class PlanItemFactory(factory.django.DjangoModelFactory):
    """Pass `period="Q2 2022"`; the stored fields are parsed from it."""

    class Meta:
        abstract = True

    class Params:
        period = ""

    section = factory.SubFactory(SectionFactory)
    text = factory.Sequence(lambda n: f"Punkt {n}")
    period_text = factory.LazyAttribute(lambda o: _with_period(o.period)["period_text"])
    period_start = factory.LazyAttribute(lambda o: _with_period(o.period)["period_start"])
    period_end = factory.LazyAttribute(lambda o: _with_period(o.period)["period_end"])
    period_precision = factory.LazyAttribute(lambda o: _with_period(o.period)["period_precision"])
    period_recurring = factory.LazyAttribute(lambda o: _with_period(o.period)["period_recurring"])


class ActivityFactory(PlanItemFactory):
    class Meta:
        model = Activity


class MilestoneFactory(PlanItemFactory):
    class Meta:
        model = Milestone


class FollowUpFactory(PlanItemFactory):
    class Meta:
        model = FollowUp


def first_items(area, initiative, *, reported_to) -> None:
    """Seed 004's first items of initiative a): an activity, a proposal due Q2 2022, and a
    follow-up on 1 June 2022 reported to `reported_to`."""
    ActivityFactory(section=area, initiative=initiative, text="Genomföra utbildningsinsatser")
    MilestoneFactory(section=area, initiative=initiative, text="Förslag Q2 2022", period="Q2 2022")
    FollowUpFactory(
        section=area,
        initiative=initiative,
        text="Följs upp 2022-06-01",
        period="2022-06-01",
        reported_to=reported_to,
    )


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    initiative = factory.SubFactory(InitiativeFactory)
    date = datetime.date(2022, 6, 1)
    status = StatusUpdate.Status.ON_TRACK


# The sizes of plan a query budget compares: 12 items, and 30 times as many.
BUDGET_SIZES = (
    {"sections": 2, "initiatives": 2, "items": 1},
    {"sections": 6, "initiatives": 5, "items": 4},
)


def build_synthetic_plan(*, sections: int, initiatives: int, items: int, body=None):
    """A plan of a given size, for query budgets and benchmarks."""
    plan = PlanFactory()
    for number in range(1, sections + 1):
        section = SectionFactory(plan=plan, number=number)
        if body:
            section.responsible_bodies.add(body)
        for letter in "abcdefghijklmnopqrstuvwxyz"[:initiatives]:
            initiative = InitiativeFactory(section=section, letter=letter)
            if body:
                initiative.responsible_bodies.add(body)
            StatusUpdateFactory(initiative=initiative)
            for index in range(items):
                ActivityFactory(section=section, initiative=initiative, position=index)
                MilestoneFactory(
                    section=section,
                    initiative=initiative,
                    position=index,
                    period=f"Q{index % 4 + 1} 2023",
                )
                FollowUpFactory(
                    section=section,
                    initiative=initiative,
                    position=index,
                    period="hösten 2024",
                    reported_to=body,
                )
    return plan

"""One factory per state: tests build their own data; fixtures/ is for the demo only."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from agreements.models import Agreement, Framework, Status, Topic
from governance.models import Body, Decision, Membership, Organisation, Person
from portal import roles


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
    is_staff = True
    role = _role(roles.REGISTER_ADMIN)


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

    body = factory.SubFactory(BodyFactory)
    case_number = factory.LazyAttributeSequence(lambda o, n: f"{o.body.short_code} 2022/{n + 1}")
    title = "Beslut om överenskommelse"


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

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class DraftAgreementFactory(AgreementFactory):
    status = Status.DRAFT


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Gemensamt ramverk {n}")
    slug = factory.Sequence(lambda n: f"ramverk-{n}")
    status = Status.IN_FORCE

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)


class DraftFrameworkFactory(FrameworkFactory):
    status = Status.DRAFT


class ActingUserFactory(UserFactory):
    """A user who only acts through services (never logs in): no password, so no slow hashing."""

    password = "!"  # Django's mark for an unusable password

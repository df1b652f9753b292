"""core.models.LoadedFromRows: rows read by the thousand are built without `Model.__init__`,
and are the instances Django would have built."""

import pytest
from django.db.models import Model
from django.db.models.signals import post_init

from plans.models import Activity, FollowUp, Initiative
from tests import factories

pytestmark = pytest.mark.django_db


def built_by_django(model, pk):
    """The row as `Model.from_db` builds it (through `__init__`)."""
    names = [field.attname for field in model._meta.concrete_fields]
    values = model.objects.filter(pk=pk).values_list(*names).get()
    return Model.from_db.__func__(model, "default", names, values)


def fields_and_state(instance) -> tuple:
    values = {name: value for name, value in vars(instance).items() if name != "_state"}
    return values, instance._state.adding, instance._state.db


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.ActivityFactory(period_text="Q2 2022", note="Anteckning"),
        lambda: factories.FollowUpFactory(reported_to=factories.BodyFactory()),
        lambda: factories.InitiativeFactory(responsibility_text="Regionen"),
        lambda: factories.StatusUpdateFactory(comment="Enligt plan"),
    ],
)
def test_a_row_read_is_the_instance_django_builds(make):
    made = make()
    model = type(made)
    read = model.objects.get(pk=made.pk)

    assert "from_db" not in model.__dict__  # the mixin's, inherited
    assert fields_and_state(read) == fields_and_state(built_by_django(model, made.pk))
    assert read._state.adding is False
    assert read._state.db == "default"


def test_a_row_read_saves_as_an_update_and_follows_its_foreign_keys():
    follow_up = factories.FollowUpFactory(reported_to=factories.BodyFactory(name="Styrgruppen"))
    read = FollowUp.objects.get(pk=follow_up.pk)

    assert read.reported_to.name == "Styrgruppen"
    assert read.section == follow_up.section
    read.text = "Ändrad"
    read.save()
    assert FollowUp.objects.count() == 1
    assert FollowUp.objects.get(pk=follow_up.pk).text == "Ändrad"


def test_a_row_with_deferred_fields_is_built_by_django_and_reads_them_when_asked():
    activity = factories.ActivityFactory(text="Utbilda", note="Sent tillagd")
    read = Activity.objects.only("text").get(pk=activity.pk)

    assert read.get_deferred_fields() >= {"note"}
    assert read.note == "Sent tillagd"


def test_a_model_with_a_post_init_receiver_is_built_by_django():
    initiative = factories.InitiativeFactory()
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=Initiative)
    try:
        read = Initiative.objects.get(pk=initiative.pk)
    finally:
        post_init.disconnect(receiver, sender=Initiative)

    assert seen == [read]

"""The one way every form picks bodies (and departments, and people): grouped by the organisation they belong to (joint
bodies under a group of their own), each named with its organisations, so that three
"Hälso- och sjukvårdsnämnden (HSN)" read "…, Region Gotland", "…, Region Skåne" and so on.
Several are chosen with checkboxes, never with Ctrl-click. Plain HTML: no JavaScript needed.

The choices come from one query with the organisations prefetched, whatever the form."""

from django import forms
from django.db.models import Prefetch
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from governance.models import Body, Department, Membership, Organisation, Person

JOINT = _("Gemensamma organ")


def bodies_for_picking():
    return Body.objects.prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.order_by("name"))
    ).order_by("name", "pk")


def body_label(body: Body) -> str:
    names = ", ".join(organisation.name for organisation in body.organisations.all())
    return f"{body}, {names}" if names else str(body)


class GroupedByOrganisation(ModelChoiceIterator):
    """(group, [(value, label), …]) per organisation, the field's `first` organisations (the
    agreement's parties, the report's organisation) before the others in name order, then
    the joint bodies; lazy, as Django's own iterator: read when the form is rendered."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        joint = []
        for obj in self.queryset:
            organisations = self.field.organisations_of(obj)
            if len(organisations) == 1:
                groups.setdefault(organisations[0].name, []).append(self.choice(obj))
            else:
                joint.append(self.choice(obj))
        first = [name for name in getattr(self.field, "first", ()) if name in groups]
        yield from ((name, groups.pop(name)) for name in first)
        yield from sorted(groups.items())
        if joint:
            yield (str(getattr(self.field, "joint_label", JOINT)), joint)


def offer_first(field, organisations) -> None:
    """Put the groups of these organisations at the top of the picker."""
    field.first = [organisation.name for organisation in organisations]


class _Bodies:
    iterator = GroupedByOrganisation

    def organisations_of(self, body):
        return list(body.organisations.all())

    def label_from_instance(self, obj):
        return body_label(obj)


class BodyChoiceField(_Bodies, forms.ModelChoiceField):
    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else bodies_for_picking(), **kwargs)


class BodyMultipleChoiceField(_Bodies, forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else bodies_for_picking(), **kwargs)


class DepartmentMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Departments as checkboxes under their organisation's name."""

    iterator = GroupedByOrganisation
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset=None, **kwargs):
        departments = Department.objects.select_related("organisation").order_by("name", "pk")
        super().__init__(queryset if queryset is not None else departments, **kwargs)

    def organisations_of(self, department):
        return [department.organisation]

    def label_from_instance(self, obj):
        return obj.name


def people_for_picking():
    """People with the principals of the bodies they sit in: four queries, whatever the
    number."""
    return Person.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("body").prefetch_related(
                Prefetch("body__organisations", queryset=Organisation.objects.order_by("name"))
            ),
        )
    ).order_by("name", "pk")


class PersonChoiceField(forms.ModelChoiceField):
    """People under the principal whose bodies they sit in, named with their title and
    principals, so that two of the same name read apart; people in several principals' bodies,
    or in none yet, under a group of their own."""

    iterator = GroupedByOrganisation
    joint_label = _("Övriga")

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else people_for_picking(), **kwargs)

    def organisations_of(self, person):
        found = {
            organisation.pk: organisation
            for membership in person.memberships.all()
            for organisation in membership.body.organisations.all()
        }
        return sorted(found.values(), key=lambda organisation: organisation.name)

    def label_from_instance(self, obj):
        names = ", ".join(organisation.name for organisation in self.organisations_of(obj))
        return f"{obj}, {names}" if names else str(obj)

"""The one way every form picks bodies, departments and people: grouped by the organisation
they belong to (joint bodies under a group of their own), each named with its organisations,
so that three "Hälso- och sjukvårdsnämnden (HSN)" read "…, Region Gotland", "…, Region Skåne"
and so on. Several are chosen with checkboxes, never with Ctrl-click.

Type-ahead: above each list a search field. Without JavaScript it offers the list's names as
one types (a <datalist>, the browser's own), and the name typed is chosen when the form is
sent (a name that is no choice is refused in Swedish, never dropped). With JavaScript
(static/js/pickers.js) it narrows the list as one types instead, checked choices always shown,
and says how many are shown.

The choices come from one query with the organisations prefetched, whatever the form."""

from django import forms
from django.db.models import Prefetch
from django.forms.models import ModelChoiceIterator
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from governance.models import Body, Department, Membership, Organisation, Person

JOINT = _("Gemensamma organ")
SEARCH_SUFFIX = "_sok"  # the search field's name: the picker's own, and this
NOT_A_CHOICE = _("Inget i listan heter ”%(value)s”. Välj ett av förslagen eller kryssa i listan.")
# Django names what it could not read as a key `pk`, not `value`.
NOT_A_KEY = _("Inget i listan heter ”%(pk)s”. Välj ett av förslagen eller kryssa i listan.")


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
            yield (str(getattr(self.field, "joint", JOINT)), joint)


def offer_first(field, organisations) -> None:
    """Put the groups of these organisations at the top of the picker."""
    field.first = [organisation.name for organisation in organisations]


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


class Searchable:
    """A choice widget with its search field above it (see the module's docstring)."""

    list_label = ""  # the field's label, named by the search field's

    def render(self, name, value, attrs=None, renderer=None):
        # Widget.render, keeping the context: the datalist lists the options it read.
        context = self.get_context(name, value, attrs)
        options = [
            option
            for _group, group_options, _index in context["widget"]["optgroups"]
            for option in group_options
            if option["value"] not in ("", None)
        ]
        listed = self._render(self.template_name, context, renderer)
        return render_to_string(
            "governance/includes/picker.html",
            {
                "id": context["widget"]["attrs"].get("id") or name,
                "name": name + SEARCH_SUFFIX,
                "list_label": self.list_label,
                "options": options,
                "listed": listed,
            },
        )

    def value_from_datadict(self, data, files, name):
        chosen = super().value_from_datadict(data, files, name)
        typed = " ".join((data.get(name + SEARCH_SUFFIX) or "").split())
        if not typed:
            return chosen
        by_label = {
            " ".join(str(label).split()).casefold(): value for value, label in _flat(self.choices)
        }
        picked = by_label.get(typed.casefold(), typed)  # not a choice: the field refuses it
        picked = str(getattr(picked, "value", picked))
        if self.allow_multiple_selected:
            return [*chosen, picked] if picked not in chosen else chosen
        return picked


class SearchableSelect(Searchable, forms.Select):
    pass


class SearchableCheckboxes(Searchable, forms.CheckboxSelectMultiple):
    pass


class _Grouped:
    """What the pickers share: grouped choices, a search field named after the field, and
    a Swedish refusal of a typed name that is no choice."""

    iterator = GroupedByOrganisation

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("widget", self.widget_class)
        super().__init__(queryset if queryset is not None else self.choosable(), **kwargs)
        self.widget.list_label = self.label or ""
        self.error_messages |= {"invalid_choice": NOT_A_CHOICE, "invalid_pk_value": NOT_A_KEY}


class _Bodies(_Grouped):
    def organisations_of(self, body):
        return list(body.organisations.all())

    def label_from_instance(self, obj):
        return body_label(obj)

    def choosable(self):
        return bodies_for_picking()


class BodyChoiceField(_Bodies, forms.ModelChoiceField):
    widget_class = SearchableSelect


class BodyMultipleChoiceField(_Bodies, forms.ModelMultipleChoiceField):
    widget_class = SearchableCheckboxes


class DepartmentMultipleChoiceField(_Grouped, forms.ModelMultipleChoiceField):
    """Departments as checkboxes under their organisation's name."""

    widget_class = SearchableCheckboxes

    def choosable(self):
        return Department.objects.select_related("organisation").order_by("name", "pk")

    def organisations_of(self, department):
        return [department.organisation]

    def label_from_instance(self, obj):
        return obj.name


def person_label(person: Person, organisations) -> str:
    """ "Marie Loob, Hälso- och sjukvårdsdirektör, Region Gotland": a name, the title and
    where the person sits, so that two of the same name read apart."""
    names = ", ".join(organisation.name for organisation in organisations)
    return f"{person}, {names}" if names else str(person)


class PersonChoiceField(_Grouped, forms.ModelChoiceField):
    """People under the organisation they sit for (through their memberships: the
    organisation they represent, else their body's); people of several organisations, or
    of none, last."""

    widget_class = SearchableSelect
    joint = _("Flera huvudmän eller utan uppdrag")

    def choosable(self):
        memberships = Membership.objects.select_related("representing").prefetch_related(
            Prefetch("body__organisations", queryset=Organisation.objects.order_by("name"))
        )
        return Person.objects.prefetch_related(
            Prefetch("memberships", queryset=memberships)
        ).order_by("name", "pk")

    def organisations_of(self, person):
        found = {}
        for membership in person.memberships.all():
            sits_for = (
                [membership.representing]
                if membership.representing
                else membership.body.organisations.all()
            )
            found |= {organisation.pk: organisation for organisation in sits_for}
        return sorted(found.values(), key=lambda organisation: organisation.name)

    def label_from_instance(self, obj):
        return person_label(obj, self.organisations_of(obj))

"""People in public roles and their memberships (uppdrag) in bodies."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import DATES_REVERSED, CheckErrorsOnFields, Named, Revisioned, dates_in_order
from governance.models.bodies import Body
from governance.models.organisations import Organisation


class Person(Named, Revisioned):
    """Only what a public role needs: a name and a title. No contact or identity data."""

    title = models.CharField(_("titel"), max_length=200, blank=True)
    # The person's own account, if they have one: a committee member reads their meetings
    # ("Mina sammanträden") through it. Optional; most people in the register never log in.
    user = optional_link(
        settings.AUTH_USER_MODEL, _("användarkonto"), related_name="person", one_to_one=True
    )
    history = HistoricalRecords()
    reason_prompt = _("Ange varför uppgifterna om personen ändras.")

    class Meta(Named.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


class Membership(Revisioned, CheckErrorsOnFields):
    class Role(models.TextChoices):
        LEADER = "leader", _("Ledare")
        CHAIR = "chair", _("Ordförande")
        VICE_CHAIR = "vice_chair", _("Vice ordförande")
        MEMBER = "member", _("Ledamot")
        DEPUTY = "deputy", _("Ersättare")
        SECRETARY = "secretary", _("Sekreterare")
        USER_REPRESENTATIVE = "user_representative", _("Brukarrepresentant")
        CO_OPTED = "co_opted", _("Adjungerad")

    # Deleting a person deletes their memberships; the historical rows stay, so the
    # history pages still show who sat where.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("roll"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    representing = optional_link(Organisation, _("företräder"), related_name="memberships")
    valid_from = models.DateField(_("från"), null=True, blank=True)
    valid_until = models.DateField(_("till"), null=True, blank=True)
    history = HistoricalRecords()
    reason_prompt = _("Ange varför uppdraget ändras.")
    check_error_fields = {DATES_REVERSED: "valid_until"}

    class Meta:
        verbose_name = _("uppdrag i organ")
        verbose_name_plural = _("uppdrag i organ")
        constraints = [
            dates_in_order("valid_from", "valid_until", name="membership_period_ordered")
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_role_display()}, {self.body.name}"

    def clean(self):
        # The same role twice at the same time is a slip (a membership registered again
        # instead of edited), never two real assignments.
        if self.person_id and self.body_id and self._same_role_at_the_same_time().exists():
            raise ValidationError(
                {"role": _("Personen har redan den rollen i organet under samma tid.")}
            )

    def _same_role_at_the_same_time(self):
        others = Membership.objects.filter(
            person_id=self.person_id, body_id=self.body_id, role=self.role
        ).exclude(pk=self.pk)
        if self.valid_until:
            others = others.filter(
                models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=self.valid_until)
            )
        if self.valid_from:
            others = others.filter(
                models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=self.valid_from)
            )
        return others

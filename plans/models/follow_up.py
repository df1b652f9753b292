from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import acting_user, optional_link
from core.models import LoadedFromRows
from plans.models.items import Initiative
from plans.models.plans import Plan


class StatusUpdate(LoadedFromRows):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Ej påbörjad")
        ON_TRACK = "on_track", _("Enligt plan")
        AT_RISK = "at_risk", _("Risk för försening")
        DELAYED = "delayed", _("Försenad")
        DONE = "done", _("Klar")
        CANCELLED = "cancelled", _("Avbruten")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="status_updates"
    )
    date = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    author = acting_user(_("författare"))
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]  # an initiative's newest first
        verbose_name = _("statusuppdatering")
        verbose_name_plural = _("statusuppdateringar")
        get_latest_by = ["date", "created_at"]

    def __str__(self):
        return f"{self.initiative}: {self.get_status_display()} ({self.date})"


class FollowUpRound(models.Model):
    """A follow-up round (uppföljning), as run each tertial: the responsible editors report the
    state of each item as of the reporting date, before the deadline. Closing it freezes it:
    no more reports go into it, and its page reads the same forever."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField(_("nummer"))
    name = models.CharField(_("namn"), max_length=200)
    reporting_date = models.DateField(
        _("rapportdatum"), help_text=_("Läget rapporteras per detta datum.")
    )
    deadline = models.DateField(_("sista dag att rapportera"))
    opened_by = acting_user(_("öppnad av"))
    opened_at = models.DateTimeField(_("öppnad"))
    closed_by = acting_user(_("stängd av"))
    closed_at = models.DateTimeField(_("stängd"), null=True, blank=True)
    # Who is asked to report: the plan's editors when the round opened. Kept with the round,
    # so a closed round's "who has reported" reads the same when the editors change later.
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="follow_up_rounds",
        verbose_name=_("rapportörer"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-number"]  # a plan's newest first
        verbose_name = _("uppföljningsomgång")
        verbose_name_plural = _("uppföljningsomgångar")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="round_number_unique_in_plan"),
            # Reports made during a round go into it: there is only one to go into.
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_round_per_plan",
                violation_error_message=_("Planen har redan en öppen uppföljning."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plans:round_detail", kwargs={"slug": self.plan.slug, "number": self.number})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_public(self) -> bool:
        """A follow-up is reporting, not plan content: the public reads closed rounds of
        public plans only."""
        return not self.is_open and self.plan.is_public


class StateReport(models.Model):
    """A reported state of an activity, milestone or follow-up (planerad, pågår, klar with
    the date it was done, struken), with a comment and who reported it. The newest report is
    the item's state; the earlier ones are its history.

    The item is named by its kind (plans.kinds: the kinds that carry a state) and id, not by
    a foreign key: a report is a record of what was said, and stays when the item is deleted
    (it comes back with the item when restored under its old id), so a closed round keeps
    every report it had."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Planerad")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Klar")
        STRUCK = "struck", _("Struken")

    class ItemKind(models.TextChoices):
        """The kinds that carry a state, by their key in plans.kinds (checked by a test)."""

        ACTIVITY = "activity", _("Aktivitet")
        MILESTONE = "milestone", _("Tidplan")
        FOLLOW_UP = "follow_up", _("Uppföljning")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="state_reports")
    item_kind = models.CharField(_("typ"), max_length=20, choices=ItemKind.choices)
    item_id = models.PositiveBigIntegerField(_("punkt"))
    # A round's reports go only with its plan.
    round = optional_link(
        FollowUpRound, _("uppföljningsomgång"), related_name="reports", on_delete=models.RESTRICT
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices)
    done_on = models.DateField(_("klar den"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    reported_by = acting_user(_("rapporterad av"))
    reported_at = models.DateTimeField(_("rapporterad"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_at", "-pk"]  # an item's newest first
        verbose_name = _("rapporterat läge")
        verbose_name_plural = _("rapporterade lägen")
        indexes = [
            models.Index(fields=["item_kind", "item_id", "reported_at"], name="state_report_item")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="done", done_on__isnull=False)
                | (~models.Q(state="done") & models.Q(done_on__isnull=True)),
                name="state_report_done_on_only_when_done",
                violation_error_message=_("Ange datumet då det blev klart, och bara då."),
            )
        ]

    def __str__(self):
        return f"{self.get_item_kind_display()} {self.item_id}: {self.get_state_display()}"

    @property
    def closes(self) -> bool:
        """Done or struck: the item can no longer fall behind."""
        return self.state in (self.State.DONE, self.State.STRUCK)

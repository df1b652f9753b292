from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Framework
from core.models import PeriodFields, Revisioned
from governance.models import Body, Organisation


class Plan(PeriodFields, Revisioned):
    """An activity and time plan, action plan or project plan that the principals follow up together."""

    class Kind(models.TextChoices):
        ACTIVITY_AND_TIME_PLAN = "activity_and_time_plan", _("Aktivitets- och tidplan")
        ACTION_PLAN = "action_plan", _("Handlingsplan")
        PROJECT_PLAN = "project_plan", _("Projektplan")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        # Agreed and made public by the owning body without a formal decision (e.g. after a
        # recommendation); adopted is made public by a body's decision.
        PUBLISHED = "published", _("Publicerad")
        ADOPTED = "adopted", _("Fastställd")
        UNDER_REVISION = "under_revision", _("Under revidering")
        CLOSED = "closed", _("Avslutad")

    title = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("kortnamn i webbadress"), max_length=120, unique=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    framework = models.ForeignKey(
        Framework,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("ramverk"),
    )
    parties = models.ManyToManyField(
        Organisation, blank=True, related_name="plans", verbose_name=_("parter")
    )
    owner_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans_owned",
        verbose_name=_("ägande organ"),
    )
    document_date = models.DateField(_("dokumentets datum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    preamble = models.TextField(_("inledning"), blank=True, help_text=_("Markdown"))
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="plans_editable",
        verbose_name=_("redaktörer"),
    )
    # The version the public reads: the last one published or adopted. Kept on the plan so
    # that the database itself refuses a public status without a frozen version (below).
    public_version = models.ForeignKey(
        "PlanVersion",
        # A plan's versions go with it (CASCADE from the version to the plan); alone, a
        # version the plan's public reads cannot be deleted.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version som allmänheten läser"),
    )
    history = HistoricalRecords(m2m_fields=[parties])

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.ADOPTED)
    # Statuses that say the public reads a frozen version: they can never hold without one.
    STATUSES_WITH_VERSION = (Status.PUBLISHED, Status.ADOPTED, Status.UNDER_REVISION)

    class Meta:
        ordering = ["title"]
        verbose_name = _("plan")
        verbose_name_plural = _("planer")
        permissions = [
            ("adopt_plan", _("Kan fastställa planer")),
            ("publish_plan", _("Kan publicera planer utan formellt beslut")),
            ("edit_every_plan", _("Kan redigera alla planer, även utan att vara redaktör")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["published", "adopted", "under_revision"])
                | models.Q(public_version__isnull=False),
                name="plan_public_status_has_version",
                violation_error_message=_(
                    "En publicerad eller fastställd plan måste ha en fryst version."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        """Published or adopted once: the public reads its last frozen version."""
        return self.public_version_id is not None and self.status != self.Status.DRAFT

    @property
    def public_reads_live(self) -> bool:
        """Nothing was edited since the last version was frozen (every edit of a published or
        adopted plan starts a revision), so the live tree is the public one, and cheaper."""
        return self.status in self.PUBLIC_STATUSES

    def clean(self):
        super().clean()
        if self.public_version_id and self.public_version.plan_id != self.pk:
            raise ValidationError({"public_version": _("Versionen hör till en annan plan.")})

    @property
    def section_label(self):
        return _("Fas") if self.kind == self.Kind.PROJECT_PLAN else _("Område")


class Responsibility(Revisioned):
    """Responsible bodies from the register, plus free text when a body is not in it."""

    responsible_bodies = models.ManyToManyField(
        Body,
        blank=True,
        related_name="%(class)ss_responsible_for",
        verbose_name=_("ansvariga organ"),
    )
    responsibility_text = models.TextField(_("ansvar (fritext)"), blank=True)

    class Meta:
        abstract = True


class Section(Responsibility):
    """A focus area (område) or, in a project plan, a phase (fas)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("rubrik"), max_length=300)
    introduction = models.TextField(_("inledning"), blank=True, help_text=_("Markdown"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    history = HistoricalRecords(m2m_fields=["responsible_bodies"])

    class Meta:
        # Within a plan; queries across plans order explicitly (an ordering across the foreign
        # key would join the plan into every query).
        ordering = ["position", "number"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="section_number_unique_in_plan")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def anchor(self):
        """Where the plan page shows it (the id of its heading)."""
        return f"omrade-{self.number}"


class Initiative(Responsibility):
    """An initiative (insats), lettered a), b), c) within its section."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="initiatives")
    letter = models.CharField(_("bokstav"), max_length=3)
    title = models.CharField(_("rubrik"), max_length=400)
    description = models.TextField(_("beskrivning"), blank=True, help_text=_("Markdown"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    history = HistoricalRecords(m2m_fields=["responsible_bodies"])

    class Meta:
        ordering = ["position", "letter"]  # within a section, as Section's
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "letter"], name="initiative_letter_unique_in_section"
            )
        ]

    def __str__(self):
        return f"{self.section.number}{self.letter}) {self.title}"

    @property
    def anchor(self):
        return f"insats-{self.section.number}{self.letter}"

    @property
    def plan(self) -> Plan:
        return self.section.plan


class PlanItem(PeriodFields, Revisioned):
    """What sits in a section, under an initiative when the section has them (004's areas 4
    and 6 have none: their activities sit directly in the section)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="%(class)ss")
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)ss"
    )
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        # No default ordering: the plan tree sorts in Python, and an ordering across the
        # section and initiative would join four tables into every query of an item.
        abstract = True

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        """Where the plan page shows it: under its initiative, else in its section."""
        return (self.initiative or self.section).anchor

    @property
    def plan(self) -> Plan:
        return self.section.plan

    @classmethod
    def for_body(cls, body) -> models.Q:
        """Items a body is responsible for, through their section or initiative."""
        return models.Q(section__responsible_bodies=body) | models.Q(
            initiative__responsible_bodies=body
        )

    def clean(self):
        super().clean()
        if self.initiative_id and self.section_id and self.initiative.section_id != self.section_id:
            raise ValidationError({"initiative": _("Insatsen hör till ett annat område.")})


class Activity(PlanItem):
    note = models.TextField(_("anteckning"), blank=True, help_text=_("Markdown"))
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")


class Milestone(PlanItem):
    """A time plan entry (tidplan): what shall be done by when."""

    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("tidplanspunkt")
        verbose_name_plural = _("tidplan")


class FollowUp(PlanItem):
    """What is checked, when, and by which body (uppföljning)."""

    reported_to = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups_received",
        verbose_name=_("återrapporteras till"),
    )
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")

    @classmethod
    def for_body(cls, body) -> models.Q:
        """A follow-up concerns the body it is reported to as well."""
        return super().for_body(body) | models.Q(reported_to=body)


class StatusUpdate(models.Model):
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
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("författare"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]  # an initiative's newest first
        verbose_name = _("statusuppdatering")
        verbose_name_plural = _("statusuppdateringar")
        get_latest_by = ["date", "created_at"]

    def __str__(self):
        return f"{self.initiative}: {self.get_status_display()} ({self.date})"


class PlanVersion(models.Model):
    """A frozen version of a plan: the moment it was published or adopted, and the decision
    that adopted it (a published version has none).

    The content is not copied: it is the history as it stood at `frozen_at`.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Publicerad")
        ADOPTED = "adopted", _("Fastställd")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versionsnummer"))
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices, default=Kind.ADOPTED)
    frozen_at = models.DateTimeField(_("fryst"))
    # The date the documents give (the decision's, or the published document's); the portal's
    # own moment is frozen_at.
    date = models.DateField(_("datum"), null=True, blank=True)
    decision = models.ForeignKey(
        "governance.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_versions",
        verbose_name=_("beslut"),
    )
    label = models.CharField(_("benämning"), max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]  # a plan's newest first
        verbose_name = _("planversion")
        verbose_name_plural = _("planversioner")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")
        ]

    def __str__(self):
        return f"{self.plan}, version {self.number}"

    def get_absolute_url(self):
        return reverse("plans:plan_version", kwargs={"slug": self.plan.slug, "number": self.number})

    @property
    def name(self) -> str:
        """What people call it: "Fastställd 2022-02-22", "Publicerad 2024-05-01"."""
        day = self.date or timezone.localdate(self.frozen_at)
        return f"{self.get_kind_display()} {day:%Y-%m-%d}"


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
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("öppnad av"),
    )
    opened_at = models.DateTimeField(_("öppnad"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stängd av"),
    )
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
    round = models.ForeignKey(
        FollowUpRound,
        on_delete=models.RESTRICT,  # a round's reports go only with its plan
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("uppföljningsomgång"),
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices)
    done_on = models.DateField(_("klar den"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapporterad av"),
    )
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

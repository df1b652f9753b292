from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Framework
from core.fields import optional_link
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
    framework = optional_link(Framework, _("ramverk"), related_name="plans")
    parties = models.ManyToManyField(
        Organisation, blank=True, related_name="plans", verbose_name=_("parter")
    )
    owner_body = optional_link(
        Body, _("ägande organ"), related_name="plans_owned", on_delete=models.PROTECT
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
    # A plan's versions go with it (CASCADE from the version to the plan); alone, a version
    # the plan's public reads cannot be deleted.
    public_version = optional_link(
        "PlanVersion",
        _("version som allmänheten läser"),
        related_name="+",
        on_delete=models.RESTRICT,
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

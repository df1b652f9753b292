from datetime import date

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Imported so Django registers it with the app: the import's remembered column choices
# live with the import (agreements/imports/).
from agreements.imports.models import ImportMapping  # noqa: F401
from core import periods
from core.fields import optional_link
from core.models import DATES_REVERSED, CheckErrorsOnFields, Named, Revisioned, dates_in_order
from governance.models import Body, Organisation

REGISTER_ID_HELP = _("Registrets beteckning, t.ex. STY-02292")
DUPLICATE_REGISTER_ID = _("Det finns redan en överenskommelse med den beteckningen.")


class Topic(Named):
    name = models.CharField(_("namn"), max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    history = HistoricalRecords()

    class Meta(Named.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")


class Status(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    IN_FORCE = "in_force", _("Gällande")
    UNDER_REVISION = "under_revision", _("Under revidering")
    REPLACED = "replaced", _("Ersatt")
    EXPIRED = "expired", _("Upphört")


# Content in these states has been adopted and is public (offentlighetsprincipen).
PUBLIC_STATUSES = (Status.IN_FORCE, Status.UNDER_REVISION, Status.REPLACED, Status.EXPIRED)


class Framework(Revisioned):
    """A framework (ramverk): goals, principles, guidelines; replaces some agreements, covers the rest."""

    title = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("kortnamn i webbadress"), max_length=120, unique=True)
    parties = models.ManyToManyField(
        Organisation, related_name="frameworks", verbose_name=_("parter")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    summary = models.TextField(_("sammanfattning"), blank=True, help_text=_("Markdown"))
    goals = models.TextField(_("mål"), blank=True, help_text=_("Markdown"))
    principles = models.TextField(_("principer"), blank=True, help_text=_("Markdown"))
    guidelines = models.TextField(_("riktlinjer"), blank=True, help_text=_("Markdown"))
    covers = models.ManyToManyField(
        "Agreement",
        blank=True,
        related_name="covered_by_frameworks",
        verbose_name=_("omfattar överenskommelser"),
    )
    decisions = GenericRelation("governance.DecisionSubject", related_query_name="framework")
    history = HistoricalRecords(m2m_fields=[parties, covers])
    reason_prompt = _("Ange varför ramverket ändras.")

    class Meta:
        ordering = ["title"]
        verbose_name = _("ramverk")
        verbose_name_plural = _("ramverk")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:framework_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES


class Agreement(CheckErrorsOnFields, Revisioned):
    """An agreement (överenskommelse, ÖK) in the register."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Överenskommelse")
        CONTRACT = "contract", _("Avtal")
        FRAMEWORK_CONTRACT = "framework_contract", _("Ramavtal")

    register_id = models.CharField(
        _("registerbeteckning"),
        max_length=40,
        unique=True,
        help_text=REGISTER_ID_HELP,
        error_messages={"unique": DUPLICATE_REGISTER_ID},
    )
    version_label = models.CharField(_("version"), max_length=20, blank=True)
    title = models.CharField(_("titel"), max_length=300)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices, default=Kind.AGREEMENT)
    parties = models.ManyToManyField(
        Organisation, related_name="agreements", verbose_name=_("parter")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="agreements", verbose_name=_("ämnen")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    valid_until = models.DateField(_("gäller till"), null=True, blank=True)
    review_by = models.DateField(_("ses över senast"), null=True, blank=True)
    responsible_body = optional_link(
        Body, _("ansvarigt organ"), related_name="agreements_responsible_for"
    )
    summary = models.TextField(_("sammanfattning"), blank=True, help_text=_("Markdown"))
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown"))
    replaced_by_agreement = optional_link(
        "self", _("ersätts av överenskommelse"), related_name="replaces"
    )
    replaced_by_framework = optional_link(
        Framework, _("ersätts av ramverk"), related_name="replaces"
    )
    decisions = GenericRelation("governance.DecisionSubject", related_query_name="agreement")
    history = HistoricalRecords(m2m_fields=[parties, topics])
    reason_prompt = _("Ange varför överenskommelsen ändras.")
    # full_clean shows the date-order check beside the end date.
    check_error_fields = {DATES_REVERSED: "valid_until"}

    class Meta:
        ordering = ["register_id"]
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replaced_by_agreement__isnull=True)
                | models.Q(replaced_by_framework__isnull=True),
                name="agreement_replaced_by_one_thing",
                violation_error_code="replaced_by_both",
                violation_error_message=_(
                    "En överenskommelse ersätts antingen av en överenskommelse eller av ett ramverk, inte båda."
                ),
            ),
            dates_in_order("valid_from", "valid_until", name="agreement_validity_ordered"),
        ]

    def __str__(self):
        return f"{self.register_id} {self.title}"

    def get_absolute_url(self):
        return reverse("agreements:agreement_detail", kwargs={"register_id": self.register_id})

    def clean(self):
        # Replaced by both, and a validity period that ends before it starts, are the database's
        # checks (Meta.constraints); full_clean reports them with the messages given there.
        errors = {}
        if self.replaced_by_agreement_id and self.replaced_by_agreement_id == self.pk:
            errors["replaced_by_agreement"] = _("En överenskommelse kan inte ersätta sig själv.")
        errors |= self._review_date_errors()
        replaced_by = self.replaced_by
        if self.status == Status.REPLACED and replaced_by is None:
            # "Ersatt" says by what: the link is shown on both agreements' pages.
            errors["status"] = _(
                "En ersatt överenskommelse behöver det som ersätter den. Ange vad som ersätter "
                "den i stället för att bara ändra status."
            )
        elif self.status == Status.REPLACED and not replaced_by.is_public:
            # Until its successor is adopted, the link records an intent ("ska ersättas").
            errors["status"] = _(
                "Det som ska ersätta överenskommelsen är inte fastställt än. Behåll "
                "överenskommelsens status tills ersättaren har fastställts."
            )
        if errors:
            raise ValidationError(errors)

    def _review_date_errors(self) -> dict:
        # A review is of the agreement while it is valid: not before it starts, not after it ends.
        if self.review_by is None:
            return {}
        if self.valid_from and self.review_by < self.valid_from:
            return {"review_by": _("Översynen kan inte ligga före giltighetens början.")}
        if self.valid_until and self.review_by > self.valid_until:
            return {"review_by": _("Översynen kan inte ligga efter giltighetens slut.")}
        return {}

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    @property
    def replaced_by(self):
        return self.replaced_by_agreement or self.replaced_by_framework

    def is_review_overdue(self, today: date) -> bool:
        in_force = self.status in (Status.IN_FORCE, Status.UNDER_REVISION)
        return periods.is_overdue(self.review_by, today=today, closed=not in_force)


def attachment_path(instance, filename):
    # Content-addressed, so two uploads of the same file never overwrite another's name.
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("rubrik"), max_length=300)
    file = models.FileField(_("fil"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("filnamn"), max_length=255)
    media_type = models.CharField(_("filtyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("storlek (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "sha256"], name="attachment_unique_per_agreement"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "agreements:attachment_download",
            kwargs={"register_id": self.agreement.register_id, "pk": self.pk},
        )

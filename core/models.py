"""Abstract models every app builds on: a Period stored in columns, a revision counter, a
name, database checks that speak Swedish beside their field (field helpers: core.fields), and
rows read by the thousand built without `__init__`."""

import functools
import uuid

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import periods
from core.fields import owning_account


class PeriodFields(models.Model):
    """A Period stored as its words, start, end, precision and recurrence (see core.periods).

    Set it through `period` (the words are parsed once, on assignment), read it back the same
    way; queries sort and filter on `period_end`.
    """

    period_text = models.CharField(_("tid"), max_length=200, blank=True)
    period_start = models.DateField(_("tid från"), null=True, blank=True, editable=False)
    period_end = models.DateField(_("tid till"), null=True, blank=True, editable=False)
    period_precision = models.CharField(
        _("tidens precision"), max_length=12, default=periods.Precision.UNKNOWN, editable=False
    )
    period_recurring = models.BooleanField(_("återkommande"), default=False, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # The words are the source of truth; the dates follow them whenever the model is validated.
        self.period = self.period_text

    @property
    def period(self) -> periods.Period:
        return periods.from_stored(
            text=self.period_text,
            start=self.period_start,
            end=self.period_end,
            precision=self.period_precision,
            recurring=self.period_recurring,
        )

    @period.setter
    def period(self, value) -> None:
        parsed = value if isinstance(value, periods.Period) else periods.parse(value)
        self.period_text = parsed.text
        self.period_start = parsed.start
        self.period_end = parsed.end
        self.period_precision = parsed.precision
        self.period_recurring = parsed.recurring


class Revisioned(models.Model):
    """A counter bumped by every save through the services: an edit form carries the number
    it started from, and a save over a newer number is refused (no lost updates).
    `reason_prompt`: what the form's reason field says when an edit gives no reason (a model
    names itself: "Ange varför organet ändras.")."""

    reason_prompt = _("Ange varför det ändras.")
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    class Meta:
        abstract = True


class LoadedFromRows(models.Model):
    """Read by the thousand (a plan's items and statuses on its page): an instance read from
    the database is built from its row straight into `__dict__`, without `Model.__init__`,
    whose argument checks, signals and descriptors are for instances made in code (a sixth
    of reading the plan tree at 10x the Skåne plan: docs/architecture.md, "Measuring"). It
    is the instance `Model.from_db` makes: the same fields' values, `_state.adding` false
    and `_state.db` set. A row with deferred fields, or a model whose `pre_init` or
    `post_init` has receivers, is built by `Model.from_db`."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        names = _attnames(cls)
        if len(values) != len(names) or _init_signalled(cls):
            return super().from_db(db, field_names, values)
        instance = cls.__new__(cls)
        instance._state = ModelState()
        instance._state.adding = False
        instance._state.db = db
        instance.__dict__.update(zip(names, values, strict=True))
        return instance


@functools.cache
def _attnames(model) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


def _init_signalled(model) -> bool:
    """Whether `pre_init` or `post_init` has a receiver for the model; asked of the signals
    only when they have any receiver at all (asking costs a third of building a row)."""
    return bool(
        (pre_init.receivers and pre_init.has_listeners(model))
        or (post_init.receivers and post_init.has_listeners(model))
    )


class Named(models.Model):
    """Known by its name: lists sort by it and it reads as it. A model whose name is unique,
    or shorter, declares its own `name`."""

    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


DATES_REVERSED = "dates_reversed"


def dates_in_order(start: str, end: str, *, name: str) -> models.CheckConstraint:
    """A database check that the date in field `end` is not before the one in `start` (either
    may be empty): a body's active years, a membership, an agreement's validity. full_clean
    reports a violation in Swedish, beside `end` when the model maps DATES_REVERSED to it
    (CheckErrorsOnFields)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_code=DATES_REVERSED,
        violation_error_message=_("Slutdatum kan inte ligga före startdatum."),
    )


class CheckErrorsOnFields(models.Model):
    """A form shows a database check's message above the form; a check about one field
    belongs beside it. `check_error_fields` maps a check's violation code to that field."""

    check_error_fields: dict[str, str] = {}

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            moved: dict = {}
            for field, errors in error.error_dict.items():
                for each in errors:
                    moved.setdefault(self.check_error_fields.get(each.code, field), []).append(each)
            raise ValidationError(moved) from error


class SearchVectorColumn(SearchVectorField):
    """PostgreSQL's tsvector; elsewhere (SQLite) a text column that stays empty, as the
    search there matches the stemmed text itself."""

    def db_type(self, connection):
        return super().db_type(connection) if connection.vendor == "postgresql" else "text"


class WeightedStems(models.Func):
    """The stemmed title (weight A) and text (weight B) as one tsvector, on PostgreSQL;
    NULL elsewhere. The text is stemmed in Python already, so the configuration is 'simple'
    (docs/architecture.md, Site search)."""

    output_field = SearchVectorColumn()

    def __init__(self):
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra):
        vector = SearchVector("title_stemmed", config="simple", weight="A") + SearchVector(
            "stemmed", config="simple", weight="B"
        )
        resolved = vector.resolve_expression(compiler.query)
        return compiler.compile(resolved)


class SearchEntry(models.Model):
    """One searchable document of one object, written by core.search and nothing else: a
    derived index, so it has no history. An object may have two entries (a plan's public
    text and its draft)."""

    kind = models.CharField(_("slag"), max_length=40)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=500)
    public = models.BooleanField(_("offentlig"))
    for_drafts = models.BooleanField(default=True)
    draft_permission = models.CharField(max_length=100)
    status = models.CharField(_("status"), max_length=100, blank=True)
    organisations = models.TextField(_("organisationer"), blank=True)
    title_stemmed = models.TextField(editable=False)
    stemmed = models.TextField(editable=False)
    codes = models.TextField(editable=False)
    # Kept by the database from the two stemmed columns, so the search reads a stored vector
    # (GIN-indexed, core/migrations/0003) rather than computing one per row as it asks.
    vector = models.GeneratedField(
        expression=WeightedStems(), output_field=SearchVectorColumn(), db_persist=True
    )

    class Meta:
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")
        indexes = [models.Index(fields=["content_type", "object_id"], name="search_entry_object")]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word of the search index's vectors (PostgreSQL): what a query's stems are looked
    up in, so a word typed in part becomes the whole words that begin with it and a typo the
    words like it, each then found through the vector's index (core.search.reading). Kept by
    the database: a trigger adds the words of every entry inserted (core/migrations/0009), so
    no writer can forget them. A word whose entries are gone stays until the index is rebuilt,
    and then only costs a search a word that finds nothing. Not unique: the trigger adds only
    the words it does not find, without waiting for another writer's new words (a unique key
    would, and two writers adding the same new words in turn could deadlock); a word two
    writers add at once is held twice, which a search does not mind. Empty on SQLite."""

    word = models.TextField(db_index=True)

    class Meta:
        verbose_name = _("sökord")
        verbose_name_plural = _("sökord")

    def __str__(self):
        return self.word


class BackgroundJob(models.Model):
    """Work done by the worker for a person who waits for it (a large PDF, say), found again by
    its content key: the same work asked twice is one job, and a person can come back to its
    progress and its outcome. Written by core.jobs and nothing else."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("i kö")
        RUNNING = "running", _("pågår")
        DONE = "done", _("klar")
        FAILED = "failed", _("misslyckades")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(_("nyckel"), max_length=255, unique=True)
    # The function that does the work, as a dotted path: core cannot import the apps above it.
    handler = models.CharField(_("funktion"), max_length=200)
    arguments = models.JSONField(_("argument"), default=dict)
    label = models.CharField(_("vad"), max_length=200)
    result_url = models.CharField(_("resultatets adress"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    # For the operator, not shown to the person: the last attempt's exception.
    error = models.TextField(_("fel"), blank=True)
    # For the person, in Swedish: what the work did ("42 nya, 3 ändrade"), shown with its
    # result, or why it was refused (JobRefused), shown on the job page.
    message = models.TextField(_("meddelande"), blank=True)
    # When it was last put in the queue: a job pending far longer lost its worker (core.jobs).
    queued_at = models.DateTimeField(_("köad"), default=timezone.now)
    finished_at = models.DateTimeField(_("klar"), null=True, blank=True)

    class Meta:
        verbose_name = _("bakgrundsjobb")
        verbose_name_plural = _("bakgrundsjobb")

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    @property
    def pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class PendingUpload(models.Model):
    """A file uploaded for an import, kept between the steps that read it (map the columns,
    preview, confirm) and removed when the import is done. Bytes in the database, not in
    media storage: the app servers share nothing else, and the file is small (IMPORT_MAX_BYTES)
    and short-lived (core.uploads)."""

    user = owning_account(_("användare"), related_name="+")
    purpose = models.CharField(_("ändamål"), max_length=40)
    name = models.CharField(_("filnamn"), max_length=255)
    data = models.BinaryField(_("innehåll"))
    # What the user chose along the way (an agreement register's column mapping).
    options = models.JSONField(_("val"), default=dict, blank=True)
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)

    class Meta:
        verbose_name = _("uppladdad fil att importera")
        verbose_name_plural = _("uppladdade filer att importera")

    def __str__(self):
        return self.name


class ContentVersion(models.Model):
    """One row counting the writes to anything a page shows (core.pagecache): bumped in the
    writer's own transaction, so a page cached under the old number is never read again once
    the write is visible. Derived, like the search index: no history. `lineage` is made with
    the row and never backed up, so a restored database (or another one sharing the Redis)
    never counts into the keys of pages rendered from other content."""

    value = models.PositiveBigIntegerField(default=0)
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("innehållsversion")
        verbose_name_plural = _("innehållsversioner")

    def __str__(self):
        return str(self.value)

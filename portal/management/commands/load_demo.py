"""manage.py load_demo: the demo data in fixtures/, quoted from the source documents."""

import tomllib
from functools import partial
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone

from agreements.models import Agreement, Framework, Topic
from core import search
from core.history import save_with_history
from governance.models import BoardReport, Body, Decision, Department, Membership, Organisation
from governance.pdf import board_report_pdf
from governance.services import (
    board_report_create,
    board_report_issue,
    decision_create,
    decision_record,
)
from plans.models import Activity, FollowUp, Initiative, Milestone, Plan, Section
from plans.services import plan_publish

REASON = "Demodata"
FILES = ("governance.toml", "agreements.toml", "plans.toml", "board_reports.toml")
# What a wrong row in the TOML raises: reported with the row, so it can be found and fixed.
LOAD_ERRORS = (ValidationError, ObjectDoesNotExist, FieldDoesNotExist, KeyError)

# TOML array -> model and the fields that find an existing row (its natural key).
# Load order: a row can only refer to rows loaded before it.
TABLES = {
    "organisations": (Organisation, ("slug",)),
    "departments": (Department, ("organisation", "name")),
    "bodies": (Body, ("slug",)),
    "memberships": (Membership, ("person", "body")),
    "topics": (Topic, ("slug",)),
    "frameworks": (Framework, ("slug",)),
    "agreements": (Agreement, ("register_id",)),
    "plans": (Plan, ("slug",)),
}

# Arrays written inside a row: the rows below it in a tree (a plan's sections, a section's
# initiatives and items, an initiative's items). A nested row gets its parents from where it
# stands and, unless it says otherwise, its position from its place in the array. A key
# field it leaves out is empty: an activity written directly in a section has no initiative.
NESTED = {
    "sections": (Section, ("plan", "number")),
    "initiatives": (Initiative, ("section", "letter")),
    "activities": (Activity, ("section", "initiative", "position")),
    "milestones": (Milestone, ("section", "initiative", "position")),
    "follow_ups": (FollowUp, ("section", "initiative", "position")),
}

# The field a reference written as a string names. A person has no one-field key, so a
# person is written in place as {name, title} and created the first time it is met.
REFERENCE_KEYS = {
    Plan: "slug",
    Organisation: "slug",
    Body: "slug",
    Topic: "slug",
    Framework: "slug",
    Agreement: "register_id",
}


class Command(BaseCommand):
    help = "Läser in demodata från fixtures/ (ur källdokumenten). Ändrar inget om den körs igen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="fixtures_dir", type=Path, default=Path(settings.BASE_DIR) / "fixtures"
        )

    # One transaction: a mistake in any row leaves the database as it was.
    @transaction.atomic
    def handle(self, *args, fixtures_dir: Path, **options):
        loaders = {
            table: partial(self.upsert, model, key) for table, (model, key) in TABLES.items()
        }
        loaders["publications"] = self.publish_plan
        loaders["decisions"] = self.record_decision
        loaders["board_reports"] = self.issue_board_report
        versions_before = history_count()
        # File by file: a file may use the sets and rows of the files before it.
        self.sets = {}
        # The index is built once at the end rather than row by row as the signals would.
        with search.deferred():
            for filename in FILES:
                self.load_file(fixtures_dir / filename, loaders)
        search.rebuild()
        new_versions = history_count() - versions_before
        self.stdout.write(self.style.SUCCESS(f"Demodata inläst: {new_versions} nya versioner."))

    def load_file(self, path: Path, loaders: dict) -> None:
        document = self.read(path)
        self.sets.update(document.get("sets", {}))
        for table, load in loaders.items():
            for row in document.get(table, []):
                try:
                    load(row)
                except LOAD_ERRORS as error:
                    # A nested row names itself: the whole plan around it would bury it.
                    where = getattr(error, "row", row)
                    raise CommandError(f"{path.name}, {table}: {where}: {error}") from error

    def read(self, path: Path) -> dict:
        try:
            with path.open("rb") as file:
                return tomllib.load(file)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise CommandError(f"{path}: {error}") from error

    def upsert(
        self,
        model: type[models.Model],
        key_fields: tuple[str, ...],
        row: dict,
        parents: dict | None = None,
    ):
        """Find a row by its natural key and save it only if a value differs.

        Comparing first is what makes a second run add no history versions: simple-history
        records every save, changed or not. `parents` are the rows a nested row stands in.
        """
        nested = {name: rows for name, rows in row.items() if name in NESTED}
        values = {
            name: self.resolve(model, name, value)
            for name, value in row.items()
            if name not in nested
        }
        values = {**(parents or {}), **values}
        key = {name: values.pop(name, None) for name in key_fields}
        many = {
            name: values.pop(name)
            for name in list(values)
            if model._meta.get_field(name).many_to_many
        }
        instance = model.objects.filter(**key).first() or model(**key)
        changed = {
            name: value for name, value in values.items() if getattr(instance, name) != value
        }
        if instance._state.adding or changed:
            for name, value in changed.items():
                setattr(instance, name, value)
            save_with_history(instance, user=None, reason=REASON)
        for name, related in many.items():
            manager = getattr(instance, name)
            if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in related}:
                # simple-history records a many-to-many change as a version of the instance,
                # with the user and reason it finds on it.
                instance._history_user, instance._change_reason = None, REASON
                manager.set(related)
        for name, rows in nested.items():
            self.upsert_children(instance, name, rows, parents or {})
        return instance

    def upsert_children(self, parent: models.Model, name: str, rows: list, parents: dict):
        model, key_fields = NESTED[name]
        fields = {field.name: field for field in model._meta.fields}
        own = [f for f in fields.values() if f.many_to_one and f.related_model is type(parent)]
        if not own:
            raise FieldDoesNotExist(f"{type(parent).__name__} har inga {name}")
        # The parent, and the parent's own parents where the child refers to them too
        # (an activity under an initiative is also in the initiative's section).
        inherited = {field: value for field, value in parents.items() if field in fields}
        inherited[own[0].name] = parent
        for position, row in enumerate(rows, start=1):
            if "position" in fields:
                row = {"position": position, **row}
            try:
                self.upsert(model, key_fields, row, inherited)
            except LOAD_ERRORS as error:
                if not hasattr(error, "row"):
                    error.row = f"{name} {row}"
                raise

    def resolve(self, model: type[models.Model], name: str, value):
        """Turn a reference into the row it names; other values pass through."""
        field = model._meta.get_field(name)
        if field.many_to_many:
            return [self.find(field.related_model, ref) for ref in self.expand(value)]
        if field.many_to_one:
            return self.find(field.related_model, value)
        return value

    def expand(self, refs: list):
        for ref in refs:
            if isinstance(ref, str) and ref.startswith("@"):
                yield from self.expand(self.sets[ref[1:]])  # a set may name another set
            else:
                yield ref

    def find(self, model: type[models.Model], ref):
        if isinstance(ref, dict):  # written in place, e.g. a person {name, title}
            return self.upsert(model, tuple(ref), ref)
        return model.objects.get(**{REFERENCE_KEYS[model]: ref})

    def publish_plan(self, row: dict):
        """A plan its owner made public without a decision, as its document states; once (a
        plan that has a public version already keeps it)."""
        plan = self.find(Plan, row["plan"])
        if plan.public_version_id is None:
            plan_publish(user=None, plan=plan, on=row.get("date"), label=row.get("label", ""))

    def record_decision(self, row: dict):
        """A decision as its document states it: under a case number (decision_record finds it
        by body and number and only adds the subjects it lacks), or, when the document gives
        none, found by body, kind and text (the document's words); so running again changes
        nothing."""
        subjects = [self.find(Agreement, ref) for ref in row.get("agreements", [])]
        subjects += [self.find(Framework, ref) for ref in row.get("frameworks", [])]
        subjects += [self.find(Plan, ref) for ref in row.get("plans", [])]
        body = self.find(Body, row["body"])
        given = {name: row[name] for name in ("kind", "date", "title", "text") if name in row}
        if "case_number" in row:
            decision_record(
                user=None, body=body, case_number=row["case_number"], subjects=subjects, **given
            )
            return
        kind = row.get("kind", Decision.Kind.ADOPTION)
        if not Decision.objects.filter(body=body, kind=kind, text=row["text"]).exists():
            decision_create(user=None, body=body, subjects=subjects, **given)

    def issue_board_report(self, row: dict):
        """Create the report and issue it, once: an issued report never changes, so one that
        is already there (same organisation, title and date) is left as it is.

        The seeds are the documents as they were sent to their bodies, so they are issued; but
        no seed says when they were dispatched, so the moment of issue stays empty rather than
        being the day the demo was loaded."""
        organisation = self.find(Organisation, row["organisation"])
        if BoardReport.objects.filter(
            organisation=organisation, title=row["title"], date=row.get("date")
        ).exists():
            return
        subject_type, subject_id = self.subject(row.get("subject"))
        report = board_report_create(
            user=None,
            organisation=organisation,
            departments=[
                Department.objects.get(organisation=organisation, name=name)
                for name in row.get("departments", [])
            ],
            recipients=[self.find(Body, slug) for slug in row["recipients"]],
            subject_type=subject_type,
            subject_id=subject_id,
            case_numbers=row.get("case_numbers", []),
            supporting_documents=row.get("supporting_documents", []),
            signatories=row.get("signatories", []),
            extra_sections=row.get("extra_sections", []),
            **{
                name: row.get(name, "")
                for name in (
                    "title",
                    "proposed_decision",
                    "summary",
                    "case_description",
                    "assessment",
                )
            },
            date=row.get("date"),
        )
        board_report_issue(
            user=None,
            report=report,
            issued_at=None,
            render_pdf=lambda r: board_report_pdf(
                r, base_url="http://localhost/", draft=False, today=timezone.localdate()
            ),
        )

    def subject(self, ref: str | None):
        if not ref:
            return None, None
        kind, _, key = ref.partition(":")
        model = {"framework": Framework, "agreement": Agreement, "plan": Plan}[kind]
        obj = model.objects.get(**{REFERENCE_KEYS.get(model, "slug"): key})
        return ContentType.objects.get_for_model(model), obj.pk


def history_count() -> int:
    """All history versions of all tracked models: what a second run must leave unchanged."""
    return sum(
        getattr(model, model._meta.simple_history_manager_attribute).count()
        for model in apps.get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    )

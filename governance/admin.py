from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.history import save_with_history
from governance.models import (
    AgendaItem,
    BoardReport,
    Body,
    Decision,
    DecisionCaseNumber,
    DecisionSubject,
    Department,
    Meeting,
    Membership,
    Organisation,
    Person,
    ReportCaseNumber,
    ReportSection,
    Signatory,
    SupportingDocument,
    case_number_for_body,
)
from governance.services import (
    body_create,
    body_update,
    decision_remove,
    department_create,
    department_remove,
    department_update,
    membership_add,
    membership_remove,
    membership_update,
    organisation_create,
    organisation_update,
    person_create,
    person_remove,
    person_update,
)

# The models order by their own columns only; lists across relations order here, explicitly.


class ReasonAdminForm(forms.ModelForm):
    """The admin asks for the reason every change records, as the portal's pages do."""

    change_reason = forms.CharField(
        label=gettext_lazy("Anledning till ändringen"), max_length=200, required=False
    )

    def clean_change_reason(self):
        reason = self.cleaned_data["change_reason"].strip()
        if self.instance.pk and not reason:
            raise ValidationError(_("Ange varför det ändras."))
        return reason


class ThroughTheServices:
    """Principals, departments, bodies, people and memberships are written through their
    services, as the portal's pages write them: full_clean, the acting user, the reason, and
    the revision bumped (an edit form open in the portal becomes stale). `services`: (create,
    update), each taking the object under the keyword `noun`. `row_services`: the same for
    the rows of its inlines, by row model: (noun, (create, update, remove)), with the
    parent's reason."""

    form = ReasonAdminForm
    noun = ""
    services = ()
    row_services: dict = {}

    def save_model(self, request, obj, form, change):
        create, update = self.services
        if change:
            update(user=request.user, reason=form.cleaned_data["change_reason"], **{self.noun: obj})
        else:
            create(user=request.user, **{self.noun: obj}, **self.created_with(form))

    def created_with(self, form) -> dict:
        return {}

    def save_formset(self, request, form, formset, change):
        if formset.model not in self.row_services:
            return super().save_formset(request, form, formset, change)
        noun, (create, update, remove) = self.row_services[formset.model]
        reason = form.cleaned_data["change_reason"]
        for row in formset.save(commit=False):
            if row.pk:
                update(user=request.user, reason=reason, **{noun: row})
            else:
                create(user=request.user, **{noun: row})
        for row in formset.deleted_objects:
            remove(user=request.user, reason=reason, **{noun: row})


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0

    def has_delete_permission(self, request, obj=None):
        # A department goes on its own page, where one that board reports name is refused
        # with the reason (an inline row cannot say why).
        return False


@admin.register(Organisation)
class OrganisationAdmin(ThroughTheServices, SimpleHistoryAdmin):
    noun, services = "organisation", (organisation_create, organisation_update)
    list_display = ["name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentInline]
    row_services = {
        Department: ("department", (department_create, department_update, department_remove))
    }


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    ordering = ["role", "person__name"]
    autocomplete_fields = ["person", "representing"]


@admin.register(Body)
class BodyAdmin(ThroughTheServices, SimpleHistoryAdmin):
    noun, services = "body", (body_create, body_update)
    list_display = ["name", "short_code", "kind", "reports_to"]
    list_filter = ["kind", "organisations"]
    search_fields = ["name", "short_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["reports_to", "organisations"]
    inlines = [MembershipInline]
    row_services = {
        Membership: ("membership", (membership_add, membership_update, membership_remove))
    }

    def created_with(self, form):
        return {"organisations": form.cleaned_data["organisations"]}


REMOVED_IN_ADMIN = "Borttagen i administrationen"


@admin.register(Person)
class PersonAdmin(ThroughTheServices, SimpleHistoryAdmin):
    noun, services = "person", (person_create, person_update)
    list_display = ["name", "title", "user"]
    search_fields = ["name", "title"]
    autocomplete_fields = ["user"]

    # Through the service, so the memberships go too, each with a history record that names
    # the acting user.
    def delete_model(self, request, obj):
        person_remove(user=request.user, person=obj, reason=REMOVED_IN_ADMIN)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            person_remove(user=request.user, person=person, reason=REMOVED_IN_ADMIN)


class DecisionSubjectInline(admin.TabularInline):
    model = DecisionSubject
    extra = 1


class DecisionCaseNumberForm(forms.ModelForm):
    """A case number of the decision's own body, unique within that body (the row's `body`
    repeats the decision's, for the database's uniqueness)."""

    class Meta:
        model = DecisionCaseNumber
        fields = ["position", "case_number"]

    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        # The decision being edited, also when it is new and unsaved (the row's own foreign
        # key holds only its id then).
        self.decision = decision

    def clean(self):
        cleaned = super().clean()
        decision = self.decision
        number = cleaned.get("case_number")
        if not number or decision.body_id is None:  # no body: the decision's form says so
            return cleaned
        body = decision.body
        try:
            cleaned["case_number"] = self.instance.case_number = case_number_for_body(body, number)
        except ValidationError as error:
            self.add_error("case_number", error)
            return cleaned
        self.instance.body = body
        taken = DecisionCaseNumber.objects.filter(body=body, case_number=cleaned["case_number"])
        if taken.exclude(pk=self.instance.pk).exists():
            self.add_error("case_number", _("Organet har redan ett beslut med det ärendenumret."))
        return cleaned


class DecisionCaseNumberFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | {"decision": self.instance}


class DecisionCaseNumberInline(admin.TabularInline):
    model = DecisionCaseNumber
    form = DecisionCaseNumberForm
    formset = DecisionCaseNumberFormSet
    extra = 1


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "body", "kind", "date", "title"]
    list_filter = ["kind", "body"]
    search_fields = ["case_numbers__case_number", "title"]
    ordering = ["-date", "body__name", "-pk"]
    autocomplete_fields = ["body", "responds_to"]
    inlines = [DecisionCaseNumberInline, DecisionSubjectInline]

    def get_readonly_fields(self, request, obj=None):
        # The case-number rows repeat the body; moving a decision to another body is a new one.
        return ["body"] if obj else []

    # Through the service, so the case numbers, subject links and agenda items it touches are
    # recorded with the acting user and a reason (the admin's confirmation page has already
    # refused a recommendation that other decisions answer).
    def delete_model(self, request, obj):
        decision_remove(user=request.user, decision=obj, reason=REMOVED_IN_ADMIN)

    def delete_queryset(self, request, queryset):
        for decision in queryset:
            decision_remove(user=request.user, decision=decision, reason=REMOVED_IN_ADMIN)

    def save_model(self, request, obj, form, change):
        if change:
            obj.revision += 1  # an open portal edit form of this decision must not overwrite this
        save_with_history(obj, user=request.user, reason="Ändrad i administrationen")


@admin.register(Membership)
class MembershipAdmin(ThroughTheServices, SimpleHistoryAdmin):
    noun, services = "membership", (membership_add, membership_update)
    ordering = ["body__name", "role", "person__name"]


@admin.register(Department)
class DepartmentAdmin(ThroughTheServices, SimpleHistoryAdmin):
    noun, services = "department", (department_create, department_update)
    ordering = ["organisation__name", "name"]

    def get_deleted_objects(self, objs, request):
        """A department that board reports come from is shown as protected by them, so the
        admin refuses its removal on the confirmation page (the links are many-to-many: the
        database would silently drop them)."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        reports = BoardReport.objects.filter(departments__in=objs).distinct()
        return deleted, counts, perms_needed, [*protected, *map(str, reports)]

    def delete_model(self, request, obj):
        department_remove(user=request.user, department=obj, reason=REMOVED_IN_ADMIN)

    def delete_queryset(self, request, queryset):
        for department in queryset:
            department_remove(user=request.user, department=department, reason=REMOVED_IN_ADMIN)


def _issued(obj) -> bool:
    report = obj if isinstance(obj, BoardReport) else getattr(obj, "report", None)
    return report is not None and report.is_issued


class FrozenWhenIssued:
    """An issued board report never changes, in the admin either: it is shown read-only.
    (For inlines `obj` is the report itself.)"""

    def has_change_permission(self, request, obj=None):
        return not _issued(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _issued(obj) and super().has_delete_permission(request, obj)


class ReportPartInline(FrozenWhenIssued, admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _issued(obj) and super().has_add_permission(request, obj)


class ReportCaseNumberInline(ReportPartInline):
    model = ReportCaseNumber


class SupportingDocumentInline(ReportPartInline):
    model = SupportingDocument


class SignatoryInline(ReportPartInline):
    model = Signatory


class ReportSectionInline(ReportPartInline):
    model = ReportSection


@admin.register(BoardReport)
class BoardReportAdmin(FrozenWhenIssued, SimpleHistoryAdmin):
    list_display = ["title", "organisation", "date", "status"]
    list_filter = ["status", "organisation"]
    search_fields = ["title", "case_numbers__case_number"]
    readonly_fields = ["status", "issued_at", "pdf", "pdf_sha256"]
    filter_horizontal = ["recipients", "departments"]
    inlines = [
        ReportCaseNumberInline,
        SupportingDocumentInline,
        SignatoryInline,
        ReportSectionInline,
    ]
    view_on_site = True

    def save_model(self, request, obj, form, change):
        obj.revision += 1  # an open portal edit form of this draft must not overwrite this save
        save_with_history(obj, user=request.user, reason="Ändrad i administrationen")


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["number", "title", "reports", "decision_text", "minutes_paragraph", "decision"]
    filter_horizontal = ["reports"]
    autocomplete_fields = ["decision"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "date", "start_time", "kind", "status"]
    list_filter = ["status", "kind", "body"]
    date_hierarchy = "date"
    # Published through the portal (governance.services.meeting_publish), which records when.
    readonly_fields = ["status", "published_at"]
    autocomplete_fields = ["body"]
    inlines = [AgendaItemInline]
    view_on_site = True

    def save_model(self, request, obj, form, change):
        obj.revision += 1  # an open portal edit form of this meeting must not overwrite this save
        save_with_history(obj, user=request.user, reason="Ändrad i administrationen")

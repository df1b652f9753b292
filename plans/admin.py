from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.kinds import ITEM_KINDS
from plans.models import (
    FollowUpRound,
    Initiative,
    Plan,
    PlanVersion,
    Section,
    StateReport,
    StatusUpdate,
)

# The models order only within their parent (no joins in every query); the lists across
# plans order by plan, then place in the plan, as they always have.
SECTION_ORDER = ["plan__title", "position", "number"]
INITIATIVE_ORDER = [f"section__{name}" for name in SECTION_ORDER] + ["position", "letter"]


class PartInline:
    """A plan's sections, a section's initiatives: listed under their parent with their place,
    each one edited on its own page."""

    extra = 0
    show_change_link = True


class SectionInline(PartInline, admin.TabularInline):
    model = Section
    fields = ["number", "title", "position"]


class InitiativeInline(PartInline, admin.StackedInline):
    model = Initiative
    fields = ["letter", "title", "position"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "period_text"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parties", "owner_body", "framework"]
    filter_horizontal = ["editors"]
    # Publishing, adopting, revising and closing freeze versions: only plans.services does it.
    readonly_fields = ["status", "public_version"]
    inlines = [SectionInline]
    view_on_site = True


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]
    ordering = SECTION_ORDER
    autocomplete_fields = ["responsible_bodies"]
    inlines = [InitiativeInline]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "section"]
    list_filter = ["section__plan"]
    search_fields = ["title"]
    ordering = INITIATIVE_ORDER
    autocomplete_fields = ["responsible_bodies"]


class PlanItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "period_text", "period_end", "section"]
    list_filter = ["section__plan"]
    search_fields = ["text", "period_text"]
    ordering = [f"section__{name}" for name in SECTION_ORDER] + [
        "initiative__position",
        "initiative__letter",
        "position",
        "id",
    ]


for kind in ITEM_KINDS:
    admin.site.register(kind.model, PlanItemAdmin)


@admin.register(StatusUpdate)
class StatusUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["initiative", "date", "status", "author"]
    list_filter = ["status"]
    ordering = [f"initiative__{name}" for name in INITIATIVE_ORDER] + ["-date", "-created_at"]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    """Published and adopted versions are frozen: shown, never edited here."""

    list_display = ["plan", "number", "kind", "date", "frozen_at", "decision"]
    ordering = ["plan__title", "-number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(SimpleHistoryAdmin):
    """Written only through plans.services (a round's opening and closing, a report's
    round): shown here, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FollowUpRound)
class FollowUpRoundAdmin(ReadOnlyAdmin):
    list_display = ["name", "plan", "reporting_date", "deadline", "closed_at"]
    list_filter = ["plan"]
    ordering = ["plan__title", "-number"]


@admin.register(StateReport)
class StateReportAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "plan", "state", "done_on", "round", "reported_by", "reported_at"]
    list_filter = ["plan", "state"]
    ordering = ["-reported_at", "-pk"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import (
    Body,
    Decision,
    DecisionSubject,
    Department,
    Membership,
    Organisation,
    Person,
)


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person", "representing"]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_code", "kind", "reports_to"]
    list_filter = ["kind", "organisations"]
    search_fields = ["name", "short_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["reports_to", "organisations"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title"]
    search_fields = ["name", "title"]


class DecisionSubjectInline(admin.TabularInline):
    model = DecisionSubject
    extra = 1


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["case_number", "body", "date", "title"]
    list_filter = ["body"]
    search_fields = ["case_number", "title"]
    autocomplete_fields = ["body"]
    inlines = [DecisionSubjectInline]


admin.site.register(Membership, SimpleHistoryAdmin)
admin.site.register(Department, SimpleHistoryAdmin)

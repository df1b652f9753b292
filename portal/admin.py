from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.models import BarrierReport, SingleSignOnIdentity


@admin.register(BarrierReport)
class BarrierReportAdmin(SimpleHistoryAdmin):
    list_display = ["received_at", "page", "handled"]
    list_filter = ["handled"]
    readonly_fields = ["page", "description", "contact", "received_at"]

    def has_add_permission(self, request):
        return False


@admin.register(SingleSignOnIdentity)
class SingleSignOnIdentityAdmin(admin.ModelAdmin):
    """Made by a first SSO login; deleting one lets that person's next login make a new
    account, and an operator may move one to another account (a local one the person had)."""

    list_display = ["user", "issuer", "subject", "created_at"]
    search_fields = ["user__username", "subject"]
    readonly_fields = ["issuer", "subject", "created_at"]
    autocomplete_fields = ["user"]

    def has_add_permission(self, request):
        return False

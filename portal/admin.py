from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.models import BarrierReport


@admin.register(BarrierReport)
class BarrierReportAdmin(SimpleHistoryAdmin):
    list_display = ["received_at", "page", "handled"]
    list_filter = ["handled"]
    readonly_fields = ["page", "description", "contact", "received_at"]

    def has_add_permission(self, request):
        return False

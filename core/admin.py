from django.contrib import admin

from core.models import BackgroundJob


@admin.register(BackgroundJob)
class BackgroundJobAdmin(admin.ModelAdmin):
    """For the operator: what the worker did for people, and why a job failed. Read only: a job
    is written by core.jobs alone (a person retries a failed one from its page)."""

    list_display = ["label", "status", "attempts", "queued_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in BackgroundJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

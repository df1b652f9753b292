from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import Agreement, Attachment, Framework, Topic
from governance.models import DecisionSubject


class AdoptionInline(GenericTabularInline):
    model = DecisionSubject
    ct_field = "content_type"
    ct_fk_field = "object_id"
    extra = 0
    autocomplete_fields = ["decision"]
    verbose_name = "fastställande (beslut)"
    verbose_name_plural = "fastställt genom beslut"


class AttachmentInline(admin.TabularInline):
    """Attachments are uploaded on the agreement's page, where type, size and SHA-256 are checked."""

    model = Attachment
    extra = 0
    can_delete = True
    fields = ["title", "original_name", "media_type", "size", "sha256"]
    readonly_fields = ["original_name", "media_type", "size", "sha256"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["register_id", "title", "version_label", "status", "review_by"]
    list_filter = ["status", "kind", "topics", "parties"]
    search_fields = ["register_id", "title", "summary"]
    autocomplete_fields = [
        "parties",
        "responsible_body",
        "replaced_by_agreement",
        "replaced_by_framework",
    ]
    filter_horizontal = ["topics"]
    inlines = [AdoptionInline, AttachmentInline]
    view_on_site = True


@admin.register(Framework)
class FrameworkAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status"]
    list_filter = ["status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parties", "covers"]
    inlines = [AdoptionInline]


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agreement", "original_name", "size", "uploaded_at"]
    readonly_fields = ["agreement", "file", "original_name", "media_type", "size", "sha256"]

    def has_add_permission(self, request):
        return False

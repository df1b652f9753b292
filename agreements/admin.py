from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agreements import services
from agreements.forms import REASON_HELP
from agreements.models import Agreement, Attachment, Framework, Topic
from governance.models import DecisionSubject

REPLACED_BY_FIELDS = {"replaced_by_agreement", "replaced_by_framework"}


class AdoptionInline(GenericTabularInline):
    model = DecisionSubject
    ct_field = "content_type"
    ct_fk_field = "object_id"
    extra = 0
    autocomplete_fields = ["decision"]
    verbose_name = _("fastställande (beslut)")
    verbose_name_plural = _("fastställt genom beslut")


class AttachmentInline(admin.TabularInline):
    """Attachments are uploaded on the agreement's page, where type, size and SHA-256 are checked."""

    model = Attachment
    extra = 0
    can_delete = True
    fields = ["title", "original_name", "media_type", "size", "sha256"]
    readonly_fields = ["original_name", "media_type", "size", "sha256"]

    def has_add_permission(self, request, obj=None):
        return False


class AgreementAdminForm(forms.ModelForm):
    """The admin asks for the reason every change records, as the portal's pages do."""

    change_reason = forms.CharField(
        label=_("Anledning till ändringen"), max_length=200, required=False, help_text=REASON_HELP
    )

    class Meta:
        model = Agreement
        fields = "__all__"  # noqa: DJ007 - the admin's own field list decides what shows

    def clean_change_reason(self):
        reason = self.cleaned_data["change_reason"].strip()
        if self.instance.pk and not reason:
            raise forms.ValidationError(_("Ange varför överenskommelsen ändras."))
        return reason


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    form = AgreementAdminForm
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

    def save_model(self, request, obj, form, change):
        # Through the register's services, as every other writer: full_clean, the acting user
        # and a reason in the history, and choosing a successor replaces (status "replaced").
        # Parties, topics and the inlines follow in save_related.
        if not change:
            services.agreement_create(user=request.user, agreement=obj)
        reason = form.cleaned_data["change_reason"]
        if obj.replaced_by is not None and REPLACED_BY_FIELDS & set(form.changed_data):
            self._replace(request, obj, reason=reason)
        elif change:
            services.agreement_update(user=request.user, agreement=obj, reason=reason)

    def _replace(self, request, agreement, *, reason):
        status, replaced_by = agreement.status, agreement.replaced_by
        services.agreement_replace(
            user=request.user, agreement=agreement, replaced_by=replaced_by, reason=reason
        )
        if agreement.status != status:  # say so: the form showed the status as it was
            self.message_user(
                request,
                gettext("Status ändrad till %(status)s: %(successor)s ersätter överenskommelsen.")
                % {"status": agreement.get_status_display(), "successor": replaced_by},
            )


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

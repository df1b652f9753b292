from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Överenskommelser")

    def ready(self):
        from agreements import search
        from agreements.models import Agreement, Framework
        from agreements.reports import agreement_summary, framework_summary
        from governance.reports import register_subject_summary
        from governance.subjects import register_decision_subject

        register_subject_summary(Framework, framework_summary)
        register_subject_summary(Agreement, agreement_summary)
        register_decision_subject(
            "agreement", Agreement, choices=lambda: Agreement.objects.order_by("register_id")
        )
        register_decision_subject(
            "framework", Framework, choices=lambda: Framework.objects.order_by("title")
        )
        search.register()

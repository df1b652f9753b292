from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = "Överenskommelser"

    def ready(self):
        from agreements.models import Agreement, Framework
        from agreements.reports import agreement_summary, framework_summary
        from governance.reports import register_subject_summary

        register_subject_summary(Framework, framework_summary)
        register_subject_summary(Agreement, agreement_summary)

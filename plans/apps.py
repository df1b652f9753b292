from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Planer")

    def ready(self):
        from governance.queries import register_body_page_section
        from governance.reports import register_subject_summary
        from plans.models import Plan
        from plans.queries import body_plan_section
        from plans.reports import plan_summary

        register_body_page_section(body_plan_section)
        register_subject_summary(Plan, plan_summary)

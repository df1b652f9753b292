from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Planer"

    def ready(self):
        from governance.queries import register_body_page_section
        from plans.queries import body_plan_section

        register_body_page_section(body_plan_section)

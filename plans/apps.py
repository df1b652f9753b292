from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Planer")

    def ready(self):
        from governance.calendar import register_body_calendar
        from governance.queries import register_body_page_section
        from governance.reports import register_subject_summary
        from governance.subjects import register_decision_subject
        from plans import calendar, search
        from plans.models import Plan
        from plans.queries import body_plan_section
        from plans.reports import plan_summary

        register_body_page_section(body_plan_section)
        register_body_calendar(calendar.body_events)
        register_subject_summary(Plan, plan_summary)
        register_decision_subject("plan", Plan, choices=lambda: Plan.objects.order_by("title"))
        search.register()
        _offer_state_reports()


def _offer_state_reports():
    """Reporting a state is one more entry of the item's actions menu, for the kinds that
    carry a state. Added here because plans.kinds reads the forms, which read the workbench."""
    from plans import workbench
    from plans.kinds import STATE_KINDS

    if not any(action.key == "state" for action in workbench.ITEM_ACTIONS):
        workbench.ITEM_ACTIONS.insert(
            1,
            workbench.ItemAction(
                "state",
                _("Rapportera läge"),
                "item_state",
                inline=True,
                kinds=tuple(kind.word for kind in STATE_KINDS),
            ),
        )

"""The portal's roles: Django groups, kept in step with the models by data migrations."""

from django.utils.translation import gettext_noop

# The Swedish names are the groups' names in the database, so they stay as they are here;
# marked (not translated) so that a page showing a role can translate it.
READER = gettext_noop("Läsare (nämndledamot)")
STRATEGIST = gettext_noop("Strateg")
REGISTER_ADMIN = gettext_noop("Registeradministratör")

ROLES = (READER, STRATEGIST, REGISTER_ADMIN)
# The roles by the names configuration uses (OIDC_ROLE_MAP): plain ASCII, free of the spaces
# and parentheses of the groups' names.
ROLE_KEYS = {"reader": READER, "strategist": STRATEGIST, "register_admin": REGISTER_ADMIN}

REGISTER_MODELS = {
    "governance": [
        "organisation",
        "department",
        "body",
        "person",
        "membership",
        "decision",
        "decisioncasenumber",
        "decisionsubject",
    ],
    "agreements": ["topic", "framework", "agreement", "attachment"],
}
REPORT_MODELS = {
    "governance": [
        "boardreport",
        "reportcasenumber",
        "supportingdocument",
        "signatory",
        "reportsection",
    ],
}
# Meetings and their agendas are kept by the register administrators, who keep the bodies.
MEETING_MODELS = {"governance": ["meeting", "agendaitem", "agendaitemcasenumber"]}
PLAN_MODELS = {
    "plans": [
        "plan",
        "section",
        "initiative",
        "activity",
        "milestone",
        "followup",
        "statusupdate",
        "planversion",
    ],
}


def _codenames(action: str, models_by_app: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(app, f"{action}_{model}") for app, models in models_by_app.items() for model in models]


def _edit(models_by_app):
    return [
        pair for action in ("add", "change", "delete") for pair in _codenames(action, models_by_app)
    ]


def role_permissions() -> dict[str, list[tuple[str, str]]]:
    """(app_label, codename) pairs per role. Viewing includes drafts, which the public never sees."""
    view = (
        _codenames("view", REGISTER_MODELS)
        + _codenames("view", PLAN_MODELS)
        + _codenames("view", REPORT_MODELS)
        + _codenames("view", MEETING_MODELS)
    )
    return {
        READER: view,
        STRATEGIST: view + _edit(PLAN_MODELS) + _edit(REPORT_MODELS),
        # Register admins keep every plan, adopt and publish them; strategists edit the plans
        # they are editors of (checked per plan in plans.queries.plan_get_for_edit). Making a
        # plan public is the owning body's act, recorded by those who record its decisions;
        # publishing is a permission of its own so that a body's secretary can be given it
        # without the right to record adoptions.
        REGISTER_ADMIN: view
        + _edit(REGISTER_MODELS)
        + _edit(MEETING_MODELS)
        + _edit(PLAN_MODELS)
        + _edit(REPORT_MODELS)
        + [
            ("plans", "adopt_plan"),
            ("plans", "publish_plan"),
            ("plans", "edit_every_plan"),
            ("governance", "issue_boardreport"),
        ],
    }


def sync_role_groups(apps) -> None:
    """Create the groups and give each exactly its permissions (called from data migrations)."""
    from django.contrib.auth.management import create_permissions
    from django.db.models import Q

    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, pairs in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = Q(pk__in=[])
        for app_label, codename in pairs:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(wanted))

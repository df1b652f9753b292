"""The portal's roles: Django groups made by a data migration (portal/migrations)."""

READER = "Läsare (nämndledamot)"
STRATEGIST = "Strateg"
REGISTER_ADMIN = "Registeradministratör"

ROLES = (READER, STRATEGIST, REGISTER_ADMIN)

REGISTER_MODELS = {
    "governance": [
        "organisation",
        "department",
        "body",
        "person",
        "membership",
        "decision",
        "decisionsubject",
    ],
    "agreements": ["topic", "framework", "agreement", "attachment"],
}


def _codenames(action: str) -> list[tuple[str, str]]:
    return [
        (app, f"{action}_{model}") for app, models in REGISTER_MODELS.items() for model in models
    ]


def role_permissions() -> dict[str, list[tuple[str, str]]]:
    """(app_label, codename) pairs per role. Viewing includes drafts, which the public never sees."""
    view = _codenames("view")
    edit = _codenames("add") + _codenames("change") + _codenames("delete")
    return {
        READER: view,
        STRATEGIST: view,
        REGISTER_ADMIN: view + edit,
    }

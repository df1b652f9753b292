"""People in public roles: removing one keeps the record of who sat where."""

from django.db import transaction

from governance.models import Person


@transaction.atomic
def person_remove(*, user, person: Person) -> None:
    """Remove a person and their memberships; their historical rows keep the record of who sat
    where. The admin deletes people through this too."""
    for membership in person.memberships.all():
        membership._history_user = user
        membership.delete()
    person._history_user = user
    person.delete()

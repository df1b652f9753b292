"""An edit as an editor's form sends it: the fields, over the revision the test holds."""

from plans import services


def edit(item, *, user, **fields):
    """Save `fields` on `item` through the service, over the revision the test has in hand."""
    return services.item_update(user=user, item=item, expected_revision=item.revision, **fields)

import pytest

from tests import factories


@pytest.fixture
def reader(db):
    return factories.ReaderFactory()


@pytest.fixture
def strategist(db):
    return factories.StrategistFactory()


@pytest.fixture
def register_admin(db):
    return factories.RegisterAdminFactory()


@pytest.fixture(params=["anonymous", "reader", "strategist", "register_admin"])
def any_role_client(request, client, db):
    """A client logged in as each role in turn (and once anonymous)."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    client.role = request.param
    return client


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    """Transactional tests (the browser tests) flush the database, and content types come
    back under new ids; Django's per-process cache would still hand out the old ones."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()

"""The test client the suite uses (the `client` fixture)."""

from urllib.parse import urlencode

from django.core.files.uploadedfile import UploadedFile
from django.test import Client
from django.test.client import MULTIPART_CONTENT

FORM_CONTENT = "application/x-www-form-urlencoded"


class BrowserLikeClient(Client):
    """Django's test client, posting as a browser posts a form: urlencoded, unless the form
    carries a file (multipart). Django's client posts every form as multipart, which the
    portal refuses where no file is taken (core.middleware.RequestGuardMiddleware)."""

    def post(self, path, data=None, content_type=None, **extra):
        data = {} if data is None else data
        if content_type is None and isinstance(data, dict) and not _carries_file(data):
            return super().post(path, urlencode(data, doseq=True), FORM_CONTENT, **extra)
        return super().post(path, data, content_type or MULTIPART_CONTENT, **extra)


def _carries_file(data: dict) -> bool:
    return any(isinstance(value, UploadedFile) or hasattr(value, "read") for value in data.values())


def formset_data(prefix: str, rows: list[dict]) -> dict:
    """What a browser posts for a formset holding `rows` (and no empty ones)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data |= {f"{prefix}-{number}-{name}": value for name, value in row.items()}
    return data


def report_lists(*, underlag=(), undertecknare=(), avsnitt=()) -> dict:
    """A board report form's three lists of rows (governance.report_rows), as posted."""
    return (
        formset_data("underlag", list(underlag))
        | formset_data("undertecknare", list(undertecknare))
        | formset_data("avsnitt", list(avsnitt))
    )


REGISTER_ADMINS_ONLY = {"anonymous": 302, "reader": 403, "strategist": 403, "register_admin": 200}


def assert_only_register_admins(client, urls) -> None:
    """Each register page, opened and posted empty by `client` (any_role_client): the
    anonymous are sent to log in, readers and strategists refused, register admins shown the
    form (and told what is missing, 400)."""
    for url in urls:
        response = client.get(url)
        assert response.status_code == REGISTER_ADMINS_ONLY[client.role], url
        if client.role == "anonymous":
            assert "/logga-in/" in response["Location"]
        posted = client.post(url, {})
        assert posted.status_code == {**REGISTER_ADMINS_ONLY, "register_admin": 400}[client.role]


def edit_form_data(instance, fields, *, reason: str) -> dict:
    """What an edit form posts for `instance` as it stands: its `fields` (a many-to-many one as
    the keys it holds), the revision it was read at and the reason for the change."""
    data = {name: _as_posted(getattr(instance, name)) for name in fields}
    return data | {"revision": instance.revision, "reason": reason}


def _as_posted(value):
    # A many-to-many field is read through its manager; a form posts the keys it holds.
    return [related.pk for related in value.all()] if hasattr(value, "all") else value


def assert_refused_as_stale(response, *, typed: str, revision: int) -> None:
    """A save over a revision someone else has saved since: refused (409) in Swedish, what was
    typed kept in the form, and the form moved on to the revision now saved."""
    assert response.status_code == 409
    content = response.content.decode()
    assert typed in content
    assert "Någon annan har sparat ändringar" in content
    assert response.context["form"].data["revision"] == revision

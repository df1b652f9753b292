"""The register administrator's import pages: upload, map, preview, confirm; who may use them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement
from core.models import BackgroundJob, PendingUpload
from governance.models import Body, Decision
from tests import factories
from tests.agreements.register_files import (
    GOTLAND_ROWS,
    HEADINGS,
    gotland_registers,
    synthetic_rows,
    workbook,
)
from tests.query_count import count_queries
from tests.uploads import LIMIT, assert_refused, bad_files
from tests.worker import after_worker

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(data, name="register.xlsx"):
    return SimpleUploadedFile(name, data, content_type=XLSX)


def _upload(client, data, name="register.xlsx"):
    return client.post(reverse("agreements:register_import"), {"file": _file(data, name)})


@pytest.fixture
def admin_client(client, register_admin):
    gotland_registers()
    client.force_login(register_admin)
    return client


def test_upload_map_preview_confirm(admin_client):
    response = _upload(admin_client, workbook(GOTLAND_ROWS))
    upload = PendingUpload.objects.get()
    mapping_url = reverse("agreements:register_import_mapping", args=[upload.pk])
    assert response.status_code == 302 and response.url == mapping_url

    page = admin_client.get(mapping_url)
    assert page.status_code == 200
    # The headings are guessed: each column's choice is the field of its words.
    form = page.context["form"]
    assert [form[f"kolumn_{i}"].initial for i in range(len(HEADINGS))] == [
        "register_id", "title", "version_label", "status", "parties", "decision_bodies", "case_numbers",
    ]  # fmt: skip
    chosen = {f"kolumn_{i}": form[f"kolumn_{i}"].initial for i in range(len(HEADINGS))}

    response = admin_client.post(mapping_url, chosen)
    preview_url = reverse("agreements:register_import_preview", args=[upload.pk])
    assert response.status_code == 302 and response.url == preview_url

    page = admin_client.get(preview_url)
    assert page.status_code == 200
    assert page.context["preview"].counts["new"] == 7
    assert "Importera alla rader" in page.content.decode()
    assert Agreement.objects.count() == 0  # the preview writes nothing

    assert admin_client.post(preview_url).status_code == 302
    response = admin_client.post(preview_url)  # a second click: the same job
    assert Agreement.objects.count() == 0  # the worker imports, not the request
    assert BackgroundJob.objects.count() == 1

    done = after_worker(admin_client, response)
    result_url = f"{reverse('agreements:agreement_list')}?imported={upload.pk}"
    assert done.status_code == 302 and done.url == result_url
    assert Agreement.objects.count() == 7
    assert not PendingUpload.objects.exists()
    page = admin_client.get(done.url)
    assert "Importen är klar: 7 nya överenskommelser" in page.content.decode()
    # The register shows what the import wrote, as the person who confirmed it.
    assert page.context["page"].paginator.count == 7
    history = Agreement.history.filter(history_type="+")
    assert {h.history_user for h in history} == {upload.user}
    assert history.get(register_id=GOTLAND_ROWS[0][0]).history_change_reason == (
        "Import från register.xlsx, rad 2"
    )


def _mapped(client) -> PendingUpload:
    upload = PendingUpload.objects.get()
    client.post(
        reverse("agreements:register_import_mapping", args=[upload.pk]),
        {f"kolumn_{i}": key for i, key in enumerate(
            ["register_id", "title", "version_label", "status", "parties", "decision_bodies", "case_numbers"]
        )},
    )  # fmt: skip
    return upload


def test_a_row_gone_wrong_after_the_preview_writes_nothing_and_says_why(admin_client):
    _upload(admin_client, workbook(GOTLAND_ROWS))
    upload = _mapped(admin_client)
    preview_url = reverse("agreements:register_import_preview", args=[upload.pk])
    response = admin_client.post(preview_url)
    # Between the confirmation and the worker, someone renames the body rows 7 and 8 name.
    Body.objects.filter(name="Regionstyrelsen").update(name="Kommunstyrelsen")

    page = after_worker(admin_client, response)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Importen har fel. Ingenting har sparats." in text
    assert "Rad 7: Organet ”Regionstyrelsen” finns inte i registret." in text
    assert f'href="{preview_url}"' in text  # back to the preview, the file kept
    assert not Agreement.objects.exists() and not Decision.objects.exists()
    assert PendingUpload.objects.filter(pk=upload.pk).exists()

    # Put right, the person confirms again: the same job, done this time.
    Body.objects.filter(name="Kommunstyrelsen").update(name="Regionstyrelsen")
    done = after_worker(admin_client, admin_client.post(preview_url))
    assert done.status_code == 302 and Agreement.objects.count() == 7
    assert BackgroundJob.objects.count() == 1


def test_preview_with_errors_lists_them_by_row_and_confirming_writes_nothing(admin_client):
    rows = [list(row) for row in GOTLAND_ROWS]
    rows[5][6] = "RS 2013-460"
    _upload(admin_client, workbook(rows))
    upload = _mapped(admin_client)
    preview_url = reverse("agreements:register_import_preview", args=[upload.pk])

    page = admin_client.get(preview_url)
    text = page.content.decode()
    assert "Rad 7</a>: Ogiltigt ärendenummer" in text
    assert "Importera alla rader" not in text

    response = admin_client.post(preview_url)
    assert response.status_code == 400
    assert Agreement.objects.count() == 0


def test_mapping_needs_the_register_id_and_each_field_once(admin_client):
    _upload(admin_client, workbook(GOTLAND_ROWS))
    url = reverse("agreements:register_import_mapping", args=[PendingUpload.objects.get().pk])

    response = admin_client.post(url, {"kolumn_0": "", "kolumn_1": "title", "kolumn_2": "title"})

    assert response.status_code == 400
    errors = response.context["form"].non_field_errors()
    assert "Varje fält kan bara hämtas från en kolumn: Titel." in errors
    response = admin_client.post(url, {"kolumn_0": "", "kolumn_1": "title"})
    assert "Välj vilken kolumn som innehåller registerbeteckningen" in response.content.decode()


@bad_files(
    ".xlsx",
    pytest.param("register.xlsx", b"not a workbook", 400, "Filens innehåll stämmer inte med filtypen", id="not-xlsx"),
    pytest.param("register.csv", b"", 400, "tom", id="empty"),
)  # fmt: skip
def test_bad_files_are_refused(admin_client, settings, name, data, status, message):
    settings.IMPORT_MAX_BYTES = LIMIT

    assert_refused(_upload(admin_client, data, name), status=status, message=message)


def test_someone_elses_upload_is_not_found(admin_client):
    _upload(admin_client, workbook(GOTLAND_ROWS))
    upload = PendingUpload.objects.get()
    admin_client.force_login(factories.RegisterAdminFactory())

    for name in ("register_import_mapping", "register_import_preview"):
        assert admin_client.get(reverse(f"agreements:{name}", args=[upload.pk])).status_code == 404


def _pending(register_admin):
    return PendingUpload.objects.create(
        user=register_admin,
        purpose="agreement-register",
        name="register.xlsx",
        data=workbook(GOTLAND_ROWS),
        options={"keys": ["register_id", "title", "", "", "", "", ""]},
    )


@pytest.mark.parametrize(
    "url_name", ["register_import", "register_import_mapping", "register_import_preview"]
)
def test_only_register_admins_may_import(any_role_client, register_admin, url_name):
    upload = _pending(register_admin)
    if any_role_client.role == "register_admin":
        any_role_client.force_login(register_admin)
    args = [] if url_name == "register_import" else [upload.pk]
    url = reverse(f"agreements:{url_name}", args=args)

    get, post = any_role_client.get(url), any_role_client.post(url)

    expected = {"anonymous": 302, "reader": 403, "strategist": 403, "register_admin": 200}
    assert get.status_code == expected[any_role_client.role]
    if any_role_client.role == "anonymous":
        assert get.url.startswith(reverse("login"))
    else:
        assert post.status_code in ({403} if expected[any_role_client.role] == 403 else {302, 400})
    assert Agreement.objects.count() == 0 or any_role_client.role == "register_admin"


def test_register_page_links_to_the_import_for_register_admins_only(any_role_client):
    page = any_role_client.get(reverse("agreements:agreement_list")).content.decode()

    link = reverse("agreements:register_import")
    assert (link in page) == (any_role_client.role == "register_admin")


def _preview_queries(client, user, size: int) -> int:
    rows = synthetic_rows(size)
    upload = PendingUpload.objects.create(
        user=user,
        purpose="agreement-register",
        name=f"register-{size}.xlsx",
        data=workbook(rows),
        options={"keys": ["register_id", "title", "version_label", "status", "parties", "decision_bodies", "case_numbers"]},
    )  # fmt: skip
    # Half of them are in the register already: compared, not only created.
    for row in rows[: size // 2]:
        factories.AgreementFactory(register_id=row[0], title=f"{row[1]} (äldre titel)")
    return count_queries(client, reverse("agreements:register_import_preview", args=[upload.pk]))


def test_preview_costs_the_same_queries_however_many_rows(admin_client, register_admin):
    small = _preview_queries(admin_client, register_admin, 10)
    Agreement.objects.all().delete()

    assert _preview_queries(admin_client, register_admin, 100) == small

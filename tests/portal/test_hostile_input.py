"""Nothing a stranger sends gets a 500: NUL bytes, bodies that cannot be decoded, uploads where
no file is taken. Every refusal is the app's Swedish page with the security headers, and
nothing is written. The CSRF check is enforced here as in production (Django's test client
skips it, which hid the 500 the error pages' own CSRF check caused)."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.models import BarrierReport

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


@pytest.fixture
def stranger():
    """An anonymous browser that has a CSRF cookie and token, as one that loaded the form."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(reverse("login"))
    browser.token = page.context["csrf_token"]
    return browser


def assert_refused(response, status=400):
    assert response.status_code == status
    for header in SECURITY_HEADERS:
        assert header in response, header
    assert "<h1>" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/overenskommelser/STY-0%002292/",
        "/overenskommelser/STY-0%002292/historik/",
        "/overenskommelser/STY-0%002292/bilagor/1/",
        "/ramverk/a%00b/",
        "/planer/a%00b/",
        "/overenskommelser/?q=a%00b",
        "/?sida=%00",
        "/overenskommelser/?%00=1",
    ],
)
def test_a_nul_byte_in_the_path_or_query_is_a_bad_request(client, path):
    response = client.get(path)
    assert_refused(response)
    assert "Felaktig begäran" in response.content.decode()


def test_a_nul_byte_in_a_cookie_is_a_bad_request_without_reading_the_session(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert_refused(client.get("/"))


@pytest.mark.parametrize("path", ["/konto/logga-in/", "/tillganglighet/", "/konto/nytt-losenord/"])
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded; charset=latin-1", b"description=\xff\xfe"),
        ("application/x-www-form-urlencoded; charset=utf-16", b"description=a"),
        # Larger than DATA_UPLOAD_MAX_MEMORY_SIZE: refused unread, like the others.
        ("application/x-www-form-urlencoded", b"description=" + b"a" * 3_000_000),
    ],
)
def test_an_undecodable_body_is_a_bad_request(stranger, path, content_type, body):
    body += b"&csrfmiddlewaretoken=" + stranger.token.encode()
    response = stranger.generic("POST", path, body, content_type=content_type)
    assert_refused(response)
    assert not BarrierReport.objects.exists()


def test_a_nul_byte_in_a_form_field_is_a_bad_request(stranger):
    response = stranger.post(
        reverse("accessibility"),
        f"description=a%00b&csrfmiddlewaretoken={stranger.token}",
        content_type="application/x-www-form-urlencoded",
    )
    assert_refused(response)
    assert not BarrierReport.objects.exists()


@pytest.mark.parametrize("path", ["/konto/logga-in/", "/tillganglighet/", "/admin/login/"])
def test_an_upload_where_no_file_is_taken_is_refused_before_it_is_read(stranger, path):
    # The body is never read: a broken multipart body would otherwise be a 400.
    response = stranger.generic(
        "POST", path, b"--xx\r\nnot read" * 1000, content_type="multipart/form-data; boundary=xx"
    )
    assert_refused(response, 413)
    assert "tar inte emot filer" in response.content.decode()


def test_a_form_in_utf8_still_works(stranger):
    response = stranger.post(
        reverse("accessibility"),
        f"description=Kontrasten+%C3%A4r+l%C3%A5g&csrfmiddlewaretoken={stranger.token}",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 302
    assert BarrierReport.objects.get().description == "Kontrasten är låg"

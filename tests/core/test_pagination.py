from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render_pagination(query: str, number: int) -> str:
    request = RequestFactory().get("/overenskommelser/" + query)
    page = Paginator(range(100), 10).page(number)
    return render_to_string("includes/pagination.html", {"page": page}, request=request)


def test_page_links_keep_the_filters_and_replace_only_the_page():
    html = render_pagination("?status=in_force&sida=3&amne=5", 3)
    assert 'href="?status=in_force&amp;sida=2&amp;amne=5" rel="prev"' in html
    assert 'href="?status=in_force&amp;sida=4&amp;amne=5" rel="next"' in html
    assert "Sida 3 av 10" in html


def test_the_first_page_links_only_forward_and_adds_the_page_to_the_query():
    html = render_pagination("", 1)
    assert 'rel="prev"' not in html
    assert 'href="?sida=2" rel="next"' in html

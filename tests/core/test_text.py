"""Markdown that users write becomes HTML that cannot run script or restyle the page."""

import pytest
from django.utils.safestring import SafeString

from core.text import render_markdown


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("<script>alert('x')</script>Hej", "<script"),
        ("Hej <script src='https://evil.example/x.js'></script>", "evil.example"),
        ('<p onclick="steal()">Klicka</p>', "onclick"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ('<a href="https://skane.se" onmouseover="steal()">Skåne</a>', "onmouseover"),
        ("<svg onload=alert(1)>", "onload"),
        ("[Klicka](javascript:alert(1))", "javascript"),
        ('<a href="JaVaScRiPt:alert(1)">Klicka</a>', "javascript"),
        ("[Klicka](&#106;avascript:alert(1))", "avascript"),
        ("[Klicka](data:text/html,<script>alert(1)</script>)", "data:"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
        ('<iframe src="https://evil.example/"></iframe>', "evil.example"),
        ('<p style="position:fixed;top:0">Över allt</p>', "style"),
        ('<span style="color:red">Röd</span>', "style"),
        ("<style>body { display: none }</style>Text", "display: none"),
        ('<form action="https://evil.example/"><input name="pw"></form>', "<form"),
        ('<object data="x.swf"></object>', "<object"),
    ],
    ids=[
        "script-tag",
        "script-src",
        "onclick-attribute",
        "onerror-attribute",
        "onmouseover-on-link",
        "onload-on-svg",
        "javascript-markdown-link",
        "javascript-html-link-mixed-case",
        "javascript-entity-encoded",
        "data-url-link",
        "iframe-tag",
        "iframe-source",
        "style-attribute-on-p",
        "style-attribute-on-span",
        "style-element",
        "form",
        "object",
    ],
)
def test_dangerous_markup_is_removed(markdown, forbidden):
    html = render_markdown(markdown)

    assert forbidden.lower() not in html.lower()


def test_text_around_removed_markup_is_kept():
    html = render_markdown('<p style="color:red" onclick="x()">Röd text</p>')

    assert html == "<p>Röd text</p>"


def test_a_javascript_link_keeps_its_text_but_loses_its_target():
    html = render_markdown("[Läs mer](javascript:alert(1))")

    assert "Läs mer" in html
    assert "href" not in html


def test_headings_survive_and_start_at_h2():
    html = render_markdown("# Mål\n\n## Principer\n\n### Riktlinjer")

    assert "<h1" not in html
    assert "<h2>Mål</h2>" in html
    assert "<h2>Principer</h2>" in html
    assert "<h3>Riktlinjer</h3>" in html


def test_bulleted_and_numbered_lists_survive():
    html = render_markdown("- Region Skåne\n- Malmö stad\n\n1. Första\n2. Andra")

    assert "<ul>\n<li>Region Skåne</li>\n<li>Malmö stad</li>\n</ul>" in html
    assert "<ol>\n<li>Första</li>\n<li>Andra</li>\n</ol>" in html


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[SKR](https://skr.se/)", "https://skr.se/"),
        ("[Vårdgivare](http://vardgivare.skane.se/)", "http://vardgivare.skane.se/"),
        ("[Skriv till oss](mailto:registrator@skane.se)", "mailto:registrator@skane.se"),
    ],
    ids=["https", "http", "mailto"],
)
def test_links_survive_with_rel_noopener(markdown, href):
    html = render_markdown(markdown)

    assert f'href="{href}"' in html
    assert 'rel="noopener noreferrer"' in html


def test_a_rel_written_by_the_user_is_replaced_by_noopener():
    html = render_markdown('<a href="https://skr.se/" rel="opener" target="_blank">SKR</a>')

    assert 'rel="noopener noreferrer"' in html
    assert 'rel="opener"' not in html
    assert "target" not in html


def test_link_titles_survive():
    html = render_markdown('[SKR](https://skr.se/ "Sveriges Kommuner och Regioner")')

    assert 'title="Sveriges Kommuner och Regioner"' in html


def test_tables_survive_without_alignment_styles():
    html = render_markdown("| Område | Ansvar |\n|:--|--:|\n| Hälsa | HSN |")

    for tag in ("<table>", "<thead>", "<tbody>", "<th>Område</th>", "<td>HSN</td>"):
        assert tag in html
    assert "style" not in html


def test_emphasis_quotes_and_code_survive():
    html = render_markdown("**fastställd** och *reviderad*\n\n> citat\n\n`kod`")

    assert "<strong>fastställd</strong>" in html
    assert "<em>reviderad</em>" in html
    assert "<blockquote>" in html
    assert "<code>kod</code>" in html


@pytest.mark.parametrize("empty", ["", None], ids=["empty-string", "none"])
def test_empty_input_gives_empty_output(empty):
    html = render_markdown(empty)

    assert html == ""
    assert isinstance(html, SafeString)


def test_the_output_is_marked_safe_for_templates():
    assert isinstance(render_markdown("Hej"), SafeString)

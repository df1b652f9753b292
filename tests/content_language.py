"""Reading the language of each piece of text on a rendered page: the nearest `lang` above
it (WCAG 3.1.2, language of parts), as a screen reader decides how to pronounce it."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class _Languages(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def _language(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        # The document title is one string: a part of it cannot be marked.
        if data.strip() and not any(tag in ("script", "style", "title") for tag, _ in self.stack):
            self.texts.append((" ".join(data.split()), self._language()))


def text_languages(html: str) -> list[tuple[str, str]]:
    """Every piece of text on the page with the language it is in."""
    parser = _Languages()
    parser.feed(html)
    return parser.texts


def languages_of(html: str, phrase: str) -> set[str]:
    """The languages the text pieces holding `phrase` are in (empty: the page lacks it)."""
    return {lang for text, lang in text_languages(html) if phrase in text}

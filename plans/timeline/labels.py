"""Labels wrapped with DejaVu Sans' advance widths (the PDF's font, and a wide one, so
wrapping holds for narrower screen fonts too): every label is drawn in full."""

# DejaVu Sans' advance widths (em), grouped; letters not listed count as wide ones.
_WIDTH_GROUPS = {
    0.28: "ijl'|",
    0.3: "IJ",
    0.32: " .,",
    0.34: ";:/",
    0.36: "f-",
    0.4: "t()![]r",
    0.5: '"–§*',
    0.53: "szc?",
    0.59: "kvxyLFP",
    0.62: "aeoåäöéTYhnuEÉbdgpqS0123456789_",
    0.69: "KAVÅÄBRXZC",
    0.76: "UHNDGOQÖ&",
    0.86: "wM",
    1.0: "%mW—",
}
_WIDTHS = {char: width for width, chars in _WIDTH_GROUPS.items() for char in chars}
BOLD = 1.1  # bold DejaVu Sans is about a tenth wider


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    em = sum(_WIDTHS.get(char, 0.7) for char in text)
    return em * size * (BOLD if bold else 1)


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Lines of at most `width` (greedy by words; a word too long for a line is cut)."""
    space = text_width(" ", size, bold=bold)
    lines, line, used = [], "", 0.0
    for word in text.split():
        needed = text_width(word, size, bold=bold)
        if line and used + space + needed <= width:
            line, used = f"{line} {word}", used + space + needed
            continue
        if line:
            lines.append(line)
        while needed > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold=bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
            needed = text_width(word, size, bold=bold)
        line, used = word, needed
    if line:
        lines.append(line)
    return lines or [""]

"""The built-in `places` macro's list, written in Python: a template loop cost ~5 µs an item.

Quotes and claims are listed away from their articles on every person's and source's page and on
the quotes and claims pages (~38,000 items for 2,225 BBC articles). `_macros.html`'s `places` calls
`place_list`, which writes the very markup the macro's loop wrote (docs/templates.md gives that
loop, for a `_macros.html` of one's own; tests/test_render_lists.py checks both give the same).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from newsarchive.render.context import Place
from newsarchive.render.filters import escape_output, kind_label, long_date


def place_list(items: Iterable[Place], root: str) -> Markup:
    """Return the `<li>` of each quote or claim, linking to its place from a page at `root`."""
    esc = escape_output
    at = esc(root)
    out = ["\n"]
    for p in items:
        doc = p.article.doc
        kind, href = esc(p.kind), at + esc(p.href)
        text = esc(p.text) if p.kind == "claim" else f"“{esc(p.text)}”"
        date = f', <time datetime="{esc(doc.date)}">{esc(long_date(doc.date))}</time>' if doc.date else ""
        why = f'<span class="why">{esc(p.why)}</span>' if p.why else ""
        out.append(f'\n<li class="place place-{kind}{" editorial" if p.editorial else ""}">\n'
                   f'  <a class="place-text" href="{href}">{text}</a>\n'
                   f'  <span class="place-meta">\n'
                   f'    <span class="badge badge-{kind}">{esc(kind_label(p.kind))}</span>\n'
                   f'    in <a href="{href}">{esc(doc.heading)}</a>{date}\n'
                   f'    {why}\n'
                   f'    {_EDITORIAL if p.editorial else ""}\n'
                   f'  </span>\n</li>\n')
    out.append("\n")
    return Markup("".join(out))


_EDITORIAL = '<span class="badge badge-editorial">set by an editor</span>'

"""Remember who holds an office in one article, as a reader does.

Once "the prime minister" (or "the coach", "the club's manager") has been resolved to someone,
a later "the prime minister" is that person again, paragraphs later and whoever is named nearer,
unless the text names a new holder: a person whose roles give that office ("Israeli Prime
Minister Ariel Sharon"), mentioned since. The memory lives in `Context.offices` for one article.

Where the text gives no one the office, a reader's knowledge of who held it then decides
(`by_term`, from `offices.yaml`): "Later the prime minister said" beside "Mr Blair" is Blair.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.lexicon import load_data

if TYPE_CHECKING:
    from newsarchive.extract.attribution.context import Context

_Terms = dict[str, list[tuple[str, str, str]]]
_terms_cache: list[tuple[Lexicon, _Terms]] = []


def _terms(lex: Lexicon) -> _Terms:
    """Return `offices.yaml`'s holders: office → (name, from, to), read once a lexicon."""
    if not _terms_cache or _terms_cache[0][0] is not lex:
        holders = load_data("offices").get("holders") or {}
        terms = {str(office): [(str(n), str(a), str(b)) for n, a, b in rows]
                 for office, rows in holders.items()}
        _terms_cache[:] = [(lex, terms)]
    return _terms_cache[0][1]


def by_term(ctx: Context, paragraph: int, at: int, office: str, former: bool) -> list[str]:
    """Return the people named before (paragraph, at) who held `office` (`offices.yaml`): at the
    article's date where it has one, before it for "the former …"; with no date any who held it
    (for "the former …" any who left it)."""
    date = ctx.draft.doc.date or ""
    key = (paragraph, at)
    found: list[str] = []
    for full, start, end in _terms(ctx.lex).get(office, ()):
        if former:
            held = bool(end) and (not date or end <= date)
        else:
            held = not date or (start <= date and (not end or date < end))
        # (by the name in full, or by the surname alone where the text gives no more: "Mr Blair")
        name = full if full in ctx.genders else full.rsplit(" ", 1)[-1]
        if held and name in ctx.genders and name not in found \
                and mentioned_before(ctx, name, key) != (-1, -1):
            found.append(name)
    return found


def remember(ctx: Context, paragraph: int, at: int, office: str, person: str) -> None:
    """Record that the description of `office` at (paragraph, at) was resolved to `person`."""
    ctx.offices.setdefault(office, []).append((paragraph, at, person))


def holder(ctx: Context, paragraph: int, at: int, office: str, holders: list[str]) -> str | None:
    """Return the holder of `office` the text last spoke of before (paragraph, at): among the
    people it was resolved to before and `holders` (those whose roles give it), the one mentioned
    last; None where there is none."""
    key = (paragraph, at)
    last: dict[str, tuple[int, int]] = {}
    for p, offset, person in ctx.offices.get(office, ()):
        if (p, offset) < key:
            last[person] = max(last.get(person, (-1, -1)), (p, offset))
    best: str | None = None
    best_at = (-1, -1)
    for person in [*last, *holders]:
        seen = max(last.get(person, (-1, -1)), mentioned_before(ctx, person, key))
        if seen > best_at:
            best, best_at = person, seen
    return best


def mentioned_before(ctx: Context, name: str, key: tuple[int, int]) -> tuple[int, int]:
    """Return the (paragraph, start) of the last mention of `name` before `key`, or (-1, -1)
    (by bisection over the name's own mentions, listed once an article)."""
    if not ctx.mention_keys:
        for n in ctx.named:
            ctx.mention_keys.setdefault(n.name, []).append((n.paragraph, n.start))
    keys = ctx.mention_keys.get(name, [])
    i = bisect_left(keys, key)
    return keys[i - 1] if i else (-1, -1)

"""Decide whether a name candidate is a person, and collect the roles the text gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.extract.entities.classify import Piece
from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.lexicon import load_data

# ", a 22-year-old student", ", the head of the group", ", Twitter’s director of political advertising"
_APPOSITIVE = re.compile(r",\s+((?:an?|the|his|her|their|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}[’']s)\s"
                         r"[^,.;:“”\"()—–]{2,90}?)"
                         r"(?=\s*[,.;:)—–]|\s*$|\s+(?:says|said|told)\b)")
_GENERIC = frozenset(("any", "every", "each", "no", "some", "many", "most", "like", "other", "another"))
# Endings of words for peoples and other capitalised adjectives ("Palestinian", "Taiwanese",
# "Kurdish", "Electric"); but "-vic" ends surnames ("Djokovic", "Milosevic"), see _SURNAME_ENDINGS.
_DEMONYM = ("ian", "ians", "ese", "ans", "ish", "ic")
_SURNAME_ENDINGS = ("vic", "vić", "ić")
# After "the", an epithet that a verb or a stop follows stands for someone, it is not their name:
# "the Dutchman said", "the Scot, who", "the Portuguese added".
# "the Dutchman", "the 24-year-old Swiss", "the former Scot": "the" and a few modifiers before an epithet
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z0-9][\w-]*\s+){0,3}$")
_EPITHET_AFTER = re.compile(r"\s*(?:[,.;:!?)]|[a-z]+(?:ed|s)\b|(?:said|told|wrote|spoke|who|has|was|is)\b)")
_AGE = re.compile(r",\s+(\d{1,3}),")
_DETERMINERS = frozenset(("a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "and", "by",
                          "with", "of", "to", "for", "as", "former", "said", "says", "told", "like",
                          "any", "every", "each", "no", "one", "another", "some", "many", "most", "other"))


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words the entity pass needs: speech verbs and the words allowed before them."""

    verbs: frozenset[str]
    between: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> Cues:
    data = load_data("cues")
    verbs = frozenset(str(v) for v in data.get("verbs") or () if " " not in str(v))
    return Cues(verbs, frozenset(str(v) for v in data.get("between") or ()))


def _words_before(text: str, start: int, n: int) -> list[str]:
    return text[max(0, start - 12 * n):start].split()[-n:]


def _last_words(text: str, start: int, n: int, k: int) -> list[str]:
    """Return the last `k` of `_words_before(text, start, n)`, without cutting up the rest."""
    return text[max(0, start - 12 * n):start].rsplit(None, k)[-k:]


# A closing quotation mark, then a dash, right before a name: the name is the quotation's credit.
_DASH_CREDIT = re.compile(r"[”\"’][.,]?\s*(?:—|―|–|--)\s*$")


def cue_adjacent(text: str, start: int, end: int) -> bool:
    """Return True where a speech verb stands right after the name or right before it."""
    cues = _cues()
    # "Nad said", and ", Sergey Shoigu, reportedly told" inside commas; but not "in Kharkiv, said
    # the paper", where the verb's holder follows it.
    tail = text[end:end + 40]
    if tail.startswith(",") and text[max(0, start - 2):start].strip() != ",":
        tail = ""
    after = tail.lstrip(",").split(None, 3)  # (the first three words: no need to cut the rest)
    for w in after[:3]:
        w = w.strip(",.:;")
        if w in cues.verbs:
            return True
        if w not in cues.between:
            break
    before = _last_words(text, start, 3, 2)
    if before and before[-1].strip(",") in cues.verbs:
        return True
    if _DASH_CREDIT.search(text, max(0, start - 6), start):
        return True  # "“…” ― Krystal Correa": a quotation credited by a dash
    return len(before) >= 2 and before[-2].lower() == "according" and before[-1] == "to"


def role_before(text: str, start: int, lex: Lexicon) -> str | None:
    """Return a role written just before a name ("foreign affairs correspondent", "Chechen leader")."""
    # Most names have no role word before them: the last word decides, so only it is cut out.
    tail = _last_words(text, start, 5, 1)
    if not tail:
        return None
    last = tail[0].rstrip(",")
    if last[:1].isupper():
        return None  # a capitalised role word is a title, weighed as one ("Star Wars" is no star)
    if last.lower() not in lex.roles and last.lower().rsplit("-", 1)[-1] not in lex.roles:
        return None
    words = _words_before(text, start, 5)
    role = [last]
    stop = ""
    for w in reversed(words[:-1]):
        if w.lower() in _DETERMINERS or w in lex.not_names or not w[-1:].isalnum() or len(role) >= 4:
            stop = w.lower()
            break
        role.insert(0, w)
    # "like any leader, Putin": a generic noun, not this person's role.
    return None if stop in _GENERIC else " ".join(role)


def appositive(text: str, end: int, lex: Lexicon) -> str | None:
    """Return a description set after a name between commas (", a 31-year-old poet,")."""
    if not text.startswith(",", end):
        return None  # both patterns start with a comma; most names have none after them
    m = _APPOSITIVE.match(text, end)
    if m is None:
        age = _AGE.match(text, end)
        return f"aged {age.group(1)}" if age else None
    phrase = m.group(1)
    words = [w.strip(",").lower() for w in phrase.split()]
    if any("year-old" in w for w in words) or any(w in lex.roles for w in words[:7]):
        return phrase
    return None


def person_roles(piece: Piece, text: str, title_before: str | None, lex: Lexicon) -> tuple[bool, list[str]]:
    """Return whether the text shows the candidate is a person, and the roles it gives them."""
    roles: list[str] = []
    strong = False
    if piece.title:
        words = [t.rstrip(".") for t in piece.title]
        if len(words) == 1:
            words = [lex.titles.get(words[0], words[0])]
        roles.append(" ".join(words))
        # "General Election" is no person: a title that is also a common word needs a name after it.
        # A capitalised role word is a weak title too: "Star Wars", "King Kong", "Coach Carter".
        plain = [t.rstrip(".") for t in piece.title]
        titled = any(t not in lex.weak_titles and t in lex.titles for t in plain)
        strong = titled or len(piece.words) >= 2 or piece.words[0] in lex.given
    if piece.honorific:
        strong = True
    if title_before:
        roles.append(title_before)
        strong = True
    first = piece.words[0] if piece.words else ""
    # The rejections first: they need no look at the text around the name.
    if all(w.isupper() and len(w) > 1 for w in piece.words):
        return False, []  # "IADB", "ECLAC": acronyms name bodies, not people
    if len(piece.words) == 1 and first.endswith(_DEMONYM) and not first.endswith(_SURNAME_ENDINGS) \
            and first not in lex.given:
        return False, []  # "Palestinian", "Taiwanese": a people, not a person
    if len(piece.words) == 1 and not (piece.title or piece.honorific) and lex.is_epithet(first) \
            and _THE_BEFORE.search(text, max(0, piece.start - 40), piece.start) \
            and _EPITHET_AFTER.match(text, piece.end):
        return False, []  # "the Dutchman said": an epithet
    named = len(piece.words) >= 2 and first in lex.given
    if any(w in lex.not_names for w in piece.words[1:]) and not (strong or named):
        return False, []
    if len(piece.words) == 1 and first in lex.not_names:
        return False, []
    before = role_before(text, piece.start, lex)
    if before:
        roles.append(before)
    after = appositive(text, piece.end, lex)
    if after:
        roles.append(after)
    # ", who …" follows people; bodies take "which".
    who = text.startswith(", who ", piece.end)
    evidence = strong or named or who or bool(before or after) or cue_adjacent(text, piece.start, piece.end)
    return evidence, [r for r in roles if r]


def gender(forms: set[str] | list[str], lex: Lexicon) -> str | None:
    """Return "female"/"male" from a person's forms (given name or honorific), None if unknown."""
    for form in forms:
        first = form.split(" ", 1)[0].rstrip(".")
        g = lex.gender(first)
        if g:
            return g
    return None

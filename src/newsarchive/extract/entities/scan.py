"""Find runs of capitalised words (name candidates) in a paragraph, split where names end."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.extract.entities.lexicon import Lexicon

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
# Lower-case words that may stand inside one name: "Carnegie Endowment for International Peace",
# "Ursula von der Leyen", "Bashar al-Assad", the Italian "dello" ("Corriere dello Sport"), the Welsh
# "ap" and "ab" ("son of": "Rhun ap Iorwerth").
# The Portuguese "do" too ("São Félix do Xingu", "Rio Grande do Sul"), but not after a word that is
# no name, as the English verb stands ("How do Democrats …", "They do Not …": `_english_do`).
CONNECTORS = ("of", "for", "the", "and", "&", "on", "de", "da", "di", "del", "della", "der", "den", "van",
              "von", "bin", "bint", "binti", "ibn", "al", "el", "la", "le", "du", "do", "dos", "das", "ter",
              "ten", "y", "dela", "delos", "los", "las", "ap", "ab", "dello", "delle", "degli")
JOINING = frozenset(("of", "for", "the", "and", "&", "on"))
"""Connectors that join two names into a body's name, never inside a person's name."""
POSSESSIVE = ("’s", "'s", "’", "'")
_CONNECTOR_SET = frozenset(CONNECTORS)
NAME_PARTICLES = _CONNECTOR_SET - JOINING
"""Connectors that open a surname of more than one word ("de Vabres", "Al Mansoori", "van Gaal")."""
PATRONYMICS = frozenset(("bin", "ibn", "bint", "binti", "ben"))
"""Words that join an Arabic, Malay or Hebrew name's parts: "son of", "daughter of"."""


# (init=False and an __init__ of our own: mypyc compiles it, and makes one per object far faster
# than the __init__ dataclasses writes, which runs as Python.)
@dataclass(slots=True, init=False)
class Run:
    """A run of capitalised words: a name candidate, with where it stands."""

    paragraph: int
    start: int
    end: int
    words: list[str]
    """The words, connectors included, possessive endings removed."""
    offsets: list[int]
    """Start offset of each word in the paragraph."""
    initial: bool
    """True where the run starts a sentence (so its first word may be capitalised for that reason)."""
    possessive: bool
    text: str
    """The words joined by single spaces (`split_run`'s key for how such a run splits)."""

    def __init__(self, paragraph: int, start: int, end: int, words: list[str], offsets: list[int],
                 initial: bool, possessive: bool = False, text: str | None = None) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.words = words
        self.offsets = offsets
        self.initial = initial
        self.possessive = possessive
        # (`text`: the words already joined, the match itself where no word was split off)
        self.text = " ".join(words) if text is None else text


@lru_cache(maxsize=8)
def _run_re(abbrevs: frozenset[str], ascii: bool = False) -> re.Pattern[str]:
    """Return the runs' pattern; with `ascii`, one for ASCII text only (its capitals "A-Z", its
    "\\w" ASCII's: the same matches there, ~0.84x the instructions)."""
    upper = "A-Z" if ascii else UPPER
    dot = _abbreviation_ahead(abbrevs)
    # (sre enters a group under "*" or "?" through a repeat context it allocates each time, even
    # where the group's first character cannot match, but passes over a branch that opens with a
    # character it does not find: so a group that is mostly absent is written "(?:X…|)", its
    # first repetition taken out, "X*" as "(?:XX*|)": the same matches in the same order, ~8 %
    # fewer instructions over the BBC paragraphs)
    rest = rf"[\w]*(?:[’'\-&](?:(?<=&)[{upper}]\w*|(?<=[’'\-])[\w]+)(?:[’'\-][\w]+|&[{upper}]\w*)*|)[’']?"
    prefixed = rf"(?:al-|el-|d[’'])[{upper}][\w]*(?:[’'\-][\w]+)*[’']?"
    joins = "(?:" + "|".join(re.escape(c) for c in CONNECTORS) + ")[ \u00a0]"
    # Every word is its capital and then `word`, so the pattern opens with a character class and
    # the engine skips to capitals (a pattern opening with a look-ahead is tried at every
    # character: 1.4x slower over the BBC paragraphs, same matches). What follows the capital is
    # told apart by look-behinds: which capital an abbreviation starts with (one look-behind per
    # letter, not per abbreviation), and for the first word the character before it.
    by_letter: dict[str, list[str]] = {}
    for a in sorted(abbrevs, key=len, reverse=True):
        if a:
            by_letter.setdefault(a[0], []).append(re.escape(a[1:]))
    rests = "|".join(rf"(?<={re.escape(c)})(?:{'|'.join(group)})" for c, group in sorted(by_letter.items()))
    # (an abbreviation is no initial before another: "M.A. Siddique" is no "M." honorific and an
    # "A."; the look-ahead is tried only where an abbreviation matched, so common words pay nothing)
    word = rf"(?:{dot}(?:{rests})\.(?![{upper}]\.)|\.(?:[{upper}]\.)*|{rest})"
    # (a capital after a straight single mark opens a word only where no letter stands before the
    # mark: "Desmond 'Bigga' Lewis", not the "Brien" of "O'Brien")
    head = rf"[{upper}](?<![\w’\-.](?s:.))(?<![\w.]'(?s:.)){word}"
    more = rf"[ \u00a0](?:{joins}(?:{joins})*|)(?:[{upper}]{word}|{prefixed})"
    return re.compile(rf"{head}(?:{more}(?:{more})*|)", re.ASCII if ascii else 0)


def _abbreviation_ahead(abbrevs: frozenset[str]) -> str:
    """Return a look-ahead that holds wherever an abbreviation and its full stop follow (at its
    first letter, or right after it), or "" where the abbreviations are of other shapes.

    Only a word whose letters run up to a full stop can be an abbreviation of one word, and one of
    several words ("Tan Sri", "Datuk Seri") is a word and its later words, all known: the look-ahead
    spares the engine trying each abbreviation (or each capital's look-behind) at every other word
    (the capitalised-run scan ~0.8x over the BBC paragraphs, same matches; without the later words
    named, no look-ahead at all, ~1.17x the instructions; one allowing any second word, ~1.37x).
    """
    if not all(re.fullmatch(r"\w+(?: \w+)*", a) for a in abbrevs):
        return ""
    later = sorted({re.escape(a.split(" ", 1)[1]) for a in abbrevs if " " in a}, key=len, reverse=True)
    if not later:
        return r"(?=\w*\.)"
    # (possessive: sre would otherwise try the branch again at every letter of the word)
    return rf"(?=\w*+(?:\.|\ (?:{'|'.join(later)})\.))"


_STARTERS = frozenset(".!?:;“‘\"([")

_BULLETS = frozenset("-–—•*")
"""Marks that open a list item: the word after one, where it opens the paragraph, opens a sentence."""


def initial_at(text: str, start: int) -> bool:
    """Return True where `start` opens a sentence (or a quotation, or a bracket)."""
    # The last character but spaces of the four before `start`, read in place (a slice of them
    # and its `rstrip` were two strings made for every run of capitals).
    end = min(start, len(text))
    lo = min(max(0, start - 4), end)
    at = end
    while at > lo and text[at - 1].isspace():
        at -= 1
    if at == lo:  # (nothing but spaces there)
        return initial_at(text, start - 4) if start >= 4 else True
    last = text[at - 1]
    if last in _STARTERS:
        return True
    if last in _BULLETS and not text[:start].rstrip()[:-1].strip():
        return True  # "- Shippers say the charges …": a list item's first word opens a sentence
    return last in "\"”’)" and at - lo > 1 and text[at - 2] in ".!?"


_CONTRACTION = re.compile(r"[A-Z][a-z]*[’'](?:d|m|ll|ve|re|t)")


def find_runs(text: str, paragraph: int, lex: Lexicon,
              capitalised: list[tuple[int, str]] | None = None) -> list[Run]:
    """Return the name candidates in one paragraph's text, split at possessives.

    `capitalised`: filled with every run of capitals found, where it starts and its text, before
    any is dropped or split (the entities pass looks for the countries among them).
    """
    runs: list[Run] = []
    cut = False
    skip = lex.not_names
    bodies = lex.bodies
    for m in _run_re(lex.abbrevs, text.isascii()).finditer(text):  # (isascii: O(1), str knows it)
        start, end = m.span()  # (one method call on the match, not one for each of these)
        found = text[start:end]
        if capitalised is not None:
            capitalised.append((start, found))
        if found in skip and found not in bodies and found not in lex.cue_surnames \
                and not (found in lex.given and kin_named(text, start, end, lex)):
            continue  # (a lone place word that is a surname too is looked at: "Park told reporters")
        apostrophe = "’" in found or "'" in found
        if apostrophe and found[-1] in "dmelt" and _CONTRACTION.fullmatch(found):
            continue  # "I’d", "We’re", "Don’t" open sentences inside quotations; no one's name
        pos = start
        joined = found.replace("\u00a0", " ") if "\u00a0" in found else found
        raws = joined.split(" ")
        if len(raws) > 1 and ("do" in raws or "Ma." in raws):
            cut = True  # (a "do" or a "Ma." to look at: `_english_do`, `_maria`)
        if not apostrophe:
            # No apostrophe, so no possessive to split at (most runs): one run of all the words.
            # It starts and ends with a capitalised word, so there is no connector to trim.
            offsets: list[int] = []
            for raw in raws:
                offsets.append(pos)
                pos += len(raw) + 1
            runs.append(Run(paragraph, start, start + len(found), raws, offsets, initial_at(text, start),
                            text=joined))
            continue
        words: list[str] = []
        offsets = []
        last = len(raws) - 1
        for i, raw in enumerate(raws):
            words.append(raw)
            offsets.append(pos)
            pos += len(raw) + 1
            if raw.endswith(POSSESSIVE) and len(raw) > 2 and raw not in ("O’", "O'") \
                    and not (i < last and raw[-2] == "s"
                             and (raws[i + 1] in lex.org_heads
                                  or (i + 1 < last and raws[i + 2] in lex.org_heads))
                             and raw[:-1] not in lex.org_heads
                             and " ".join([*words[:-1], raw[:-1]]).removeprefix("The ") not in lex.bodies
                             and not any(w in lex.org_heads for w in words)):
                # (a plural's apostrophe before a body's head word is inside its name:
                # "British Bankers' Association", "Musicians' Union", one word before the head
                # too: "Nigeria Employers' Consultative Association"; not after a body's own
                # name: "Wave Systems' Embassy", "the Court of Appeals' Board")
                base = raw[:-2] if raw.endswith(("’s", "'s")) else raw[:-1]
                words[-1] = base
                _emit(runs, text, paragraph, words, offsets, possessive=True)
                words, offsets = [], []
        _emit(runs, text, paragraph, words, offsets, possessive=False)
    if cut:
        runs = _maria(_english_do(runs, text, lex), text, lex)
    if len(runs) >= 3 and ("\"" in text or "“" in text or "‘" in text or " '" in text):
        return _nicknamed(runs, text, lex)
    return runs


_NO_RUN_AFTER = "._&"
"""Characters a run of capitals does not start right after (or, "&", goes on after inside a word:
"AT&T"), though a country's name may ("said.Russia", "Russia&Ukraine")."""


def country_matches(text: str, capitalised: list[tuple[int, str]], lex: Lexicon) -> list[re.Match[str]]:
    """Return the matches of `lex.country` in `text`, as its `finditer` does, trying it only where a
    word of the runs of capitals `find_runs` found (`capitalised`) is a country's first word, or a
    capital follows a character of `_NO_RUN_AFTER` (a scan of its own over every paragraph cost
    3 % of extraction's instructions)."""
    country = lex.country
    words = lex.country_words
    if country is None:
        return []
    if not words:
        return list(country.finditer(text))  # (names of other shapes: `lexicon._country_words`)
    starts: list[int] = []
    for start, found in capitalised:
        if found.isalnum():  # (one word of letters, most runs: one test for space, "&" and all)
            if found in words:
                starts.append(start)
            continue
        pos = start
        for word in found.split():  # (a run's words stand apart by one space or no-break space)
            if word in words or "&" in word:
                starts.append(pos)
            pos += len(word) + 1
    extra = False
    for mark in _NO_RUN_AFTER:
        at = text.find(mark)
        while at >= 0:
            if text[at + 1:at + 2].isupper():
                starts.append(at + 1)
                extra = True
            at = text.find(mark, at + 1)
    if extra:
        starts.sort()
    matches: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue  # inside the last match, as the scan goes on after it
        m = country.match(text, start)
        if m is not None:
            matches.append(m)
            end = m.end()
    return matches


_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)\s([a-z]+),\s$")


def kin_named(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Return True where a word that is a given name and a common word stands between commas
    after a possessive and a word for someone ("His wife, June, runs the ticket booth"): her name."""
    if text[end:end + 1] != ",":
        return False
    m = _KIN_BEFORE.search(text, max(0, start - 24), start)
    return m is not None and m.group(1) in lex.roles and m.group(1) not in lex.shared_roles


def _english_do(runs: list[Run], text: str, lex: Lexicon) -> list[Run]:
    """Return the runs cut at each "do" after a word that is no name, the English verb ("How do
    Democrats …"), not the Portuguese "of the" ("São Félix do Xingu"); a word left alone that is
    no name is dropped, as `find_runs` drops it."""
    out: list[Run] = []
    for run in runs:
        words, offsets = run.words, run.offsets
        cut = 0
        for k in range(1, len(words) - 1):
            if words[k] == "do" and words[k - 1] in lex.not_names:
                if not (k - cut == 1 and words[cut] in lex.not_names):
                    out.append(Run(run.paragraph, offsets[cut], offsets[k - 1] + len(words[k - 1]),
                                   words[cut:k], offsets[cut:k], initial_at(text, offsets[cut])))
                cut = k + 1
                while cut < len(words) - 1 and words[cut] in _CONNECTOR_SET:
                    cut += 1  # ("Why do the Clintons …": "the" opens no name)
        if cut == 0:
            out.append(run)
        elif not (cut + 1 == len(words) and words[cut] in lex.not_names):  # (not "I" of "How do I look?")
            out.append(Run(run.paragraph, offsets[cut], run.end, words[cut:], offsets[cut:],
                           initial_at(text, offsets[cut]), run.possessive))
    return out


def _maria(runs: list[Run], text: str, lex: Lexicon) -> list[Run]:
    """Return the runs cut after each "Ma." that is no Filipino name's "María" (between a given
    name and a surname, "Sen. Jose Ma. Abad", or before a given name, "Ma. Lourdes Sereno"): a
    surname that ends a sentence, "… said Jack Ma. The company …", ends the name there."""
    out: list[Run] = []
    for run in runs:
        words, offsets = run.words, run.offsets
        k = words.index("Ma.") if "Ma." in words else -1
        if k < 0 or (k + 1 < len(words) and words[k + 1] not in lex.not_names
                     and (words[k + 1] in lex.given if k == 0
                          else words[k - 1] in lex.given and words[k + 1] not in lex.places)):
            out.append(run)
            continue
        words = [*words[:k], "Ma"]
        out.append(Run(run.paragraph, run.start, offsets[k] + 2, words, offsets[:k + 1], run.initial,
                       run.possessive and k + 1 == len(run.words)))
        if k + 1 < len(run.words) and not (k + 2 == len(run.words) and run.words[-1] in lex.not_names):
            out.append(Run(run.paragraph, offsets[k + 1], run.end, run.words[k + 1:], offsets[k + 1:],
                           initial_at(text, offsets[k + 1]), run.possessive))
    return out


_NICK_OPEN = frozenset((' "', " “", " ‘", " '"))
_NICK_CLOSE = frozenset(('" ', "” ", "’ ", "' "))
"""The marks round a nickname inside a name, double or single ("Desmond 'Bigga' Lewis")."""


def _nicknamed(runs: list[Run], text: str, lex: Lexicon) -> list[Run]:
    """Return the runs with a name whose nickname stands in quotation marks inside it made one:
    'Ferdinand "Bongbong" Marcos Jr.', 'Francis “Chiz” Escudero' (the nickname is left out)."""
    out: list[Run] = []
    i = 0
    while i < len(runs):
        if i + 2 < len(runs):
            a, nick, b = runs[i], runs[i + 1], runs[i + 2]
            if (text[a.end:nick.start] in _NICK_OPEN and text[nick.end:b.start] in _NICK_CLOSE
                    # (a name's given names before it, after a list's "and": "Milt Jackson and David",
                    # not a headline's words: "Norbert Leo Butz Is Ready To Go 'Crazy' In Season 2")
                    and len(nick.words) <= 2 and _last_name_words(a.words) <= 4 and not a.possessive
                    # (a closing single mark reads as a plural's possessive: "‘Bigga’ Lewis")
                    and (not nick.possessive or text[a.end:nick.start] in (" ‘", " '"))
                    and a.words[-1] not in lex.not_names and b.words[0] not in lex.not_names
                    and a.words[-1][-1:].isalpha()):
                out.append(Run(a.paragraph, a.start, b.end, [*a.words, *b.words], [*a.offsets, *b.offsets],
                               a.initial, b.possessive))
                i += 3
                continue
        out.append(runs[i])
        i += 1
    return out


def _last_name_words(words: list[str]) -> int:
    """Return how many words a run has after its last word in lower case ("and", "of")."""
    for k in range(len(words) - 1, -1, -1):
        if words[k][:1].islower():
            return len(words) - k - 1
    return len(words)


def _emit(runs: list[Run], text: str, paragraph: int, words: list[str], offsets: list[int],
          possessive: bool) -> None:
    while words and words[0].lower() in _CONNECTOR_SET and words[0][:1].islower():
        words, offsets = words[1:], offsets[1:]
    while words and words[-1] in _CONNECTOR_SET:
        words, offsets = words[:-1], offsets[:-1]
        possessive = False
    if not words:
        return
    start = offsets[0]
    initial = initial_at(text, start)
    runs.append(Run(paragraph, start, offsets[-1] + len(words[-1]), list(words), list(offsets), initial,
                    possessive))

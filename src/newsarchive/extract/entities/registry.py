"""Gather mentions under canonical names: the fullest form of a person's name, a body's own name."""

from __future__ import annotations

from collections.abc import Callable

from newsarchive.extract.draft import EntityDraft
from newsarchive.extract.entities.scan import JOINING, NAME_PARTICLES, PATRONYMICS
from newsarchive.lexicon import load_data, load_words
from newsarchive.records import Mention, Span


class Registry:
    """The entities of one article, keyed by canonical name, with short forms folded in."""

    def __init__(self, given_names: frozenset[str] = frozenset(),
                 surnames_first: frozenset[str] = frozenset(),
                 gender_of: Callable[[str], str | None] | None = None) -> None:
        self.given_names = given_names
        self.gender_of = gender_of
        """A given name's or an honorific's gender: "Mr Clinton" is the Clinton who is a man."""
        self.surnames_first = surnames_first
        """Surnames that open a name ("Lim Boon Hock"): "Mr Lim" is that person."""
        """A lone word folds into a full name by its first word only if it is a given name:
        "Jaroslav" may be Jaroslav Nad, but "Obama" is not "Obama Speech" (a title-case caption)."""
        self.entities: dict[str, EntityDraft] = {}
        self._last_seen: dict[str, int] = {}
        self._clock = 0
        self._by_word: dict[str, set[str]] = {}
        """First and last word → canonical names of people, so a short form is found without a scan."""
        self._by_paternal: dict[str, set[str]] = {}
        """A Spanish name's first surname → the people of that full name (`_paternal`)."""
        self._bodies_by_last: dict[str, set[str]] = {}
        """Last word → names of bodies of two words or more ("United" → Manchester United)."""
        self._bodies_by_first: dict[str, set[str]] = {}
        """First word → names of bodies of two words ("Qwest" → Qwest Communications)."""

    def add_body(self, name: str, kind: str, form: str, span: Span, roles: list[str]) -> str:
        """Record a mention of an outlet or organisation and return its canonical name."""
        entity = self.entities.get(name)
        if entity is None:
            entity = self.entities[name] = EntityDraft(name, "outlet" if kind == "outlet" else "organisation")
        if " " in name:
            words = name.split(" ")
            self._bodies_by_last.setdefault(words[-1], set()).add(name)
            if len(words) == 2 or (len(words) == 3 and words[1] not in JOINING):
                # ("Meadowbrook" after "Meadowbrook Senior Living", "Ford" after "Ford Motor Company")
                self._bodies_by_first.setdefault(words[0], set()).add(name)
        self._note(entity, form, span, roles)
        return name

    def bodies_ending(self, word: str) -> list[EntityDraft]:
        """Return the bodies of two words or more whose name ends in `word`, and those of two or
        three words (no "of", "and", …) that start with it, in name order."""
        last, first = self._bodies_by_last.get(word), self._bodies_by_first.get(word)
        if last is None and first is None:
            return []
        names = (last or set()) | (first or set())
        found = [self.entities.get(name) for name in sorted(names)]
        return [e for e in found if e is not None and e.kind != "person"]

    def find_person(self, words: list[str], form: str = "") -> str | None:
        """Return the canonical name a (possibly short) form of a person's name refers to; `form`,
        the words as written, tells one of two people sharing a surname from the other ("Lazar",
        "Mrs Lazar")."""
        best: str | None = None
        best_seen = -1
        # (Most forms: neither word known, and no set is made. The names' last sightings are all
        # different, so the order they are looked at in does not change the answer.)
        first, last = self._by_word.get(words[0]), self._by_word.get(words[-1])
        if len(words) == 2 and first is not None and last is not None and words[0] in first \
                and self._kin_alone(words[0], first):
            # "Mr Begg's father, Azmat, said …" then "Azmat Begg": the father, not "Mr Begg", his
            # son, though that one's surname matches too
            return words[0]
        if first is None:
            if last is None:
                return self._by_first_surname(words[0]) if len(words) == 1 else None
            names = last
        elif last is None or last is first:
            names = first
        else:
            names = first | last
        for name in names:
            if name not in self.entities:
                continue
            seen = self._last_seen.get(name, -1)
            if seen > best_seen \
                    and _same_person(name.split(" "), words, self.given_names, self.surnames_first):
                best, best_seen = name, seen
        if form and best is not None and len(words) == 1 and len(names) > 1:
            best = self._which_of(words[0], form, names, best)
        if best is None and len(words) == 1 and first is not None:
            # "Ozzy" after "Ozzy Osbourne", "Jamelia" after "Jamelia Davis": a word no list holds
            # as a given name that opens one two-word name and ends none; or one three-word name, as
            # an Ethiopian's given name stands for it ("Dr Tesfaye" after "Tesfaye Alemu Gebremariam")
            word = words[0]
            named = [name for name in first if name in self.entities and self.entities[name].kind == "person"]
            # (a listed given name opens only a two-word name so: "his father, Rafael," is not
            # "Rafael Edward Cruz", his son's full name)
            longest = 1 if word in self.given_names else 2
            openers = [name for name in named
                       if name.startswith(word + " ") and 1 <= name.count(" ") <= longest]
            if len(openers) == 1 and not any(name.endswith(" " + word) for name in named):
                return openers[0]
        if best is None and len(words) == 2 and first is not None and words[0] in first \
                and self._kin_alone(words[0], first):
            # "His brother, Freddy, …" then "Freddy Trump": a given name named alone as someone's
            # kin opens the two-word name that follows it (not a surname alone: "Obama" before
            # "Obama Speech")
            return words[0]
        return best

    def _kin_alone(self, word: str, names: set[str]) -> bool:
        """Return True where `word` is a person named alone as someone's kin ("his father,
        Azmat,") and ends none of `names`, the people whose name holds it."""
        entity = self.entities.get(word)
        return entity is not None and entity.kind == "person" \
            and any(role.rsplit(" ", 1)[-1] in _KIN for role in entity.roles) \
            and not any(name.endswith(" " + word) for name in names)

    def _by_first_surname(self, word: str) -> str | None:
        """Return the one person whose Spanish name's first surname `word` is ("Ferrández" after
        "Lucía Ferrández Ortega"), or None."""
        holders = self._by_paternal.get(word)
        if holders is None:
            return None
        known = [name for name in holders if name in self.entities]
        return known[0] if len(known) == 1 else None

    def _which_of(self, word: str, form: str, names: set[str], best: str) -> str:
        """Return whom a lone surname stands for where two people share it: after a gendered
        honorific the one it fits ("Mr. Clinton" is Bill, "Mrs. Clinton" Hillary, whoever was named
        last); written alone, the one the text is about, named most so far ("Lazar stored …" is
        Marcel Lehel Lazar, named seven times, not his wife Gabriela, named once and last); else
        the last named (`best`)."""
        sharing = [name for name in names if name in self.entities and self.entities[name].kind == "person"
                   and " " in name
                   and _same_person(name.split(" "), [word], self.given_names, self.surnames_first)]
        if len(sharing) < 2:
            return best
        if " " in form:  # (an honorific or a title before the surname; "Lazar's" is the surname alone)
            gender_of = self.gender_of
            wanted = gender_of(form.split(" ", 1)[0].rstrip(".")) if gender_of is not None else None
            if wanted is None or gender_of is None:
                # "President Clinton" after "Mrs. Clinton": the one who held the office, as a reader
                # knows (not by the roles given so far: those came from this title's last guess)
                held = _held(form.split(" ", 1)[0].rstrip(".").lower())
                holding = [name for name in sharing if name in held]
                return holding[0] if len(holding) == 1 else best
            fits = [name for name in sharing if gender_of(name.split(" ", 1)[0]) == wanted]
            return fits[0] if len(fits) == 1 else best
        unrelated = [name for name in sharing if not _kin_of_another(self.entities[name].roles)]
        if len(unrelated) == 1 and len(sharing) > 1:
            # "Eric Trump, son of the Republican presidential front-runner, …" then "Trump said
            # Friday": the one the text gives as someone's kin is named in full; alone, the surname
            # is the other's
            return unrelated[0]
        counts = sorted(((len(self.entities[name].mentions), name) for name in sharing), reverse=True)
        return counts[0][1] if counts[0][0] > counts[1][0] else best

    def add_titled_given(self, word: str, title: str, form: str, span: Span) -> str | None:
        """Record "Prince Saud" as a mention of the person already named "Prince Saud Al-Faisal":
        a royal's title with the given name alone; None (nothing recorded) where no such person
        with that title is known."""
        for name in sorted(self._by_word.get(word, ())):
            entity = self.entities.get(name)
            if entity is not None and name.split(" ", 1)[0] == word \
                    and any(title in role.split() for role in entity.roles):
                self._note(entity, form, span, [])
                return name
        return None

    def add_person(self, words: list[str], form: str, span: Span, roles: list[str]) -> str:
        """Record a mention of a person, folding it into an earlier fuller or shorter form."""
        name = " ".join(words)
        known = self.find_person(words, form)
        if known is None:
            entity = self.entities[name] = EntityDraft(name, "person")
        else:
            entity = self.entities[known]
            if len(words) > len(known.split(" ")) and len(words) > 1:
                # A fuller form becomes the canonical name; the shorter stays an alias.
                del self.entities[known]
                self._last_seen.pop(known, None)
                entity.aliases.add(known)
                entity.name = name
                self.entities[name] = entity
        entity.aliases.add(name)
        parts = entity.name.split(" ")
        for word in (parts[0], parts[-1]):
            self._by_word.setdefault(word, set()).add(entity.name)
        known_as = _known_as(parts) if parts[-1] not in _GENERATIONS or len(parts) < 3 else parts[-2]
        paternal = _paternal(parts, self.given_names)
        if paternal is not None:
            self._by_paternal.setdefault(paternal, set()).add(entity.name)
        if known_as is not None:
            self._by_word.setdefault(known_as, set()).add(entity.name)
        self._note(entity, form, span, roles)
        return entity.name

    def _note(self, entity: EntityDraft, form: str, span: Span, roles: list[str]) -> None:
        entity.aliases.add(form)
        entity.mentions.append(Mention(span, form))
        for role in roles:
            if role not in entity.roles:
                entity.roles.append(role)
        self._clock += 1
        self._last_seen[entity.name] = self._clock


_KIN = frozenset(("father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "widow",
                  "grandson", "granddaughter", "uncle", "aunt", "nephew", "niece", "cousin"))
"""Words for someone's kin that name a person by the given name alone ("his brother Freddy")."""


def _held(office: str) -> frozenset[str]:
    """Return the names of those who held an office (`offices.yaml`'s holders), at any time."""
    rows = (load_data("offices").get("holders") or {}).get(office) or ()
    return frozenset(str(row[0]) for row in rows)


def _kin_of_another(roles: list[str]) -> bool:
    """Return True where a role gives the person as someone's kin ("son of the front-runner",
    "his wife")."""
    return any(role.split(" ", 1)[0] in _KIN or role.rsplit(" ", 1)[-1] in _KIN for role in roles)


def _same_person(known: list[str], words: list[str], given_names: frozenset[str],
                 surnames_first: frozenset[str] = frozenset()) -> bool:
    """Return True where two forms of a name can be one person ("Nad" ~ "Jaroslav Nad")."""
    if known == words:
        return True
    if len(words) == 1 or len(known) == 1:
        short, full = (words, known) if len(words) == 1 else (known, words)
        # ("Sheikh Hamdan" after "Sheikh Hamdan bin Rashid Al Nuaimi": an Arabic name's given name)
        # ("Mr Lim" after "Lim Boon Hock": a surname written first)
        # ("Marcos" after "Ferdinand Marcos Jr": the surname before a generation)
        surname = full[-2] if len(full) >= 3 and full[-1] in _GENERATIONS else full[-1]
        return short[0] in (full[-1], surname) or (short[0] == full[0] and (
            (len(full) == 2 and short[0] in given_names) or full[1] in PATRONYMICS
            or (len(full) == 3 and short[0] in surnames_first
                and full[2][1:].islower() and len(full[2]) <= 5))) \
            or (len(full) >= 5 and short[0] == _known_as(full))
    short, full = (words, known) if len(words) < len(known) else (known, words)
    if len(short) < len(full) and full[len(short)] in PATRONYMICS and full[:len(short)] == short:
        return True  # ("Ahmad Zulkifli" after "Ahmad Zulkifli bin Hamzah": a name's own part, before "bin")
    if known[-1] != words[-1]:
        return False
    if len(words) < len(known) <= _LONGEST_NAME and known[-len(words) + 1:] == words[1:] \
            and known[-len(words)] in (words[0], words[0].lower()) \
            and (words[0].lower() in NAME_PARTICLES or words[0] not in given_names):
        # "Al Mansoori" after "Abdullah bin Khalid Al Mansoori", "Ramírez Ochoa" after "Claudia
        # Ramírez Ochoa" (two surnames), "De la Garza" opening a sentence after "María … de la Garza";
        # not "Donald Trump", a name of its own, after a headline read as one long name
        return True
    # "Paul Ryan" ~ "Paul D. Ryan"; "Bill Clinton" is not "Hillary Clinton".
    a, b = known[0].rstrip("."), words[0].rstrip(".")
    # ("M. Marchetti" after "Aurélien Marchetti": "M." before a surname alone is French "Monsieur",
    # read as an initial; and the reverse)
    return a == b or (len(a) == 1 and b[:1] == a) or (len(b) == 1 and a[:1] == b) \
        or (len(known) == len(words) == 2 and "M." in (known[0], words[0]))


def _known_as(parts: list[str]) -> str | None:
    """Return the word a long Portuguese or Spanish name is known by on its own, the one before
    its particle after two given names: "Lula" of "Luiz Inácio Lula da Silva", "Ferreira" of "João
    Batista Ferreira dos Santos" (not a patronymic's: "Mohamed" of "Khaled bin Mohamed bin Zayed")."""
    for p in range(3, len(parts) - 1):
        if parts[p] in NAME_PARTICLES and parts[p] not in PATRONYMICS and parts[p].islower():
            return parts[p - 1]
    return None


def _paternal(parts: list[str], given_names: frozenset[str]) -> str | None:
    """Return the first of the two surnames a Spanish name ends with, by which it is known alone:
    "Ferrández" of "Lucía Ferrández Ortega", "Calvo" of "María Jesús Calvo Peñalver" (the given
    names before it listed, the word itself no given name: not "Luther" of "Martin Luther King")."""
    if not 3 <= len(parts) <= 4 or not all(p in given_names for p in parts[:-2]):
        return None
    word, last = parts[-2], parts[-1]
    if word in given_names or len(word) < 3 or not word[:1].isupper() or not word[1:].isalpha() \
            or word.lower() in NAME_PARTICLES or last in _GENERATIONS or not last[1:].isalpha() \
            or last.lower() in load_words("common_words"):
        return None  # (nor "Maddow" of "Rachel Maddow Show", a title read as a name)
    return word


_GENERATIONS = frozenset(("Jr", "Sr"))
"""A generation after a surname, as a name keeps it ("Ferdinand Marcos Jr")."""

_LONGEST_NAME = 5
"""Words in the longest full name a short form of two words or more may stand for."""

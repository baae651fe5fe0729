"""Every evidence link of the annotations, with where it was written: the input of the
scheduled link check (.github/workflows/links.yml, `python -m generator links`)."""

from __future__ import annotations

from typing import NamedTuple

from ..annotations.corpus import Corpus
from ..annotations.diagnostics import Location


class EvidenceLink(NamedTuple):
    url: str
    where: Location  # the `url` or `archived_url` value in its annotation file


def evidence_links(corpus: Corpus) -> list[EvidenceLink]:
    """Each evidence `url` and `archived_url` once per place it is written, by URL then place."""
    found: set[EvidenceLink] = set()
    for located in corpus.claims.values():
        for index, item in enumerate(located.entry.evidence):
            found.add(EvidenceLink(item.url, located.at("evidence", index, "url")))
            # The optional `archived_url` (format v1.1) may not be in the model yet.
            archived: str | None = getattr(item, "archived_url", None)
            if archived is not None:
                found.add(EvidenceLink(archived, located.at("evidence", index, "archived_url")))
    # By line and column as numbers: as text, line 10 would come before line 9.
    return sorted(found, key=lambda link: (link.url, link.where.file, link.where.line, link.where.col))


def link_lines(links: list[EvidenceLink], where: bool = False) -> str:
    """One URL a line, each once; with `where`, every place too: `URL<tab>path:line:col`."""
    if where:
        return "".join(f"{link.url}\t{link.where}\n" for link in links)
    return "".join(f"{url}\n" for url in dict.fromkeys(link.url for link in links))

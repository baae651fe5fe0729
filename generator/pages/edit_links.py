"""Links from each generated page to the YAML line that defines its entry.

A reader who spots a mistake should land on the exact line to change. The link is built
from the repository's address (`repo_url` in `mkdocs.yml`) and a branch; with no
`repo_url`, or a host whose URL scheme we do not know, there is no link: a guessed
address would send readers to a page that may not exist.

The file's path in the repository is its path relative to the folder of `mkdocs.yml`,
so this assumes `mkdocs.yml` sits at the repository's root (as it does here). `build --out`
reads no `mkdocs.yml` and so writes no links.
"""

from __future__ import annotations

from dataclasses import dataclass
from posixpath import normpath
from urllib.parse import quote, urlsplit

from ..annotations.corpus import Corpus
from ..site_map import urls
from ..translation.messages import Messages
from .markdown_text import escape

# host test -> how that host addresses a line of a file on a branch
_HOSTS: tuple[tuple[str, str], ...] = (
    ("github.com", "{repo}/blob/{branch}/{path}#L{line}"),
    ("gitlab", "{repo}/-/blob/{branch}/{path}#L{line}"),
    ("codeberg.org", "{repo}/src/branch/{branch}/{path}#L{line}"),
    ("bitbucket.org", "{repo}/src/{branch}/{path}#lines-{line}"),
)


def file_line_url(repo_url: str, branch: str, path: str, line: int) -> str | None:
    """The web address of `path` at `line` on `branch`, or None for an unknown host."""
    parts = urlsplit(repo_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return None
    clean = normpath(path)
    if clean.startswith(("../", "/")) or clean == "..":
        return None  # outside the repository: no address to give
    repo = repo_url.strip().rstrip("/").removesuffix(".git")
    host = parts.hostname.lower()
    for test, template in _HOSTS:
        if host == test or host.endswith("." + test) or (test == "gitlab" and "gitlab" in host.split(".")):
            url = template.format(repo=repo, branch=quote(branch, safe="/"), path=quote(clean, safe="/"), line=line)
            # The same safe set as pages.external_url: nothing that could end a Markdown link.
            return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")
    return None


def entry_lines(corpus: Corpus) -> dict[str, tuple[str, int]]:
    """Each entity page -> (the YAML file as shown in diagnostics, the line its entry starts on)."""
    found: dict[str, tuple[str, int]] = {}
    for kind in urls.SECTIONS:
        for entity_id, item in corpus.entities(kind).items():
            found[urls.entity_page(kind, entity_id)] = (item.file, item.marks.key_at(item.path).line)
    return found


@dataclass(frozen=True)
class EditLink:
    url: str
    file: str  # as diagnostics show it: `seeds/x.yaml`
    line: int


def edit_links(corpus: Corpus, repo_url: str | None, branch: str) -> dict[str, EditLink]:
    """Each entity page -> the address of its entry's line; empty without a repository."""
    if not repo_url:
        return {}
    links: dict[str, EditLink] = {}
    for page, (file, line) in entry_lines(corpus).items():
        url = file_line_url(repo_url, branch, file, line)
        if url is not None:
            links[page] = EditLink(url, file, line)
    return links


def footer(link: EditLink | None, msg: Messages) -> str:
    """The paragraph closing a page: where its annotation lives. Empty without a link."""
    if link is None:
        return ""
    # The line number as a file's line is named, not as a quantity: no digit grouping.
    text = msg._("Edit this annotation: {file}, line {line}", file=escape(link.file), line=link.line)
    return f"\n[{text}]({link.url}){{ .explainer-edit }}\n"

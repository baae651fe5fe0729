"""A `Review` as text: for a terminal, for a pull request (Markdown) and as JSON.

Names and titles come from the annotations, which are untrusted: the terminal gets them
with control characters made visible, Markdown gets them escaped (GitHub renders a step
summary's HTML), and links point only at the site's own pages under `site_url`.
"""

from __future__ import annotations

import json
from typing import Any

from ..annotations.diagnostics import Diagnostic, format_human, visible
from ..pages.markdown_text import escape
from ..site_map import urls
from .changes import Review

NOUNS = {"documents": ("article", "articles"), "people": ("person", "people"),
         "sources": ("source", "sources"), "claims": ("claim", "claims")}


def _count(n: int, kind: str) -> str:
    singular, plural = NOUNS[kind]
    return f"{n} {singular if n == 1 else plural}"


def _shown(page: str) -> str:
    """A page as its address in the site; the home page's is empty."""
    return urls.page_url(page) or "(home page)"


def _plain(text: str) -> str:
    return visible(" ".join(text.split()))


def _base(review: Review) -> str:
    return f"{review.ref} ({review.commit[:12]})"


def _errors(review: Review) -> str:
    n = review.errors
    return f"The annotations have {n} error{'s' if n != 1 else ''}; `python -m generator check` lists them.\n" if n else ""


def human(review: Review) -> str:
    out = [f"Compared with {_plain(_base(review))}:"]
    if review.empty:
        return out[0] + " no change to the annotations' pages, verdicts or problems\n" + _errors(review)
    for sign, entities, what in (("+", review.added, "added"), ("-", review.removed, "removed")):
        out += [f"  {sign} {what} {NOUNS[e.kind][0]} {e.id}: {_plain(e.name)}" for e in entities]
    out += [f"  ~ renamed {NOUNS[r.kind][0]} {r.old} -> {r.new}" for r in review.renamed]
    for v in review.verdicts:
        note = "with a correction" if v.corrected else "WITHOUT a correction"
        out.append(f"  verdict of {v.claim}: {v.old_label} -> {v.new_label} ({note})")
    out += [f"  changed claim {c.claim}: {', '.join(c.fields)}" for c in review.claims_changed]
    out += [f"  page added: {_shown(p)}" for p in review.pages_added]
    out += [f"  page removed: {_shown(p)}" for p in review.pages_removed]
    out += [f"  page redirected: {_shown(o)} -> {_shown(n)}" for o, n in review.pages_redirected]
    out += [f"  page changed: {_shown(p)}" for p in review.pages_changed]
    out += [f"  quote moved: {m.claim} in {m.document}, line {m.old[0]}:{m.old[1]} -> {m.new[0]}:{m.new[1]}" for m in review.quotes_moved]
    text = "\n".join(out) + "\n"
    if review.new_problems:
        text += f"New problems ({len(review.new_problems)}):\n" + format_human(review.new_problems)
    return text + _errors(review)


def _page_link(page: str, site_url: str | None) -> str:
    shown = f"`{_shown(page)}`"
    return f"[{shown}]({site_url}{urls.page_url(page)})" if site_url else shown


def _md(text: str) -> str:
    return escape(text)


def _problem_md(d: Diagnostic) -> str:
    return f"- {_md(str(d.location))}: {d.severity} `{d.code}`: {_md(visible(d.message))}"


def markdown(review: Review, site_url: str | None = None) -> str:
    """For a pull request's summary; links go to the published pages when `site_url` is known."""
    out = ["## What this change does to the site", "", f"Compared with {_md(review.ref)} (`{review.commit[:12]}`).", ""]
    if review.empty:
        out += ["No change to the annotations' pages, verdicts or problems.", ""]
    if review.verdicts:
        out += ["### Verdicts changed", "", "| Claim | Before | After | Correction |", "| --- | --- | --- | --- |"]
        for v in review.verdicts:
            page = _page_link(urls.entity_page("claims", v.claim), site_url)
            out.append(f"| {_md(v.name)} ({page}) | {_md(v.old_label)} | {_md(v.new_label)} | {'added' if v.corrected else '**missing**'} |")
        out.append("")
    for title, entities in (("Added", review.added), ("Removed", review.removed)):
        if entities:
            out += [f"### {title}", ""]
            out += [f"- {NOUNS[e.kind][0]} {_md(e.name)} ({_page_link(urls.entity_page(e.kind, e.id), site_url)})"
                    if title == "Added" else f"- {NOUNS[e.kind][0]} {_md(e.name)} (`{e.id}`)" for e in entities]
            out.append("")
    if review.renamed:
        out += ["### Renamed", ""]
        out += [f"- {NOUNS[r.kind][0]} {_md(r.name)}: `{r.old}` → {_page_link(urls.entity_page(r.kind, r.new), site_url)}" for r in review.renamed]
        out.append("")
    if review.claims_changed:
        out += ["### Claims changed", ""]
        out += [f"- {_md(c.name)} ({_page_link(urls.entity_page('claims', c.claim), site_url)}): {', '.join(c.fields)}"
                for c in review.claims_changed]
        out.append("")
    if review.pages_added or review.pages_removed or review.pages_redirected:
        out += ["### Pages", ""]
        out += [f"- added: {_page_link(p, site_url)}" for p in review.pages_added]
        out += [f"- removed: `{_shown(p)}`" for p in review.pages_removed]
        out += [f"- redirected: `{_shown(o)}` → {_page_link(n, site_url)}" for o, n in review.pages_redirected]
        out.append("")
    if review.pages_changed:
        # Often most of the site (a verdict shows on many listings): folded away.
        n = len(review.pages_changed)
        out += ["<details>", f"<summary>{n} page{'s' if n != 1 else ''} change</summary>", ""]
        out += [f"- {_page_link(p, site_url)}" for p in review.pages_changed]
        out += ["", "</details>", ""]
    if review.quotes_moved:
        out += ["### Quotes that moved in their text", ""]
        out += [f"- `{m.claim}` in `{m.document}`: line {m.old[0]}:{m.old[1]} → {m.new[0]}:{m.new[1]}" for m in review.quotes_moved]
        out.append("")
    if review.new_problems:
        out += [f"### New errors and notices ({len(review.new_problems)})", ""]
        out += [_problem_md(d) for d in review.new_problems]
        out.append("")
    if review.errors:
        out += [f"**{_errors(review).strip()}**", ""]
    return "\n".join(out)


def as_data(review: Review, site_url: str | None = None) -> dict[str, Any]:
    def page(p: str) -> dict[str, str]:
        url = urls.page_url(p)
        return {"page": p, "url": f"{site_url}{url}" if site_url else url}

    return {
        "base": {"ref": review.ref, "commit": review.commit},
        "errors": review.errors,
        "added": [{"kind": e.kind, "id": e.id, "name": e.name} for e in review.added],
        "removed": [{"kind": e.kind, "id": e.id, "name": e.name} for e in review.removed],
        "renamed": [{"kind": r.kind, "old": r.old, "new": r.new, "name": r.name} for r in review.renamed],
        "verdicts_changed": [
            {"claim": v.claim, "name": v.name, "old": v.old, "new": v.new, "old_label": v.old_label,
             "new_label": v.new_label, "corrected": v.corrected}
            for v in review.verdicts
        ],
        "claims_changed": [{"claim": c.claim, "name": c.name, "fields": list(c.fields)} for c in review.claims_changed],
        "pages": {
            "added": [page(p) for p in review.pages_added],
            "removed": [page(p) for p in review.pages_removed],
            "redirected": [{"from": page(o), "to": page(n)} for o, n in review.pages_redirected],
            "changed": [page(p) for p in review.pages_changed],
        },
        "quotes_moved": [
            {"claim": m.claim, "document": m.document, "old": {"line": m.old[0], "col": m.old[1]},
             "new": {"line": m.new[0], "col": m.new[1]}}
            for m in review.quotes_moved
        ],
        "new_problems": [
            {"file": d.location.file, "line": d.location.line, "col": d.location.col, "severity": d.severity,
             "code": d.code, "message": d.message, "hint": d.hint}
            for d in review.new_problems
        ],
    }


def as_json(review: Review, site_url: str | None = None) -> str:
    return json.dumps(as_data(review, site_url), indent=2, ensure_ascii=False) + "\n"

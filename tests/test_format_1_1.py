"""Format 1.1 fields of claims and evidence: `reviewed_on`, `corrections`, `archived_url`."""

from __future__ import annotations

from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

from generator.annotations.scale import V1_SCALE
from generator.pages.reference import format_page
from generator.translation.messages import messages

EVIDENCE = "      - url: https://example.org/report\n        source: reuters\n        title: Trump says Putin wants to meet\n"


def with_evidence_line(line: str) -> str:
    assert EVIDENCE in SAMPLE_YAML
    return SAMPLE_YAML.replace(EVIDENCE, EVIDENCE + line)


def test_the_claim_page_shows_the_archived_copy_beside_the_link(project: Project) -> None:
    archived = "https://web.archive.org/web/20250112000000/https://example.org/report_(full)"
    built = built_project(project.root.parent / "built", SAMPLE_TEXT, with_evidence_line(f"        archived_url: {archived}\n"))
    html = built.html("claims/trump-wants-to-meet")
    # The same escaping as the evidence link: parentheses cannot end the Markdown link early.
    assert (
        '<a href="https://example.org/report">Trump says Putin wants to meet</a> '
        '(<a href="https://web.archive.org/web/20250112000000/https://example.org/report_%28full%29">archived copy</a>)'
    ) in html


def test_an_archived_url_follows_the_rules_of_url(project: Project) -> None:
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", with_evidence_line("        archived_url: javascript:alert(1)\n"))
    result = project.check()
    assert result.returncode == 1
    assert result.stderr.startswith(
        "seeds/article.yaml:38:23: error[invalid-url]: claims[0].evidence[0].archived_url: "
        "Expected an http(s) URL, but got 'javascript:alert(1)'\n"
    )


def test_review_date_and_corrections_are_checked_like_every_value(project: Project) -> None:
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write(
        "seeds/article.yaml",
        SAMPLE_YAML.replace(
            "    verdict: accurate-quote\n",
            "    verdict: accurate-quote\n"
            "    reviewed_on: 2025-13-01\n"
            "    corrections:\n"
            "      - date: 2025-02-03\n"
            "        previous_verdict: acurate\n"
            "      - date: 2025-02-04\n"
            "        note: <b>bold</b>\n",
        ),
    )
    result = project.check()
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "error[" in line]
    assert lines == [
        "seeds/article.yaml:33:18: error[invalid-date]: claims[0].reviewed_on: Expected a date as YYYY-MM-DD, but got '2025-13-01'",
        "seeds/article.yaml:35:9: error[missing-field]: claims[0].corrections[0]: missing required field 'note'",
        "seeds/article.yaml:36:27: error[invalid-value]: claims[0].corrections[0].previous_verdict: Expected one of accurate, "
        "mostly-accurate, misleading, inaccurate, unsupported, disputed, accurate-quote, misquoted, opinion, unverified, "
        "but got 'acurate'",
        "seeds/article.yaml:38:15: error[unsafe-markdown]: claims[0].corrections[1].note: raw HTML is not allowed in light Markdown; "
        "use *emphasis*, `code` and [links](https://…)",
    ]


def test_the_format_page_documents_the_new_fields() -> None:
    page = format_page(V1_SCALE, messages("en"))
    assert "| `reviewed_on` | date `YYYY-MM-DD` | no | Optional \\(format 1\\.1\\): when the verdict was published" in page
    assert "| `corrections` | list of corrections | no |" in page
    assert "| `archived_url` | http(s) URL | no |" in page
    assert "| `previous_verdict` | one of `accurate`, " in page
    assert "## Corrections { #corrections }\n\nA dated, public note that a published verdict or explanation changed" in page

"""`check --base REF` and `review --base REF`: the working tree against a git revision.

Each test makes a real git repository in a temporary folder: the annotations as committed
are the base, the working tree is the change.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

TEXT = "The minister said the budget grew by ten percent and that taxes fell.\n"

BASE = """\
documents:
  - id: budget
    text: article.txt
people:
  - id: the-minister
    name: The Minister
sources:
  - id: treasury
    name: Treasury
    type: government
claims:
  - id: budget-grew
    quote: the budget grew by ten percent
    kind: assertion
    claimant: the-minister
    verdict: mostly-accurate
    reviewed_on: "2025-01-12"
    explanation: Close to the final figure.
    evidence:
      - url: https://example.org/budget
        title: The budget in figures
  - id: taxes-fell
    quote: taxes fell
    kind: assertion
"""


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "init.defaultBranch=main", *args],
        cwd=folder, check=True, capture_output=True, text=True,
    )
    return done.stdout


def repository(root: Path, base: str = BASE, text: str = TEXT) -> Path:
    """A repository with one commit of `seeds/`; the working tree is then the test's to change."""
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "article.txt").write_text(text, encoding="utf-8")
    (root / "seeds" / "a.yaml").write_text(base, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "seeds")
    git(root, "commit", "-q", "-m", "base")
    return root


def change(root: Path, yaml: str, text: str | None = None) -> None:
    (root / "seeds" / "a.yaml").write_text(yaml, encoding="utf-8")
    if text is not None:
        (root / "seeds" / "article.txt").write_text(text, encoding="utf-8")


def run(root: Path, *argv: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return repository(tmp_path / "project")


CORRECTED = BASE.replace("verdict: mostly-accurate", "verdict: inaccurate").replace(
    "    evidence:\n      - url: https://example.org/budget",
    textwrap.indent(
        "corrections:\n"
        "  - date: \"2025-02-03\"\n"
        "    previous_verdict: mostly-accurate\n"
        "    note: The first version read the draft budget, not the final one.\n"
        "evidence:\n"
        "  - url: https://example.org/budget",
        "    ",
    ),
)


def test_without_base_check_is_unchanged(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, BASE.replace("verdict: mostly-accurate", "verdict: inaccurate"))
    assert run(repo, "check", monkeypatch=monkeypatch, capsys=capsys) == (
        0, "ok: 1 documents, 1 people, 1 sources, 2 claims\n", ""
    )


def test_a_verdict_changed_with_its_correction_passes(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, CORRECTED)
    assert run(repo, "check", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)[0] == 0


def test_a_verdict_changed_without_a_correction_is_an_error_at_the_verdict(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    change(repo, BASE.replace("verdict: mostly-accurate", "verdict: inaccurate"))
    code, out, err = run(repo, "check", "--base", "HEAD", "--format", "github", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert out.startswith(
        "::error file=seeds/a.yaml,line=16,col=14,title=uncorrected-verdict-change::claims[0].verdict: "
        "the verdict changed from 'mostly-accurate' (at HEAD) to 'inaccurate' without a new correction"
    )


def test_an_old_correction_does_not_cover_a_new_change(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repository(repo.parent / "again", CORRECTED)
    again = repo.parent / "again"
    change(again, CORRECTED.replace("verdict: inaccurate", "verdict: misleading"))
    code, _, err = run(again, "check", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert "error[uncorrected-verdict-change]: claims[0].verdict: the verdict changed from 'inaccurate'" in err


def test_withdrawing_a_published_claim_keeps_it_unverified_with_a_correction(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    withdrawn = BASE.replace("verdict: mostly-accurate", "verdict: unverified").replace(
        '    reviewed_on: "2025-01-12"\n',
        '    reviewed_on: "2025-01-12"\n'
        "    corrections:\n"
        '      - date: "2025-03-01"\n'
        "        note: Withdrawn until the final budget is published.\n",
    )
    change(repo, withdrawn)
    assert run(repo, "check", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)[0] == 0


def test_a_missing_revision_is_named_with_exit_2(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, "check", "--base", "no-such-branch", monkeypatch=monkeypatch, capsys=capsys) == (
        2,
        "",
        f"error: there is no revision 'no-such-branch' in the repository at {repo.as_posix()}; "
        "if it exists elsewhere, fetch it first: git fetch origin no-such-branch\n",
    )
    assert run(repo, "review", "--base=--upload-pack=x", monkeypatch=monkeypatch, capsys=capsys) == (
        2, "", "error: '--upload-pack=x' is not a git revision\n"
    )


def test_a_shallow_clone_says_how_to_fetch_the_base(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, CORRECTED)
    git(repo, "commit", "-q", "-am", "correct the verdict")
    clone = repo.parent / "clone"
    git(repo.parent, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    code, out, err = run(clone, "check", "--base", "HEAD~1", monkeypatch=monkeypatch, capsys=capsys)
    assert (code, out) == (2, "")
    assert err == (
        "error: the revision 'HEAD~1' is not in this clone: it is shallow and holds only the latest commits.\n"
        "Fetch more history, then run this again: git fetch --deepen=100 (or git fetch --unshallow for all of it), "
        "or fetch the revision itself: git fetch origin HEAD~1\n"
    )
    git(clone, "fetch", "-q", "--deepen=1")
    assert run(clone, "check", "--base", "HEAD~1", monkeypatch=monkeypatch, capsys=capsys)[0] == 0


def test_outside_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "seeds").mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run(tmp_path, "check", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)
    assert (code, err) == (2, "error: the seeds folder seeds is not in a git repository, so there is no revision 'HEAD' to compare with\n")


RENAMED = (
    BASE.replace("  - id: budget-grew\n", "  - id: budget-grew-ten-percent\n    former_ids: [budget-grew]\n")
    .replace("  - id: taxes-fell\n", "  - id: taxes-fell-sharply\n")
    .replace("explanation: Close to the final figure.", "explanation: Close to the *final* figure.")
    .replace("  - id: treasury\n    name: Treasury", "  - id: finance-ministry\n    name: Finance Ministry")
)


def test_review_lists_what_the_change_does(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, RENAMED, "Yesterday " + TEXT)
    commit = git(repo, "rev-parse", "HEAD").strip()
    code, out, err = run(repo, "review", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"Compared with HEAD ({commit[:12]}):\n"
        "  + added source finance-ministry: Finance Ministry\n"
        "  + added claim taxes-fell-sharply: taxes fell\n"
        "  - removed source treasury: Treasury\n"
        "  - removed claim taxes-fell: taxes fell\n"
        "  ~ renamed claim budget-grew -> budget-grew-ten-percent\n"
        "  changed claim budget-grew-ten-percent: explanation\n"
        "  page added: claims/budget-grew-ten-percent/\n"
        "  page added: claims/taxes-fell-sharply/\n"
        "  page added: sources/finance-ministry/\n"
        "  page removed: claims/taxes-fell/\n"
        "  page removed: sources/treasury/\n"
        "  page redirected: claims/budget-grew/ -> claims/budget-grew-ten-percent/\n"
        "  page changed: (home page)\n"
        "  page changed: articles/\n"
        "  page changed: articles/budget/\n"
        "  page changed: claims/\n"
        "  page changed: claims/verdicts/mostly-accurate/\n"
        "  page changed: claims/verdicts/unverified/\n"
        "  page changed: graph/\n"
        "  page changed: people/the-minister/\n"
        "  page changed: sources/\n"
        "  page changed: timeline/\n"
        "  quote moved: budget-grew-ten-percent in budget, line 1:19 -> 1:29\n"
    )


def test_review_markdown_links_the_pages_when_site_url_is_known(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "mkdocs.yml").write_text("site_name: Explainers\nsite_url: https://owner.example.org/explainers\n", encoding="utf-8")
    change(repo, CORRECTED)
    code, out, _ = run(repo, "review", "--base", "HEAD", "--format", "markdown", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert (
        "| Claim | Before | After | Correction |\n| --- | --- | --- | --- |\n"
        "| the budget grew by ten percent ([`claims/budget-grew/`](https://owner.example.org/explainers/claims/budget-grew/))"
        " | Mostly accurate | Inaccurate | added |\n"
    ) in out
    page = "[`claims/budget-grew/`](https://owner.example.org/explainers/claims/budget-grew/)"
    assert f"- the budget grew by ten percent ({page}): corrections\n" in out
    # Every page whose content changes, folded away: a verdict shows on many listings (its own among them), a correction on corrections/.
    assert "<details>\n<summary>9 pages change</summary>\n\n- [`articles/budget/`](https://owner.example.org/explainers/articles/budget/)\n" in out
    assert "- [`corrections/`](https://owner.example.org/explainers/corrections/)\n" in out


def test_review_markdown_escapes_names(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, BASE + "  - id: said\n    quote: The minister said\n    kind: assertion\n    title: <script>alert(1)</script> [x](javascript:y)\n")
    code, out, _ = run(repo, "review", "--base", "HEAD", "--format", "markdown", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert "- claim &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:y\\) (`claims/said/`)\n" in out
    assert "<script>" not in out


def test_review_json_and_new_errors_exit_1(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, BASE.replace("verdict: mostly-accurate", "verdict: inaccurate").replace("taxes fell", "taxes rose"))
    code, out, _ = run(repo, "review", "--base", "HEAD", "--format", "json", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    data = json.loads(out)
    assert data["verdicts_changed"] == [
        {"claim": "budget-grew", "name": "the budget grew by ten percent", "old": "mostly-accurate", "new": "inaccurate",
         "old_label": "Mostly accurate", "new_label": "Inaccurate", "corrected": False}
    ]
    assert data["claims_changed"] == [{"claim": "taxes-fell", "name": "taxes rose", "fields": ["quote"]}]
    assert [(p["file"], p["line"], p["code"]) for p in data["new_problems"]] == [
        ("seeds/a.yaml", 16, "uncorrected-verdict-change"),
        ("seeds/a.yaml", 23, "quote-not-found"),
    ]


def test_review_of_no_change(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    commit = git(repo, "rev-parse", "HEAD").strip()
    assert run(repo, "review", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys) == (
        0, f"Compared with HEAD ({commit[:12]}): no change to the annotations' pages, verdicts or problems\n", ""
    )


def test_the_base_is_read_from_git_not_the_working_tree(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A symbolic link committed under seeds/ is not followed: the copy holds regular files only.
    (repo / "outside.yaml").write_text("people:\n  - id: from-outside\n    name: Outside\n", encoding="utf-8")
    (repo / "seeds" / "link.yaml").symlink_to(repo / "outside.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a link")
    (repo / "seeds" / "link.yaml").unlink()
    code, out, _ = run(repo, "review", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert "from-outside" not in out
    assert "error" not in out


def test_errors_the_base_had_too_are_not_new_but_still_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = repository(tmp_path / "broken", BASE.replace("claimant: the-minister", "claimant: the-ministre"))
    commit = git(broken, "rev-parse", "HEAD").strip()
    assert run(broken, "review", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys) == (
        1,
        f"Compared with HEAD ({commit[:12]}): no change to the annotations' pages, verdicts or problems\n"
        "The annotations have 1 error; `python -m generator check` lists them.\n",
        "",
    )


def test_a_claim_too_broken_to_read_is_not_reported_as_removed(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    change(repo, BASE.replace("    quote: the budget grew by ten percent\n", ""))
    code, _, err = run(repo, "check", "--base", "HEAD", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert [line for line in err.splitlines() if "error[" in line] == [
        "seeds/a.yaml:12:5: error[missing-field]: claims[0]: missing required field 'quote'"
    ]

"""The pull-request workflow (.github/workflows/review.yml): its commands run here, in a git
repository of two commits like the merge commit CI checks out (HEAD^1 is the base)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML, Project, make_project

WORKFLOW = ROOT / ".github" / "workflows" / "review.yml"
ARTIFACT = "site-pr-7"


def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    data["on"] = data.pop(True, data.get("on"))  # PyYAML reads the key `on` as True (YAML 1.1)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def test_it_runs_on_pull_requests_with_read_only_permissions() -> None:
    data = workflow()
    assert list(data["on"]) == ["pull_request"]
    assert data["permissions"] == {}  # nothing at the top; the one job reads the repository, no more
    assert [job["permissions"] for job in data["jobs"].values()] == [{"contents": "read"}]


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    used = re.findall(r"uses: (\S+)@(\S+) # (v\d+\.\d+\.\d+)$", text, re.MULTILINE)
    assert [name for name, _, _ in used] == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    assert all(re.fullmatch(r"[0-9a-f]{40}", sha) for _, sha, _ in used)
    assert text.count("uses:") == len(used)
    checkout = next(s for s in steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["fetch-depth"] == 2  # the merge commit and its first parent, HEAD^1


def test_the_artifact_is_the_built_site_and_the_summary_names_it() -> None:
    upload = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "${{ env.SITE_ARTIFACT }}", "path": "site", "if-no-files-found": "error"}
    assert workflow()["env"]["SITE_ARTIFACT"] == "site-pr-${{ github.event.pull_request.number }}"


def two_commits(root: Path, changed_yaml: str) -> Project:
    """A project whose first commit has the sample annotations and whose second commit changes them."""
    project = make_project(root)
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        git(project.root, *args)
    project.write("seeds/article.yaml", changed_yaml)
    git(project.root, "commit", "-q", "-am", "the pull request")
    return project


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "init.defaultBranch=main", *args],
        cwd=folder, check=True, capture_output=True,
    )


def run_steps(project: Project, summary: Path) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    """Each `run:` step after Install, in order, with the step's own `if` (failure stops the rest unless `!cancelled()`)."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_STEP_SUMMARY": str(summary), "SITE_ARTIFACT": ARTIFACT,
           "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    failed = False
    done = []
    for step in steps():
        if "run" not in step or step["name"] == "Install":  # installed already: this is the project's venv
            continue
        if failed and step.get("if") != "${{ !cancelled() }}":
            continue
        step_env = {k: ("upload-output" if "steps.upload.outputs" in v else v) for k, v in step.get("env", {}).items()}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=project.root, env={**env, **step_env}, capture_output=True, text=True, check=False, timeout=300,
        )
        done.append((step["name"], result))
        failed = failed or result.returncode != 0
    return done


VERDICT_CHANGED = SAMPLE_YAML.replace("verdict: accurate-quote", "verdict: misquoted")
CORRECTED = VERDICT_CHANGED.replace(
    "    evidence:\n      - url: https://example.org/report",
    "    corrections:\n"
    '      - date: "2025-02-03"\n'
    "        previous_verdict: accurate-quote\n"
    "        note: The full recording shows different words.\n"
    "    evidence:\n      - url: https://example.org/report",
)


def test_a_verdict_changed_without_a_correction_fails_the_check(tmp_path: Path) -> None:
    project = two_commits(tmp_path / "project", VERDICT_CHANGED)
    summary = tmp_path / "summary.md"
    done = dict(run_steps(project, summary))
    assert list(done) == ["Review against the base", "Corrections against the base"]
    check = done["Corrections against the base"]
    assert check.returncode == 1
    assert check.stdout == (
        "::error file=seeds/article.yaml,line=32,col=14,title=uncorrected-verdict-change::claims[0].verdict: "
        "the verdict changed from 'accurate-quote' (at HEAD^1) to 'misquoted' without a new correction"
        "%0Ahint: add a corrections entry with date, previous_verdict: accurate-quote and a note that says what changed and why\n"
    )
    assert "| Accurate quote | Misquoted | **missing** |" in summary.read_text(encoding="utf-8")


def test_with_a_correction_the_site_is_built_and_the_summary_names_the_change_and_the_artifact(tmp_path: Path) -> None:
    project = two_commits(tmp_path / "project", CORRECTED)
    summary = tmp_path / "summary.md"
    done = run_steps(project, summary)
    assert [(name, result.returncode) for name, result in done] == [
        ("Review against the base", 0),
        ("Corrections against the base", 0),
        ("Build the site", 0),
        ("Name the artifact in the summary", 0),
    ], [r.stderr for _, r in done]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## What this change does to the site\n")
    assert "| He wants to meet, and we're working on it (`claims/trump-wants-to-meet/`) | Accurate quote | Misquoted | added |" in text
    assert f"Download the artifact [{ARTIFACT}](upload-output) of this run" in text
    assert "Misquoted" in project.html("claims/trump-wants-to-meet")


@pytest.mark.parametrize("command", ["review --base HEAD^1 --format markdown", "check --base HEAD^1 --format github"])
def test_the_generator_commands_are_the_ones_tested_here(command: str) -> None:
    assert any(f"python -m generator {command}" in s.get("run", "") for s in steps())

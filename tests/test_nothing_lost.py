"""Nothing lost: a failed check or build leaves the previous output exactly as it was.

`mkdocs build` writes into a folder beside `site/` and swaps it in only when the build
succeeded (generator/engines/atomic_site.py); a build killed half-way leaves the old site.
`python -m generator build --out DIR` never deletes or overwrites a file it did not write.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project
from mkdocs.config import load_config

from generator.engines.mkdocs_plugin import ExplainerPlugin


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the folder with its bytes (links recorded as their target)."""
    out: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[key] = b"-> " + os.fsencode(os.readlink(path))
        elif path.is_file():
            out[key] = path.read_bytes()
        else:
            out[key + "/"] = b""
    return out


def leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))


def built(project: Project) -> dict[str, bytes]:
    result = project.build()
    assert result.returncode == 0, result.stderr
    return snapshot(project.root / "site")


# --- mkdocs build -----------------------------------------------------------------------


def test_bad_annotations_leave_the_previous_site_byte_identical(sample: Project) -> None:
    before = built(sample)
    (sample.seeds / "article.yaml").write_text(
        SAMPLE_YAML.replace("claimant: dmitry-peskov", "claimant: dmitri-peskov"), encoding="utf-8"
    )
    result = sample.build()
    assert result.returncode == 1
    assert "seeds/article.yaml:41:15: error[unknown-ref]: claims[1].claimant: no person 'dmitri-peskov'" in result.stderr
    assert snapshot(sample.root / "site") == before
    assert leftovers(sample) == []


def test_a_strict_mode_failure_after_every_page_was_written_leaves_the_previous_site(sample: Project) -> None:
    # MkDocs counts warnings and aborts only after the last page is written and the last
    # plugin has run; before the swap, that left a half-new site.
    before = built(sample)
    (sample.seeds / "article.yaml").write_text(SAMPLE_YAML.replace("A *short* summary.", "A *new* summary."), encoding="utf-8")
    sample.write("docs/broken.md", "# Broken\n\n[a page that is not there](nowhere.md)\n")
    result = sample.build()
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert snapshot(sample.root / "site") == before
    assert leftovers(sample) == []


def test_a_hand_written_page_in_the_way_leaves_the_previous_site(sample: Project) -> None:
    before = built(sample)
    sample.write("docs/people/donald-trump.md", "# Mine\n")
    result = sample.build()
    assert result.returncode == 1
    assert "error[page-collision]" in result.stderr
    assert snapshot(sample.root / "site") == before
    assert leftovers(sample) == []


def test_a_successful_build_replaces_the_whole_site_and_keeps_dot_files(sample: Project) -> None:
    built(sample)
    site = sample.root / "site"
    (site / ".nojekyll").write_bytes(b"")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / "stale.html").write_text("from an older build\n", encoding="utf-8")
    (sample.seeds / "article.yaml").write_text(SAMPLE_YAML.replace("dmitry-peskov", "dmitri-peskov"), encoding="utf-8")
    after = built(sample)
    assert "people/dmitri-peskov/index.html" in after and "people/dmitry-peskov/index.html" not in after
    assert "stale.html" not in after  # MkDocs cleans the site folder; so do we
    assert after[".nojekyll"] == b"" and after[".git/HEAD"] == b"ref: refs/heads/gh-pages\n"  # MkDocs keeps dot-files; so do we
    assert stat.S_IMODE(site.stat().st_mode) & 0o055 == 0o055  # readable by a web server, not mkdtemp's 0700
    assert leftovers(sample) == []


def big_sample(project: Project, claims: int) -> Project:
    """Enough pages that a build takes a while, so that it can be killed half-way."""
    sentences = [f"Speaker number {n} said that the figure was {n} percent." for n in range(claims)]
    project.write("seeds/article.txt", SAMPLE_TEXT + "\n" + "\n\n".join(sentences) + "\n")
    extra = "".join(
        f'  - id: figure-{n}\n    quote: "Speaker number {n} said that the figure was {n} percent."\n    kind: assertion\n'
        f"    explanation: The figure *{n}* was checked.\n"
        for n in range(claims)
    )
    project.write("seeds/article.yaml", SAMPLE_YAML + extra)
    return project


def test_a_build_killed_half_way_leaves_the_old_site_and_the_next_build_cleans_up(sample: Project) -> None:
    big_sample(sample, 400)
    before = built(sample)
    (sample.seeds / "article.yaml").write_text(
        (sample.seeds / "article.yaml").read_text(encoding="utf-8").replace("was checked", "was checked again"), encoding="utf-8"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=sample.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        # Wait until the new site is half written: some claim pages are in the staging folder.
        deadline = time.monotonic() + 120  # a bound on waiting, not a performance assertion
        while time.monotonic() < deadline and process.poll() is None:
            staging = [p for p in sample.root.glob(".site.explainer-*") if (p / "claims").is_dir()]
            if staging and len(list((staging[0] / "claims").iterdir())) > 20:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the build ended before it could be killed; make big_sample bigger"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert snapshot(sample.root / "site") == before
    assert len(leftovers(sample)) == 1  # the killed build's half-written folder
    after = built(sample)
    assert after != before and b"was checked again" in after["claims/figure-7/index.html"]
    assert leftovers(sample) == []


def test_serve_and_dirty_builds_write_in_place_as_mkdocs_does(sample: Project) -> None:
    for command, dirty in (("serve", False), ("build", True)):
        plugin = ExplainerPlugin()
        plugin.on_startup(command=command, dirty=dirty)
        config = load_config(config_file=str(sample.root / "mkdocs.yml"))
        site_dir = config.site_dir
        plugin.on_config(config)
        assert config.site_dir == site_dir
    assert leftovers(sample) == []


# --- python -m generator build --out ------------------------------------------------------


def build_out(project: Project) -> subprocess.CompletedProcess[str]:
    return project.run("-m", "generator", "build", "--out", "out")


def test_out_keeps_hand_written_files_and_removes_only_its_own_stale_pages(sample: Project) -> None:
    sample.write("out/notes.md", "mine\n")
    sample.write("out/people/about-people.md", "mine too\n")
    assert build_out(sample).returncode == 0
    out = sample.root / "out"
    assert (out / "people" / "dmitry-peskov.md").is_file()
    (sample.seeds / "article.yaml").write_text(SAMPLE_YAML.replace("dmitry-peskov", "dmitri-peskov"), encoding="utf-8")
    assert build_out(sample).returncode == 0
    assert not (out / "people" / "dmitry-peskov.md").exists()
    assert (out / "people" / "dmitri-peskov.md").is_file()
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine\n"
    assert (out / "people" / "about-people.md").read_text(encoding="utf-8") == "mine too\n"
    assert not [p for p in out.iterdir() if p.name.startswith(".explainer-staging-")]


@pytest.mark.parametrize(
    ("arrange", "where", "message"),
    [
        (
            lambda out: (out / "people").mkdir() or (out / "people" / "donald-trump.md").write_text("# Mine\n"),
            "out/people/donald-trump.md",
            "a hand-written file is in the way of the generated page 'people/donald-trump.md'",
        ),
        (
            lambda out: (out / "claims").write_text("a file where a folder goes\n"),
            "out/claims",
            "a hand-written file or link is in the way of the generated page 'claims/index.md'",
        ),
        (
            lambda out: os.symlink(out.parent / "elsewhere", out / "people"),
            "out/people",
            "a hand-written file or link is in the way of the generated page 'people/dmitry-peskov.md'",
        ),
        (
            lambda out: (out / "sources").mkdir() or os.symlink(out.parent / "nowhere.md", out / "sources" / "tass.md"),
            "out/sources/tass.md",
            "a hand-written file is in the way of the generated page 'sources/tass.md'",
        ),
        (
            lambda out: (out / ".explainer-manifest.json").write_text('{"pages": ["../../etc/passwd"]}'),
            "out/.explainer-manifest.json",
            "a file that is not the generator's manifest is in the way",
        ),
    ],
    ids=["file", "file-for-folder", "link-for-folder", "dangling-link", "foreign-manifest"],
)
def test_out_refuses_to_write_over_or_through_what_it_did_not_write(sample: Project, arrange, where: str, message: str) -> None:  # type: ignore[no-untyped-def]
    out = sample.root / "out"
    out.mkdir()
    (sample.root / "elsewhere").mkdir()
    arrange(out)
    before, outside = snapshot(out), snapshot(sample.root / "elsewhere")
    result = build_out(sample)
    assert result.returncode == 1
    assert f"{where}:1:1: error[page-collision]: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before and snapshot(sample.root / "elsewhere") == outside


def test_out_never_overwrites_or_deletes_a_generated_page_edited_by_hand(sample: Project) -> None:
    assert build_out(sample).returncode == 0
    out = sample.root / "out"
    page = out / "people" / "dmitry-peskov.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy note.\n", encoding="utf-8")
    before = snapshot(out)
    result = build_out(sample)
    assert result.returncode == 1
    assert (
        "out/people/dmitry-peskov.md:1:1: error[page-collision]: "
        "the generated page 'people/dmitry-peskov.md' was changed by hand since it was written" in result.stderr
    )
    assert snapshot(out) == before
    # Once the page is no longer generated, the edited file stays, and is no longer ours.
    (sample.seeds / "article.yaml").write_text(SAMPLE_YAML.replace("dmitry-peskov", "dmitri-peskov"), encoding="utf-8")
    assert build_out(sample).returncode == 0
    assert page.read_text(encoding="utf-8").endswith("My note.\n")
    manifest = json.loads((out / ".explainer-manifest.json").read_text(encoding="utf-8"))
    assert "people/dmitry-peskov.md" not in manifest["pages"]


def test_out_killed_half_way_still_owns_what_it_wrote(sample: Project) -> None:
    # Thousands of pages, so that the moves can be caught between the manifest that records
    # them and the one that closes the run.
    out = sample.root / "out"
    script = (
        "import sys; from pathlib import Path; from generator.engines.emit import write_pages; "
        "write_pages(Path(sys.argv[1]), {f'claims/p-{n}.md': f'# Page {n}\\n' * 50 for n in range(int(sys.argv[2]))})"
    )
    assert subprocess.run([sys.executable, "-c", script, str(out), "100"], check=False).returncode == 0
    process = subprocess.Popen([sys.executable, "-c", script.replace("# Page", "# New page"), str(out), "20000"])
    try:
        deadline = time.monotonic() + 120  # a bound on waiting, not a performance assertion
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if "pending" in (out / ".explainer-manifest.json").read_text(encoding="utf-8"):
                    break
            except OSError:
                pass
            time.sleep(0.002)
        assert process.poll() is None, "the run ended before it could be killed; give it more pages"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    # The next run sees every file the killed one wrote as its own: no collision, no leftovers.
    result = build_out(sample)
    assert result.returncode == 0, result.stderr
    assert not (out / "claims" / "p-19999.md").exists()
    assert (out / "claims" / "trump-wants-to-meet.md").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".explainer-staging-")]


def test_a_site_caught_between_two_renames_is_put_back(sample: Project) -> None:
    # Where the system cannot swap two folders in one step, the swap is two renames; a kill
    # between them leaves the old site under its temporary name. The next build puts it back,
    # so a failing next build still leaves the old site.
    before = built(sample)
    (sample.root / "site").rename(sample.root / ".site.explainer-999999999-killed-old")
    sample.write("docs/broken.md", "# Broken\n\n[a page that is not there](nowhere.md)\n")
    assert sample.build().returncode == 1
    assert snapshot(sample.root / "site") == before
    assert leftovers(sample) == []

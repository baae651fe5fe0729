"""`python -m generator`: exit codes, seeds discovery, `build --out`."""

from __future__ import annotations

import json

from conftest import Project


def test_check_clean_exits_0_with_a_summary(sample: Project) -> None:
    result = sample.check()
    assert (result.returncode, result.stdout, result.stderr) == (0, "ok: 1 documents, 2 people, 2 sources, 2 claims\n", "")


def test_check_with_errors_exits_1(sample: Project) -> None:
    sample.write("seeds/broken.yaml", "people:\n  - id: Bad\n    name: B\n")
    result = sample.check()
    assert result.returncode == 1
    assert result.stderr.startswith("seeds/broken.yaml:2:9: error[invalid-id]: people[0].id: 'Bad' is not a valid id")
    assert result.stderr.endswith("1 error; nothing was built\n")


def test_usage_errors_exit_2(project: Project) -> None:
    assert project.run("-m", "generator").returncode == 2
    assert project.run("-m", "generator", "frobnicate").returncode == 2
    missing = project.check("--seeds", "nowhere")
    assert missing.returncode == 2
    assert missing.stderr == "error: no seeds folder at nowhere; pass --seeds DIR\n"


def test_seeds_found_next_to_mkdocs_yml_from_a_subfolder(sample: Project) -> None:
    result = sample.run("-c", "import os, sys; os.chdir('docs'); from generator.cli import main; sys.exit(main(['check']))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 documents")


def test_check_formats_json(sample: Project) -> None:
    sample.write("seeds/broken.yaml", "people:\n  - id: a\n")
    result = sample.check("--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "file": "seeds/broken.yaml",
            "line": 2,
            "col": 5,
            "severity": "error",
            "code": "missing-field",
            "message": "people[0]: missing required field 'name'",
            "hint": "",
            "related": [],
        }
    ]


def test_build_out_writes_the_markdown_pages(sample: Project) -> None:
    result = sample.run("-m", "generator", "build", "--out", "out")
    assert result.returncode == 0, result.stderr
    out = sample.root / "out"
    assert (out / "claims" / "trump-wants-to-meet.md").read_text(encoding="utf-8").startswith("# He wants to meet")
    manifest = json.loads((out / ".explainer-manifest.json").read_text(encoding="utf-8"))
    assert "people/donald-trump.md" in manifest["pages"]
    # Its graphs link to the pages' sources, as its Markdown does: other engines rewrite both (test_engines).
    assert '<a class="g-link" href="people/donald-trump.md"' in (out / "graph.md").read_text(encoding="utf-8")
    person = (out / "people" / "donald-trump.md").read_text(encoding="utf-8")
    assert '<a class="g-link" href="../claims/trump-wants-to-meet.md"' in person


def test_build_out_never_touches_hand_written_files(sample: Project) -> None:
    out = sample.root / "out"
    sample.write("out/index.md", "# My home\n")
    sample.write("out/notes.md", "mine\n")
    assert sample.run("-m", "generator", "build", "--out", "out").returncode == 0
    assert (out / "index.md").read_text(encoding="utf-8") == "# My home\n"
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine\n"
    # A renamed id: the old page is ours and goes, the new one comes.
    sample.write("seeds/article.yaml", (sample.seeds / "article.yaml").read_text(encoding="utf-8").replace("id: tass", "id: tass-agency"))
    assert sample.run("-m", "generator", "build", "--out", "out").returncode == 0
    assert not (out / "sources" / "tass.md").exists()
    assert (out / "sources" / "tass-agency.md").exists()
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine\n"


def test_build_out_refuses_to_overwrite_a_file_it_did_not_write(sample: Project) -> None:
    sample.write("out/people/donald-trump.md", "# Mine\n")
    result = sample.run("-m", "generator", "build", "--out", "out")
    assert result.returncode == 1
    assert "error[page-collision]: a hand-written file is in the way of the generated page 'people/donald-trump.md'" in result.stderr
    assert (sample.root / "out" / "people" / "donald-trump.md").read_text(encoding="utf-8") == "# Mine\n"
    assert not (sample.root / "out" / "claims").exists()


def test_a_python_without_the_dependencies_gets_a_hint_not_a_traceback() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    # -S: no site-packages, as with a bare system Python; the package itself is found in ROOT.
    result = subprocess.run([sys.executable, "-S", "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: the generator needs the package '")
    assert "Traceback" not in result.stderr

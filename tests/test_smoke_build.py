from __future__ import annotations

from conftest import Project


def test_sample_builds_strict(sample: Project) -> None:
    result = sample.build()
    assert result.returncode == 0, result.stderr
    html = sample.html("articles/trump-putin")
    assert 'href="../../claims/trump-wants-to-meet/"' in html

"""What the site's search index holds: Pagefind's fragment of each page it indexed, read from a built site."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def indexed_pages(site: Path) -> dict[str, dict[str, Any]]:
    """{page URL as Pagefind gives it (`/claims/x/`): its fragment (`content`, `meta`, `filters`, `anchors`)}."""
    pages: dict[str, dict[str, Any]] = {}
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(SIGNATURE))
        assert fragment["url"] not in pages, f"{fragment['url']} is in the index twice"
        pages[fragment["url"]] = fragment
    return pages

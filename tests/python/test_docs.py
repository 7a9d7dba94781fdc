"""Docs keep themselves honest: every Python example in README.md and docs/ runs, every error id
raised in the sources is documented, and the generated reference pages are current."""

from __future__ import annotations

import doctest
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_examples_in_page_run(page: pathlib.Path) -> None:
    failures, _ = doctest.testfile(
        str(page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        verbose=False,
    )
    assert failures == 0, f"{failures} example(s) in {page.name} failed (see the doctest output above)"


def test_every_error_id_is_documented() -> None:
    ids: set[str] = set()
    for folder in ("include", "src", "bindings"):
        for path in (ROOT / folder).rglob("*.[ch]pp"):
            ids.update(re.findall(r'_error\("([a-z_]+\.[a-z_0-9]+)"', path.read_text()))
    for path in (ROOT / "bindings" / "python" / "recoup").rglob("*.py"):
        ids.update(re.findall(r'\bid="([a-z_]+\.[a-z_0-9]+)"', path.read_text()))
    assert len(ids) > 30
    page = (ROOT / "docs" / "reference" / "errors.md").read_text()
    missing = sorted(i for i in ids if f"`{i}`" not in page)
    assert not missing, f"error ids missing from docs/reference/errors.md: {missing}"


def test_generated_reference_pages_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

"""The committed _core.pyi matches the built module, and the examples print what is committed."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_core_stub_has_not_drifted() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_stubs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", sorted((ROOT / "examples" / "python").glob("*.py")), ids=lambda p: p.name)
def test_python_example_prints_its_expected_output(script: pathlib.Path) -> None:
    expected = script.with_suffix(".expected").read_text()
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert result.stdout == expected


def test_package_ships_type_information() -> None:
    import recoup

    package = pathlib.Path(recoup.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").exists()

"""The command line's files: its two error kinds, strict UTF-8 reading and all-or-nothing writes.

Every error the CLI raises itself is a ``RecoupError`` with an id (``cli.*``, listed in
docs/reference/errors.md) and is printed as one line ending in ``[id]``:

- ``UsageError`` (exit status 2): the command line asks for something impossible (no such
  file, an unsupported file type, a folder that does not exist);
- ``DataError`` (exit status 1): a file cannot be used; the message names the file and, where
  there is one, the row, the column or the byte offset.

``read_text`` decodes a whole file as UTF-8 (a leading byte-order mark is dropped) and names
the first byte that is not UTF-8, its line and the encodings a spreadsheet offers instead.
``atomic_output`` writes a result to a temporary file in the destination's folder and renames
it over the destination only when the write finished, so a failed or interrupted write never
leaves a partial output file.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import tempfile
from typing import Iterator

from ._errors import RecoupError

__all__ = ["DataError", "UsageError", "atomic_output", "read_text"]


class UsageError(RecoupError):
    """The command line asks for something impossible (exit status 2)."""

    id = "cli.usage"


class DataError(RecoupError):
    """The data cannot be used (exit status 1); the message names the file and what is wrong."""

    id = "cli.data"


def read_text(path: str | os.PathLike[str], what: str = "file") -> str:
    """The text of ``path`` decoded as UTF-8; raises DataError ``cli.not_utf8`` naming the byte
    offset and line of the first undecodable byte, or ``cli.unreadable`` when it cannot be read."""
    p = pathlib.Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{p}: no such file", id="cli.no_such_file") from None
    except IsADirectoryError:
        raise UsageError(f"{p}: is a directory, not a {what}", id="cli.not_a_file") from None
    except OSError as e:
        raise DataError(f"cannot read {p}: {e.strerror}", id="cli.unreadable") from None
    bom = b"\xef\xbb\xbf"
    start = len(bom) if data.startswith(bom) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = start + e.start
        line = data.count(b"\n", 0, offset) + 1
        shown = data[offset : offset + min(4, e.end - e.start + 1)].hex(" ")
        raise DataError(
            f"{p}: not valid UTF-8 at byte {offset} (line {line}, bytes {shown}): the {what} must be "
            "UTF-8 text; re-save it as UTF-8 (a spreadsheet's 'CSV UTF-8'), not Latin-1 or Windows-1252",
            id="cli.not_utf8",
        ) from None


@contextlib.contextmanager
def atomic_output(path: pathlib.Path) -> Iterator[pathlib.Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends
    normally and removed when it raises, so ``path`` is either the complete new file or untouched."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent or ".")
    os.close(fd)
    tmp = pathlib.Path(tmp_name)
    umask = os.umask(0)  # mkstemp makes the file private; give it the mode a plain open() would
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise

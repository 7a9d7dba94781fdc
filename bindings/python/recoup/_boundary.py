"""The Python face's boundary: no raw exception leaves a public function.

recoup's own errors already carry an id. What can still escape a public function is Python's
or pybind11's complaint about an argument: a wrong type (``None`` where Money is needed, a
str where a list of dates is), a missing keyword, or numpy refusing to convert a value.
``guard_module`` wraps every function a module exports so that such an exception reaches the
caller as a recoup error with an id, still an instance of the built-in it was:

- ``TypeError`` and ``AttributeError`` (an object of the wrong kind) -> ``InvalidTypeError``
  (a ``TypeError``), id ``python.argument_type``;
- ``ValueError``, and ``KeyError`` / ``IndexError`` (a table without the column or row the
  call reads) -> ``InvalidInputError`` (a ``ValueError``), id ``python.argument_value``.

The message names the function and keeps the original text; the original exception is chained
(``__cause__``). Exceptions that are already recoup errors, and every other kind, pass through.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Iterable, TypeVar

from ._errors import InvalidInputError, InvalidTypeError, RecoupError

__all__ = ["guard_module", "guarded"]

F = TypeVar("F", bound=Callable[..., Any])


def guarded(f: F, qualname: str) -> F:
    """``f`` with raw TypeError/AttributeError/ValueError turned into recoup errors (see module)."""

    @functools.wraps(f)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except RecoupError:
            raise
        except (TypeError, AttributeError) as e:
            raise InvalidTypeError(f"{qualname}(): {_first_line(e)}", id="python.argument_type") from e
        except (ValueError, LookupError) as e:  # a value, key or index the argument does not have
            raise InvalidInputError(f"{qualname}(): {_first_line(e)}", id="python.argument_value") from e

    call.__recoup_guarded__ = True  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]


def guard_module(namespace: dict[str, Any], names: Iterable[str]) -> None:
    """Replaces each exported function of a module namespace by its guarded form (classes,
    constants and already guarded functions are left as they are)."""
    module = namespace.get("__name__", "recoup")
    for name in names:
        f = namespace.get(name)
        if f is None or isinstance(f, type) or not callable(f) or getattr(f, "__recoup_guarded__", False):
            continue
        namespace[name] = guarded(f, f"{module}.{name}")


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__

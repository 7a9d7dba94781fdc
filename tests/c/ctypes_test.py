"""The C ABI from a second language: Python's ctypes loads librecoup_c and calls it.

    python tests/c/ctypes_test.py path/to/librecoup_c.so
"""

from __future__ import annotations

import ctypes
import sys


def main(path: str) -> int:
    lib = ctypes.CDLL(path)
    lib.recoup_last_error_message.restype = ctypes.c_char_p
    lib.recoup_last_error_id.restype = ctypes.c_char_p
    lib.recoup_version.restype = ctypes.c_char_p

    code = ctypes.create_string_buffer(4)
    minor = ctypes.c_int64()
    assert lib.recoup_money_parse(b"1234.56 USD", code, ctypes.byref(minor)) == 0
    assert (code.value, minor.value) == (b"USD", 123456)

    needed = ctypes.c_size_t()
    buf = ctypes.create_string_buffer(4)
    assert lib.recoup_money_format(b"USD", ctypes.c_int64(123456), buf, ctypes.c_size_t(4), ctypes.byref(needed)) == 100
    buf = ctypes.create_string_buffer(needed.value)
    assert lib.recoup_money_format(b"USD", ctypes.c_int64(123456), buf, needed, None) == 0
    assert buf.value == b"1234.56 USD"

    parts = (ctypes.c_int64 * 3)()
    assert lib.recoup_money_allocate(b"GBP", ctypes.c_int64(10000), ctypes.c_size_t(3), b"last", parts) == 0
    assert list(parts) == [3333, 3333, 3334]

    # Errors come back as a status with a stable id and a message.
    assert lib.recoup_money_parse(b"1,234.56 USD", code, ctypes.byref(minor)) == 1
    assert lib.recoup_last_error_id() == b"decimal.syntax", lib.recoup_last_error_id()

    out = ctypes.create_string_buffer(11)
    assert lib.recoup_calendar_add_business_days(b"US", b"2025-07-03", ctypes.c_int64(1), out) == 0
    assert out.value == b"2025-07-07"
    print(f"ctypes: recoup {lib.recoup_version().decode()} C ABI answers from Python")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

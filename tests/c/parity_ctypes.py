"""The shared worked examples (tests/data/parity/worked_examples.toml) through the C ABI.

    python tests/c/parity_ctypes.py path/to/librecoup_c.so path/to/worked_examples.toml

Loads librecoup_c with ctypes (no recoup Python package involved) and checks every figure the
C++ (tests/cpp/parity_test.cpp) and Python (tests/python/test_parity.py) faces check.
"""

from __future__ import annotations

import ctypes as C
import sys
import tomllib
from pathlib import Path
from typing import Any

NO_AMOUNT = -(2**63)


class Lib:
    def __init__(self, path: str) -> None:
        self.lib = C.CDLL(path)
        self.lib.recoup_last_error_message.restype = C.c_char_p
        self.lib.recoup_last_error_id.restype = C.c_char_p

    def ok(self, status: int, what: str) -> None:
        if status != 0:
            raise AssertionError(
                f"{what}: status {status}: {self.lib.recoup_last_error_message().decode()} "
                f"({self.lib.recoup_last_error_id().decode()})"
            )

    def parse(self, text: str) -> tuple[bytes, int]:
        code = C.create_string_buffer(4)
        minor = C.c_int64()
        self.ok(self.lib.recoup_money_parse(text.encode(), code, C.byref(minor)), f"parse {text}")
        return code.value, minor.value

    def minor(self, amount: str, currency: bytes) -> int:
        return self.parse(f"{amount} {currency.decode()}")[1]


class GarnishmentResult(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("amount_minor", C.c_int64),
        ("federal_minor", C.c_int64),
        ("state_minor", C.c_int64),
        ("binding", C.c_int),
        ("federal_floor_minor", C.c_int64),
        ("state_floor_minor", C.c_int64),
    ]


class InterestResult(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("amount_minor", C.c_int64),
        ("days", C.c_int64),
        ("annual_rate", C.c_char * 48),
        ("reference_rate", C.c_char * 48),
        ("reference_date", C.c_char * 11),
    ]


class SettleTerms(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("kind", C.c_char_p),
        ("fraction", C.c_char_p),
        ("minimum_minor", C.c_int64),
        ("payments", C.c_int64),
        ("frequency", C.c_char_p),
        ("first_due", C.c_char_p),
        ("rounding", C.c_char_p),
        ("remainder", C.c_char_p),
        ("discount_rate", C.c_char_p),
        ("hazard", C.c_char_p),
        ("survival_count", C.c_size_t),
        ("survival", C.POINTER(C.c_char_p)),
        ("per_contact_minor", C.c_int64),
        ("setup_contacts", C.c_char_p),
        ("contacts_per_payment", C.c_char_p),
        ("legal_minor", C.c_int64),
        ("commission", C.c_char_p),
        ("value_rounding", C.c_char_p),
        ("report_filed_on", C.c_char_p),
        ("discharge_event", C.c_char_p),
        ("applicable_entity", C.c_int),
    ]


class SettleResult(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("settled_minor", C.c_int64),
        ("forgiven_minor", C.c_int64),
        ("payment_count", C.c_int64),
        ("npv_minor", C.c_int64),
        ("expected_gross_minor", C.c_int64),
        ("commission_minor", C.c_int64),
        ("contact_costs_minor", C.c_int64),
        ("legal_minor", C.c_int64),
        ("expected_net_minor", C.c_int64),
        ("completion_probability", C.c_char * 48),
        ("expected_contacts", C.c_char * 48),
        ("reportable", C.c_int),
    ]


class LimitationFacts(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("defaulted_on", C.c_char_p),
        ("last_payment", C.c_char_p),
        ("last_acknowledgment", C.c_char_p),
        ("charged_off_on", C.c_char_p),
        ("debt_buyer", C.c_int),
    ]


class LimitationResult(C.Structure):
    _fields_ = [
        ("struct_size", C.c_size_t),
        ("status", C.c_int),
        ("expires_on", C.c_char * 11),
        ("alternative_expires_on", C.c_char * 11),
        ("flags", C.c_uint),
        ("rule_id", C.c_char * 64),
        ("citation", C.c_char * 256),
    ]


def d(value: Any) -> bytes:
    return str(value).encode()


def run(lib: Lib, ex: dict[str, Any]) -> int:
    L = lib.lib
    checked = 0
    for c in ex["garnishment"]:
        ccy, disposable = lib.parse(c["disposable"])
        r = GarnishmentResult(struct_size=C.sizeof(GarnishmentResult))
        lib.ok(
            L.recoup_garnishment_limit(
                d(c["jurisdiction"]), C.c_int64(disposable), C.c_int64(NO_AMOUNT), d(c["pay_period"]),
                d(c["as_of"]), None, None, C.byref(r), None,
            ),
            c["source"],
        )
        assert r.amount_minor == lib.parse(c["expected"])[1], c["source"]
        checked += 1
    for c in ex["late_payment_interest"]:
        ccy, debt = lib.parse(c["debt"])
        r = InterestResult(struct_size=C.sizeof(InterestResult))
        lib.ok(
            L.recoup_statutory_interest(
                b"late_payment", d(c["jurisdiction"]), ccy, C.c_int64(debt), d(c["due"]), d(c["paid"]), None,
                d(c["rounding"]), None, C.byref(r), None,
            ),
            c["source"],
        )
        assert r.amount_minor == lib.parse(c["expected"])[1], c["source"]
        checked += 1
    for c in ex["late_payment_compensation"]:
        ccy, debt = lib.parse(c["debt"])
        out = C.c_int64()
        lib.ok(
            L.recoup_late_payment_compensation(
                d(c["jurisdiction"]), ccy, C.c_int64(debt), d(c["as_of"]), None, C.byref(out), None
            ),
            c["source"],
        )
        assert out.value == lib.parse(c["expected"])[1], c["source"]
        checked += 1
    for c in ex["judgment_interest"]:
        ccy, amount = lib.parse(c["amount"])
        r = InterestResult(struct_size=C.sizeof(InterestResult))
        lib.ok(
            L.recoup_statutory_interest(
                b"judgment", d(c["jurisdiction"]), ccy, C.c_int64(amount), d(c["entered"]), d(c["paid"]), None,
                d(c["rounding"]), None, C.byref(r), None,
            ),
            c["source"],
        )
        assert r.amount_minor == lib.parse(c["expected"])[1], c["source"]
        checked += 1
    for c in ex["accrual"]:
        ccy, principal = lib.parse(c["principal"])
        terms = C.c_void_p()
        acc = C.c_void_p()
        lib.ok(L.recoup_accrual_terms_new(d(c["day_count"]), None, C.byref(terms)), c["source"])
        lib.ok(L.recoup_accrual_terms_add_rate(terms, d(c["from"]), d(c["rate"])), c["source"])
        lib.ok(
            L.recoup_accrual_compute(
                terms, ccy, C.c_int64(principal), d(c["from"]), d(c["to"]), C.c_size_t(0), None, None, C.byref(acc)
            ),
            c["source"],
        )
        interest = C.c_int64()
        lib.ok(L.recoup_accrual_interest(acc, C.byref(interest), None), c["source"])
        assert interest.value == lib.parse(c["expected"])[1], c["source"]
        L.recoup_accrual_free(acc)
        L.recoup_accrual_terms_free(terms)
        checked += 1
    for c in ex["waterfall"]:
        ccy = c["currency"].encode()
        ledger = C.c_void_p()
        lib.ok(L.recoup_ledger_new(ccy, C.byref(ledger)), c["source"])
        for ch in c["charges"]:
            lib.ok(
                L.recoup_ledger_add_charge(
                    ledger, d(ch["due"]), d(ch["bucket"]), C.c_int64(lib.minor(ch["amount"], ccy)),
                    C.c_int64(ch["instalment"]),
                ),
                c["source"],
            )
        for p in c["payments"]:
            lib.ok(
                L.recoup_ledger_add_payment(ledger, d(p["id"]), d(p["date"]), C.c_int64(lib.minor(p["amount"], ccy))),
                c["source"],
            )
        w = C.c_void_p()
        lib.ok(L.recoup_payments_apply(ledger, None, C.byref(w)), c["source"])
        n = len(c["charges"])
        out = (C.c_int64 * n)()
        lib.ok(L.recoup_waterfall_outstanding(w, out, C.c_size_t(n)), c["source"])
        assert list(out) == [lib.minor(a, ccy) for a in c["expected_outstanding"]], c["source"]
        L.recoup_waterfall_free(w)
        L.recoup_ledger_free(ledger)
        checked += 1
    for c in ex["lump_sum"]:
        ccy, balance = lib.parse(c["balance"])
        t = SettleTerms(
            struct_size=C.sizeof(SettleTerms), fraction=d(c["fraction"]), minimum_minor=NO_AMOUNT,
            per_contact_minor=NO_AMOUNT, legal_minor=NO_AMOUNT, report_filed_on=d(c["filed_on"]),
            applicable_entity=1,
        )
        r = SettleResult(struct_size=C.sizeof(SettleResult))
        lib.ok(
            L.recoup_settle_value(
                ccy, C.c_int64(balance), C.byref(t), None, C.byref(r), None, C.c_size_t(0), None, C.c_size_t(0),
                None, None,
            ),
            c["source"],
        )
        assert r.settled_minor == lib.parse(c["expected_settled"])[1], c["source"]
        assert r.forgiven_minor == lib.parse(c["expected_forgiven"])[1], c["source"]
        assert r.reportable == (1 if c["expected_reportable"] else 0), c["source"]
        checked += 1
    statuses = {"running": 0, "expired": 1, "unknown": 2}
    for c in ex["limitation"]:
        f = LimitationFacts(
            struct_size=C.sizeof(LimitationFacts),
            defaulted_on=d(c["defaulted_on"]),
            last_payment=d(c["last_payment"]) if "last_payment" in c else None,
        )
        r = LimitationResult(struct_size=C.sizeof(LimitationResult))
        lib.ok(
            L.recoup_limitation(
                d(c["jurisdiction"]), d(c["debt_type"]), C.byref(f), d(c["as_of"]), None, C.byref(r), None,
                C.c_size_t(0), None, None,
            ),
            c["source"],
        )
        assert r.status == statuses[c["expected_status"]], c["source"]
        assert r.expires_on == d(c["expected_expires_on"]), c["source"]
        checked += 1
    checked += notices(lib, ex["notice"])
    return checked


def notices(lib: Lib, cases: list[dict[str, Any]]) -> int:
    """Each notice case through its C call; every result struct starts with struct_size."""
    L = lib.lib
    date = C.c_char * 11

    def result(*fields: tuple[str, Any]) -> Any:
        class Result(C.Structure):
            _fields_ = [("struct_size", C.c_size_t), *fields]

        return Result(struct_size=C.sizeof(Result))

    def validation_period_end(e: bytes) -> bytes:
        r = result(("assumed_receipt", date), ("end_date", date), ("observed", C.c_char * 8), ("skipped", C.c_size_t))
        lib.ok(L.recoup_validation_period_end(e, None, None, None, None, C.byref(r), None), "validation period")
        return bytes(r.end_date)

    def validation_notice_due(e: bytes) -> bytes:
        out = date()
        lib.ok(L.recoup_validation_notice_due(e, None, None, out, None), "validation notice")
        return bytes(out.value)

    def furnishing_earliest(e: bytes) -> bytes:
        r = result(("wait_ends_on", date), ("earliest", date), ("blocked", C.c_int), ("reading", C.c_char * 16))
        lib.ok(L.recoup_furnishing_earliest(e, None, None, None, None, C.byref(r), None), "furnishing")
        return bytes(r.earliest)

    def credit_reporting_obsolete_on(e: bytes) -> bytes:
        r = result(("clock_start", date), ("last_reportable_day", date), ("obsolete_on", date))
        lib.ok(L.recoup_credit_reporting_obsolete_on(e, None, None, None, C.byref(r), None), "obsolescence")
        return bytes(r.obsolete_on)

    def default_notice_posted(e: bytes) -> bytes:
        r = result(("served_on", date), ("deemed", C.c_int), ("earliest_action", date), ("counting", C.c_char * 16))
        lib.ok(
            L.recoup_default_notice_earliest_action(None, e, b"first_class", None, None, None, None, C.byref(r), None),
            "default notice",
        )
        return bytes(r.earliest_action)

    def pre_action(e: bytes) -> bytes:
        r = result(("reply_due", date), ("earliest_proceedings", date), ("extended", C.c_int))
        lib.ok(L.recoup_pre_action_deadline(e, None, 0, None, None, None, C.byref(r), None), "pre-action")
        return bytes(r.earliest_proceedings)

    def breathing_space_ends_on(e: bytes) -> bytes:
        r = result(("ends_on", date), ("midway_review_from", date), ("midway_review_to", date), ("frozen", C.c_uint))
        lib.ok(L.recoup_breathing_space(e, None, None, None, None, C.byref(r), None), "breathing space")
        return bytes(r.ends_on)

    calls = {f.__name__: f for f in (validation_period_end, validation_notice_due, furnishing_earliest,
                                     credit_reporting_obsolete_on, default_notice_posted, pre_action,
                                     breathing_space_ends_on)}
    for c in cases:
        assert calls[c["kind"]](d(c["event"])) == d(c["expected_date"]), c["source"]
    return len(cases)


def main(library: str, examples: str) -> int:
    n = run(Lib(library), tomllib.loads(Path(examples).read_text()))
    print(f"C ABI parity: {n} worked examples agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

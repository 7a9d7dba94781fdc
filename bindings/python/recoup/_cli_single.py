"""``recoup settle`` and ``recoup check``: one settlement case, one compliance check.

Both are thin faces on ``recoup.settle`` and ``recoup.rules``, imported when the command runs
(so ``recoup --help`` stays fast).
"""

from __future__ import annotations

import argparse
import datetime
from decimal import Decimal
from typing import Any

from ._cli_io import DataError, read_text

__all__ = ["add_check_parser", "add_settle_parser"]


def _types() -> Any:
    from . import cli

    return cli


def _show(result: Any, fields: tuple[str, ...]) -> int:
    """Prints the named fields of a verdict (those it has), then its ``explain()``."""
    for name in fields:
        if hasattr(result, name):
            value = getattr(result, name)
            print(f"{name}: {value}")
    explain = getattr(result, "explain", None)
    if callable(explain):
        print(explain())
    elif not fields or not any(hasattr(result, f) for f in fields):
        print(result)
    return 0


# --- check ------------------------------------------------------------------------------------


def add_check_parser(sub: Any) -> None:
    """Adds ``recoup check <rule> ...`` to the subcommands ``sub``."""
    t = _types()
    check = sub.add_parser(
        "check",
        help="one compliance check (limitation, credit reporting, garnishment, ...)",
        description="Asks the rule engine one question and prints the verdict, its rule and citation.",
    )
    rules = check.add_subparsers(dest="check_command", metavar="CHECK", parser_class=type(check))

    lim = rules.add_parser("limitation", help="is a debt time-barred, and when does the period end")
    lim.add_argument("--jurisdiction", required=True, help="e.g. US-TX, GB-EAW")
    lim.add_argument("--debt-type", required=True, help="open_account, written_contract, oral_contract, ...")
    lim.add_argument("--last-payment", type=t._date, default=None, metavar="DATE", help="last payment date")
    lim.add_argument("--default-date", type=t._date, default=None, metavar="DATE", help="date of default")
    lim.add_argument("--last-acknowledgment", type=t._date, default=None, metavar="DATE",
                     help="the latest written, signed acknowledgment")  # fmt: skip
    lim.add_argument("--debt-buyer", action="store_true", help="the holder bought the debt")
    lim.add_argument(
        "--as-of", type=t._date, default="today", metavar="DATE", help="as-of date (default: today)"
    )
    lim.set_defaults(func=_check_limitation)

    mc = rules.add_parser(
        "may-call",
        help="may this person be called about this debt now (Reg F and state overlays), and when next",
    )
    mc.add_argument(
        "--at", type=_aware, required=True, metavar="TIME",
        help="the proposed call, ISO 8601 with its offset: 2026-11-23T14:30:00+00:00",
    )  # fmt: skip
    mc.add_argument(
        "--time-zone", action="append", required=True, metavar="ZONE", dest="time_zones",
        help="a candidate IANA zone of the consumer (repeat: address first, then phone)",
    )  # fmt: skip
    mc.add_argument(
        "--calls", default=None, metavar="CSV",
        help="the calls already placed: a CSV with columns time (ISO 8601 with offset) and outcome "
        "(connected_conversation, unanswered, voicemail, not_connected)",
    )  # fmt: skip
    mc.add_argument("--jurisdiction", default="US", help="US, or a state overlay: US-MA, US-WA")
    mc.set_defaults(func=_check_may_call)

    ac = rules.add_parser(
        "actions",
        help="the compliance gate: which collection actions may be taken on an account now, and from when",
        description="Judges every collection action (or those named with --action) for one account: "
        "allowed, blocked or allowed_from a time, with each rule, citation and reason. Facts come from "
        "--account (a JSON object of recoup.rules.Account fields) and/or repeated --fact name=value.",
    )
    ac.add_argument("--jurisdiction", default=None, help="the governing jurisdiction, e.g. US-NY, GB-EAW")
    ac.add_argument(
        "--at", type=_aware, default=None, metavar="TIME",
        help="the moment judged, ISO 8601 with its offset (default: now, which the output states)",
    )  # fmt: skip
    ac.add_argument(
        "--time-zone", action="append", default=None, metavar="ZONE", dest="time_zones",
        help="a candidate IANA zone of the consumer (repeat; the first counts days)",
    )  # fmt: skip
    ac.add_argument("--account", default=None, metavar="JSON", help="a JSON file with the account's fields")
    ac.add_argument(
        "--fact", action="append", default=[], metavar="NAME=VALUE",
        help="one account fact, e.g. cease_requested_on=2026-11-02, attorney_represented=true, "
        "opted_out=email",
    )  # fmt: skip
    ac.add_argument("--calls", default=None, metavar="CSV", help="the calls already placed (as for may-call)")
    ac.add_argument(
        "--action", action="append", default=None, dest="actions", metavar="ACTION",
        help="judge only this action (repeat); default: all",
    )  # fmt: skip
    ac.add_argument("--format", choices=("text", "json"), default="text", help="output format (text)")
    ac.add_argument("--explain", action="store_true", help="text: also print each verdict's explanation")
    ac.set_defaults(func=_check_actions)

    cr = rules.add_parser("credit-reporting", help="when an item becomes obsolete for US credit reports")
    cr.add_argument("--first-delinquency", type=t._date, required=True, metavar="DATE")
    cr.set_defaults(func=_check_credit_reporting)

    vp = rules.add_parser("validation-period", help="end of the Reg F validation period")
    vp.add_argument("--provided-on", type=t._date, required=True, metavar="DATE")
    vp.set_defaults(func=_check_validation_period)

    ga = rules.add_parser("garnishment", help="the most that may be garnished from earnings")
    ga.add_argument("--jurisdiction", default="US")
    ga.add_argument("--disposable-earnings", type=t._money, required=True, metavar="AMOUNT")
    ga.add_argument("--pay-period", default="weekly", help="weekly, biweekly, semimonthly, monthly")
    ga.add_argument(
        "--as-of", type=t._date, default="today", metavar="DATE", help="as-of date (default: today)"
    )
    ga.set_defaults(func=_check_garnishment)

    bs = rules.add_parser("breathing-space", help="the end of a standard breathing space (England and Wales)")
    bs.add_argument("--start", type=t._date, required=True, metavar="DATE")
    bs.set_defaults(func=_check_breathing_space)

    lp = rules.add_parser("late-payment-compensation", help="fixed sum under the UK Late Payment Act")
    lp.add_argument("--amount", type=t._money, required=True, metavar="AMOUNT")
    lp.add_argument(
        "--as-of", type=t._date, default="today", metavar="DATE", help="as-of date (default: today)"
    )
    lp.set_defaults(func=_check_late_payment)

    def need(args: argparse.Namespace) -> int:
        from ._cli_io import UsageError

        raise UsageError(
            "recoup check: a check is required (actions, limitation, may-call, credit-reporting, "
            "validation-period, garnishment, breathing-space, late-payment-compensation); "
            "see 'recoup check --help'",
            id="cli.command_required",
        )

    check.set_defaults(func=need)


_VERDICT = ("status", "expires_on", "date", "amount", "rule_id", "citation")


def _check_limitation(args: argparse.Namespace) -> int:
    from . import rules

    verdict = rules.limitation(
        args.jurisdiction,
        args.debt_type,
        as_of=args.as_of,
        last_payment=args.last_payment,
        defaulted_on=args.default_date,
        last_acknowledgment=args.last_acknowledgment,
        debt_buyer=args.debt_buyer,
    )
    return _show(verdict, _VERDICT)


def _aware(text: str) -> datetime.datetime:
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 time (2026-11-23T14:30:00+00:00)"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no UTC offset: write it as 2026-11-23T14:30:00+00:00")
    return value


def _read_calls(path: str | None) -> list[Any]:
    """The calls of a CSV with columns time (ISO 8601 with offset) and outcome."""
    from . import rules

    log: list[rules.CallRecord] = []
    if path is None:
        return log
    import csv
    import io

    text = read_text(path, "call log")
    try:
        for row_number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=1):
            missing = [c for c in ("time", "outcome") if not row.get(c)]
            if missing:
                raise DataError(f"{path} row {row_number}: no {missing[0]!r} value", id="cli.bad_value")
            try:
                at = _aware(row["time"])
            except argparse.ArgumentTypeError as e:
                raise DataError(f"{path} row {row_number}, column 'time': {e}", id="cli.bad_value") from None
            log.append(rules.CallRecord(at=at, outcome=row["outcome"]))
    except csv.Error as e:
        raise DataError(f"{path}: not a readable CSV file ({e})", id="cli.unreadable_csv") from None
    return log


def _check_may_call(args: argparse.Namespace) -> int:
    from . import rules

    log = _read_calls(args.calls)
    verdict = rules.may_call(log, args.at, args.time_zones, args.jurisdiction)
    print(f"allowed: {verdict.allowed}")
    if verdict.next_allowed is not None:
        print(f"next_allowed: {verdict.next_allowed.isoformat()}")
    return _show(verdict, ("rule_id", "citation"))


_LIST_FACTS = ("time_zones", "other_jurisdictions", "opted_out", "reaged_on")
_BOOL_FACTS = (
    "debt_buyer",
    "scra_active_duty",
    "vulnerable",
    "attorney_represented",
    "call_consent",
    "open_end",
    "cca_regulated",
)
_INT_FACTS = ("bankruptcy_chapter", "consecutive_minimum_payments")


def _fact_value(name: str, text: str) -> Any:
    if name in _LIST_FACTS:
        return text.split()
    if name in _BOOL_FACTS:
        if text.lower() in ("true", "yes", "1"):
            return True
        if text.lower() in ("false", "no", "0"):
            return False
        raise DataError(f"--fact {name}={text}: expected true or false", id="cli.bad_fact")
    if name in _INT_FACTS:
        try:
            return int(text)
        except ValueError:
            raise DataError(f"--fact {name}={text}: expected a whole number", id="cli.bad_fact") from None
    return text


def _account_from(args: argparse.Namespace) -> Any:
    import json

    from . import rules

    fields: dict[str, Any] = {}
    if args.account is not None:
        text = read_text(args.account, "account file")
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataError(
                f"{args.account} is not a JSON object of account fields: {e}", id="cli.unreadable_json"
            ) from None
        if not isinstance(loaded, dict):
            kind = type(loaded).__name__
            raise DataError(
                f"{args.account} must hold a JSON object of account fields, not {kind}",
                id="cli.unreadable_json",
            )
        fields.update(loaded)
    for item in args.fact:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise DataError(
                f"--fact {item!r}: write it as name=value, e.g. cease_requested_on=2026-11-02",
                id="cli.bad_fact",
            )
        fields[name.strip()] = _fact_value(name.strip(), value.strip())
    if args.jurisdiction is not None:
        fields["jurisdiction"] = args.jurisdiction
    if args.time_zones:
        fields["time_zones"] = args.time_zones
    if "jurisdiction" not in fields:
        raise DataError(
            "recoup check actions: give --jurisdiction (or a 'jurisdiction' in --account)",
            id="cli.missing_fact",
        )
    calls = _read_calls(args.calls)
    return rules.Account(**fields, calls=calls or None)


def _reason_json(r: Any) -> dict[str, Any]:
    return {
        "rule_id": r.rule_id,
        "jurisdiction": r.jurisdiction,
        "citation": r.citation,
        "certainty": r.certainty,
        "version": r.version,
        "text": r.text,
        "until": None if r.until is None else r.until.isoformat(),
    }


def _check_actions(args: argparse.Namespace) -> int:
    import json

    from . import rules

    account = _account_from(args)
    now = args.at is None
    at = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) if now else args.at
    verdicts = rules.permitted_actions(account, at=at)
    if args.actions:
        unknown = [a for a in args.actions if a not in rules.GATE_ACTIONS]
        if unknown:
            raise DataError(
                f"--action {unknown[0]!r} is not one of: {', '.join(rules.GATE_ACTIONS)}", id="cli.bad_action"
            )
        verdicts = {a: verdicts[a] for a in args.actions}
    if args.format == "json":
        out = {
            "jurisdiction": account.jurisdiction,
            "at": at.isoformat(),
            "at_is_now": now,
            "actions": {
                name: {
                    "status": v.status,
                    "allowed_from": None if v.allowed_from is None else v.allowed_from.isoformat(),
                    "required_by": None if v.required_by is None else v.required_by.isoformat(),
                    "reasons": [_reason_json(r) for r in v.reasons],
                    "conditions": [_reason_json(r) for r in v.conditions],
                }
                for name, v in verdicts.items()
            },
        }
        print(json.dumps(out, indent=2))
        return 0
    print(f"account: {account.jurisdiction}; judged at {at.isoformat()}{' (now)' if now else ''}")
    width = max(len(n) for n in verdicts)
    for name, v in verdicts.items():
        line = f"{name:<{width}}  {v.status:<12}"
        if v.allowed_from is not None:
            line += f" from {v.allowed_from.isoformat()}"
        if v.reasons:
            line += "  " + "; ".join(f"{r.rule_id} ({r.citation})" for r in v.reasons)
        if v.required_by is not None:
            line += f"  required by {v.required_by.isoformat()}"
        print(line.rstrip())
        if args.explain:
            for step in v.explain().splitlines():
                print(f"    {step}")
    return 0


def _check_credit_reporting(args: argparse.Namespace) -> int:
    from . import rules

    return _show(rules.credit_reporting_obsolete_on(first_delinquency=args.first_delinquency), _VERDICT)


def _check_validation_period(args: argparse.Namespace) -> int:
    from . import rules

    return _show(rules.validation_period_end(provided_on=args.provided_on), _VERDICT)


def _check_garnishment(args: argparse.Namespace) -> int:
    from . import rules

    result = rules.garnishment_limit(
        jurisdiction=args.jurisdiction,
        disposable_earnings=args.disposable_earnings,
        pay_period=args.pay_period,
        as_of=args.as_of,
    )
    return _show(result, _VERDICT)


def _check_breathing_space(args: argparse.Namespace) -> int:
    from . import rules

    return _show(rules.breathing_space(start=args.start), (*_VERDICT, "end", "ends_on"))


def _check_late_payment(args: argparse.Namespace) -> int:
    from . import rules

    return _show(rules.late_payment_compensation(amount=args.amount, as_of=args.as_of), _VERDICT)


# --- settle -----------------------------------------------------------------------------------


def add_settle_parser(sub: Any) -> None:
    """Adds ``recoup settle ...`` to the subcommands ``sub``."""
    t = _types()
    settle = sub.add_parser(
        "settle",
        help="one settlement case: an offer, its NPV and expected recovery, or the best offer",
        description="Values one settlement offer (a lump sum, a discounted instalment plan or the full "
        "balance over time): its payments, NPV and expected net recovery under a break hazard and "
        "collection costs. With --max-payment, searches for the offer with the largest expected "
        "recovery that the debtor can afford and your authority allows.",
    )
    settle.add_argument(
        "--balance", type=t._money, required=True, metavar="AMOUNT", help='e.g. "5000.00 USD"'
    )
    settle.add_argument(
        "--fraction", type=t._rate, default=Decimal(1), help="share of the balance paid (60%%)"
    )
    settle.add_argument("--payments", type=t._positive, default=1, metavar="N", help="number of payments (1)")
    settle.add_argument("--frequency", default="monthly", help="period of the payments (monthly)")
    settle.add_argument("--first-due", type=t._date, default=None, metavar="DATE", help="first due date")
    settle.add_argument(
        "--discount-rate", type=t._rate, default=Decimal("0.01"), help="per period (default 1%%)"
    )
    settle.add_argument("--hazard", type=t._rate, default=Decimal(0), help="break hazard a period (0)")
    settle.add_argument(
        "--per-contact", type=t._decimal, default=None, metavar="AMOUNT", help="cost of a contact"
    )
    settle.add_argument("--setup-contacts", type=t._decimal, default=Decimal(0), metavar="N")
    settle.add_argument("--contacts-per-payment", type=t._decimal, default=Decimal(0), metavar="N")
    settle.add_argument("--commission", type=t._rate, default=Decimal(0), help="agency commission (25%%)")
    settle.add_argument("--legal", type=t._decimal, default=None, metavar="AMOUNT", help="legal costs, now")
    settle.add_argument(
        "--max-payment",
        type=t._money,
        default=None,
        metavar="AMOUNT",
        help="optimise: most the debtor pays a period",
    )
    settle.add_argument(
        "--max-discount", type=t._rate, default=Decimal(0), help="optimise: your authority (35%%)"
    )
    settle.add_argument("--age-days", type=int, default=0, metavar="N", help="optimise: days since default")
    settle.add_argument(
        "--max-payments", type=t._positive, default=60, metavar="N", help="optimise: longest plan"
    )
    settle.add_argument("--explain", action="store_true", help="also print how every figure was reached")
    settle.set_defaults(func=_settle)


def _settle(args: argparse.Namespace) -> int:
    from rich.table import Table

    from . import settle
    from .cli import _console

    costs = settle.CollectionCosts(
        per_contact=args.per_contact,
        setup_contacts=args.setup_contacts,
        contacts_per_payment=args.contacts_per_payment,
        legal=args.legal,
        commission=args.commission,
    )
    model = settle.constant_hazard(args.hazard)
    balance = args.balance
    if args.max_payment is not None:
        found = settle.optimise(
            balance,
            max_payment=args.max_payment,
            authority="operator",
            bands=[settle.AuthorityBand("operator", args.max_discount)],
            age_days=args.age_days,
            discount_rate=args.discount_rate,
            model=model,
            costs=costs,
            max_payments=args.max_payments,
            frequency=args.frequency,
            first_due=args.first_due,
        )
        off = f"{(args.max_discount * 100).normalize():f}%"
        table = Table(title=f"Offers for {balance} (at most {args.max_payment} a period, up to {off} off)")
        for col in ("payments", "settled", "discount", "expected net", "allowed, or why not"):
            table.add_column(col, justify="left" if col.startswith("allowed") else "right", overflow="fold")
        for c in found.candidates:
            o = c.valuation.offer
            table.add_row(
                str(len(o.payments)),
                str(o.settled.amount),
                f"{o.discount(4, 'half_even') * 100:.2f}%",
                str(c.valuation.expected_net.amount),
                c.reason,
            )
        _console().print(table)
        best = found.best
        if best is None:
            print("best: none — no offer is within the authority and the debtor's means")
            return 0
        kind = best.offer.kind.replace("_", " ")
        count = len(best.offer.payments)
        print(f"best: {kind} of {best.offer.settled} in {count} payment(s), expected net {best.expected_net}")
        valuation = best
    else:
        if args.fraction <= 0 or args.fraction > 1:
            from ._cli_io import UsageError

            raise UsageError(
                f"--fraction {args.fraction} must be more than 0 and at most 1 (100%)", id="cli.bad_argument"
            )
        if args.payments == 1 and args.fraction < 1:
            offer = settle.lump_sum(balance, args.fraction)
        elif args.fraction < 1:
            offer = settle.instalment_settlement(
                balance, args.fraction, args.payments, args.frequency, first_due=args.first_due
            )
        else:
            offer = settle.full_balance_plan(balance, args.payments, args.frequency, first_due=args.first_due)
        valuation = settle.value(offer, args.discount_rate, model, costs)
        kind = offer.kind.replace("_", " ")
        print(f"{kind}: {offer.settled} of {balance}, {offer.forgiven} forgiven")
        dated = any(due is not None for _, _, due in offer.payments)
        table = Table()
        table.add_column("period", justify="right")
        if dated:
            table.add_column("due", justify="left")
        table.add_column(f"payment ({balance.currency})", justify="right", overflow="fold")
        for period, amount, due in offer.payments:
            cells = [str(period), *([str(due)] if dated else []), str(amount.amount)]
            table.add_row(*cells)
        _console().print(table)
    for name in ("npv", "expected_gross", "commission", "contact_costs", "legal", "expected_net"):
        print(f"{name.replace('_', ' ')}: {getattr(valuation, name)}")
    print(f"completion probability: {valuation.completion_probability}")
    if args.explain:
        print(valuation.explain())
    return 0

"""``recoup rules ...``: the rule data itself (``recoup rules audit``)."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any


def add_rules_parser(sub: Any, date_type: Any, need_sub: Any) -> None:
    """Adds ``recoup rules audit`` to the subcommands ``sub``."""
    rules = sub.add_parser(
        "rules",
        help="the rule data: certainty, sources and horizons of every figure (recoup rules audit)",
        description="Inspects the rule packs the checks use.",
    )
    rules_sub = rules.add_subparsers(dest="rules_command", metavar="COMMAND", parser_class=type(rules))
    au = rules_sub.add_parser(
        "audit",
        help="certainty counts by pack and jurisdiction, sources by domain, tables ending soon",
        description="Audits every figure of the rule book: how many are verified against the official "
        "text, where they were checked, which dated tables (reference rates, minimum wages) end within "
        "--within-days of --as-of or have already ended, and every unverified or contested figure.",
    )
    au.add_argument(
        "--as-of", type=date_type, default=None, metavar="DATE", help="audit date (default: today)"
    )
    au.add_argument(
        "--within-days", type=int, default=90, metavar="N",
        help="flag tables whose last day is at most N days after --as-of (default 90)",
    )  # fmt: skip
    au.add_argument(
        "--pack", action="append", default=[], metavar="FILE",
        help="also load this rule pack (repeat), as the checks would with recoup.rules.load_pack",
    )  # fmt: skip
    au.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    au.set_defaults(func=_cmd_rules_audit)

    rules.set_defaults(func=need_sub(rules, "audit"))


def _cmd_rules_audit(args: argparse.Namespace) -> int:
    from . import rules

    book = None
    for path in args.pack:
        book = rules.load_pack(path, book)
    as_of = args.as_of if args.as_of is not None else datetime.date.today()
    report = rules.audit(as_of=as_of, within_days=args.within_days, book=book)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.to_text())
    return 0

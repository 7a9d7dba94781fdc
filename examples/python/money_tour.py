"""A tour of recoup's money core from Python: exact amounts, named rounding, allocation, columns."""

from decimal import Decimal
from typing import Callable

import numpy as np

import recoup
from recoup import Money, apply_in_order, columns

balance = Money("1234.56", "USD")
print("balance           ", balance, f"({balance.minor_units} cents, amount {balance.amount!r})")
print("3.5% fee          ", balance.multiply(Decimal("0.035"), rounding="half_up"))
print("1000 GBP / 7      ", Money("1000", "GBP").divide(7, rounding="half_even"))
print("CHF cash rounding ", Money("7.23", "CHF").round_to("0.05", rounding="half_up"))
print("10.00 USD / 3     ", [str(m) for m in Money("10.00", "USD").allocate(3)])
print("100 GBP 1:2:3 last", [str(m) for m in Money("100", "GBP").allocate([1, 2, 3], remainder="last")])
paid = apply_in_order(Money("150.00", "GBP"), [Money("100", "GBP"), Money("80", "GBP"), Money("40", "GBP")])
print("payment applied   ", paid)

cents = columns.parse(np.array(["10.00", "25.50", "0.01", "999.99"]), "USD")
print("column            ", cents, "total", columns.sum(cents, "USD"))
print("column / 3        ", columns.allocate(cents, 3).tolist())

mistakes: list[Callable[[], object]] = [
    lambda: Money(0.1, "USD"),
    lambda: Money("1.001", "USD"),
    lambda: Money("1", "usd"),
]
for bad in mistakes:
    try:
        bad()
    except recoup.RecoupError as e:
        print(f"error {e.id}: {type(e).__name__}: {e}")

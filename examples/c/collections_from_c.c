/* A collections system's questions through the C ABI: where does a payment go, may we call,
 * how much may be garnished, and which rule says so. Output checked by ctest
 * (collections_from_c.expected). */
#include <recoup/c/recoup.h>

#include <stdio.h>

static int ok(recoup_status s) {
  if (s != RECOUP_STATUS_OK) fprintf(stderr, "%s (%s)\n", recoup_last_error_message(), recoup_last_error_id());
  return s == RECOUP_STATUS_OK;
}

int main(void) {
  /* 1. A payment waterfall: instalment 1 first (interest, then principal), then the late fee. */
  recoup_ledger* ledger = NULL;
  recoup_waterfall* w = NULL;
  int64_t left[3];
  char text[64];
  if (!ok(recoup_ledger_new("GBP", &ledger))) return 1;
  recoup_ledger_add_charge(ledger, "2025-01-31", "interest", 1000, 1);
  recoup_ledger_add_charge(ledger, "2025-01-31", "principal", 9000, 1);
  recoup_ledger_add_charge(ledger, "2025-02-05", "fees", 2500, 0);
  recoup_ledger_add_payment(ledger, "p1", "2025-02-10", 10000);
  if (!ok(recoup_payments_apply(ledger, NULL, &w))) return 1;
  recoup_waterfall_outstanding(w, left, 3);
  recoup_money_format("GBP", left[2], text, sizeof text, NULL);
  printf("after p1: interest %lld, principal %lld, fee %s left\n", (long long)left[0], (long long)left[1], text);
  recoup_waterfall_free(w);
  recoup_ledger_free(ledger);

  /* 2. May we call? Seven calls in seven days already: no (12 CFR 1006.14(b)(2)(i)). */
  {
    int32_t monday = 0;
    int64_t calls[7];
    uint8_t outcomes[7];
    recoup_contact_request q;
    recoup_contact_result r = {sizeof r, 0, 0, 0, 0};
    recoup_verdict* why = NULL;
    char cite[128], next[11];
    int i;
    recoup_date_serial("2026-03-02", &monday);
    for (i = 0; i < 7; ++i) {
      calls[i] = (int64_t)monday * 86400 + 15 * 3600 + (int64_t)(i % 6) * 86400 + i * 60;
      outcomes[i] = RECOUP_CALL_UNANSWERED;
    }
    recoup_contact_request_init(&q);
    q.at_utc_seconds = (int64_t)monday * 86400 + 6 * 86400 + 16 * 3600;
    q.time_zones = "America/New_York";
    if (!ok(recoup_contact_may_call(7, calls, outcomes, NULL, NULL, &q, NULL, &r, &why))) return 1;
    recoup_verdict_rule(why, 0, RECOUP_RULE_CITATION, cite, sizeof cite, NULL);
    recoup_date_from_serial((int32_t)(r.next_allowed / 86400), next);
    printf("eighth call: %s (%s); next allowed on %s\n", r.allowed ? "allowed" : "blocked", cite, next);
    recoup_verdict_free(why);
  }

  /* 3. Garnishment of $250.00 weekly disposable pay: 250.00 - 30 x 7.25 = 32.50 (29 CFR 870.10). */
  {
    recoup_garnishment_result g = {sizeof g, 0, 0, 0, 0, 0, 0};
    recoup_verdict* why = NULL;
    char cite[128];
    if (!ok(recoup_garnishment_limit("US", 25000, RECOUP_NO_AMOUNT, "weekly", "2026-01-09", NULL, NULL, &g, &why)))
      return 1;
    recoup_verdict_rule(why, 0, RECOUP_RULE_CITATION, cite, sizeof cite, NULL);
    recoup_money_format("USD", g.amount_minor, text, sizeof text, NULL);
    printf("garnishable: %s (%s)\n", text, cite);
    recoup_verdict_free(why);
  }

  /* 4. A bad input says what to fix. */
  if (recoup_ledger_new("GBX", &ledger) != RECOUP_STATUS_OK)
    printf("error %s: %s\n", recoup_last_error_id(), recoup_last_error_message());
  return 0;
}

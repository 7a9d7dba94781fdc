/* The C ABI, exercised from C99: every entry point, its errors, and buffer-size negotiation. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_money(void) {
  char code[4];
  int64_t minor = 0;
  char text[32];
  size_t need = 0;
  int64_t parts[3];
  int units = 0;
  CHECK(recoup_money_parse("1234.56 USD", code, &minor) == RECOUP_STATUS_OK);
  CHECK(strcmp(code, "USD") == 0 && minor == 123456);
  CHECK(recoup_money_format("USD", minor, text, sizeof text, &need) == RECOUP_STATUS_OK);
  CHECK(strcmp(text, "1234.56 USD") == 0 && need == 12);
  CHECK(recoup_money_format("USD", minor, text, 4, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need == 12);
  CHECK(recoup_money_multiply("USD", 123456, "0.035", "half_up", &minor) == RECOUP_STATUS_OK && minor == 4321);
  CHECK(recoup_money_allocate("USD", 1000, 3, "largest_remainder", parts) == RECOUP_STATUS_OK);
  CHECK(parts[0] == 334 && parts[1] == 333 && parts[2] == 333);
  CHECK(recoup_currency_minor_units("JPY", &units) == RECOUP_STATUS_OK && units == 0);
  /* Errors: a status, a stable id and a message naming the bad value. */
  CHECK(recoup_money_parse("12.345 USD", code, &minor) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "money.excess_precision") == 0);
  /* Money text is plain digits; a malformed exponent is a syntax error, not 0.001 (fuzzing). */
  CHECK(recoup_money_parse("1e5 USD", code, &minor) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "money.exponent_notation") == 0);
  CHECK(recoup_money_parse("100E+-5 BHD", code, &minor) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "decimal.syntax") == 0);
  CHECK(recoup_money_format("XXY", 1, text, sizeof text, NULL) == RECOUP_STATUS_UNKNOWN_CURRENCY);
  CHECK(strstr(recoup_last_error_message(), "XXY") != NULL);
  CHECK(recoup_money_parse(NULL, code, &minor) == RECOUP_STATUS_NULL_ARGUMENT);
  CHECK(recoup_money_multiply("USD", 1, "0.5", "sideways", &minor) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_money_multiply("USD", INT64_MAX, "2", "half_up", &minor) == RECOUP_STATUS_OVERFLOW);
  CHECK(strcmp(recoup_status_name(RECOUP_STATUS_OVERFLOW), "overflow") == 0);
  /* A success clears the last error. */
  CHECK(recoup_currency_minor_units("USD", &units) == RECOUP_STATUS_OK && recoup_last_error_message()[0] == '\0');
}

static void test_calendar(void) {
  int business = -1;
  char next[11];
  CHECK(recoup_calendar_is_business_day("US", "2025-07-04", &business) == RECOUP_STATUS_OK && business == 0);
  CHECK(recoup_calendar_add_business_days("GB-EAW", "2025-04-17", 1, next) == RECOUP_STATUS_OK);
  CHECK(strcmp(next, "2025-04-22") == 0);
  CHECK(recoup_calendar_is_business_day("XX", "2025-07-04", &business) == RECOUP_STATUS_UNKNOWN_JURISDICTION);
  CHECK(recoup_calendar_is_business_day("US", "2025-02-30", &business) == RECOUP_STATUS_INVALID_INPUT);
}

static void test_schedule(void) {
  recoup_schedule_terms t;
  recoup_schedule* s = NULL;
  size_t rows = 0;
  recoup_schedule_row row = {sizeof(recoup_schedule_row), 0, "", 0, 0, 0, 0, 0};
  int64_t total = 0, interest = 0, regular = 0;
  size_t need = 0;
  char* text;
  recoup_schedule_terms_init(&t);
  t.currency = "USD";
  t.principal_minor = 1000000;
  t.annual_rate = "0.06";
  t.periods = 12;
  t.first_due = "2025-01-31";
  CHECK(recoup_schedule_build(&t, &s) == RECOUP_STATUS_OK && s != NULL);
  CHECK(recoup_schedule_row_count(s, &rows) == RECOUP_STATUS_OK && rows == 12);
  CHECK(recoup_schedule_get_row(s, 1, &row) == RECOUP_STATUS_OK);
  CHECK(row.number == 2 && strcmp(row.due_date, "2025-02-28") == 0 && row.payment_minor == 86066);
  CHECK(recoup_schedule_get_row(s, 11, &row) == RECOUP_STATUS_OK && row.balance_minor == 0 && row.payment_minor == 86070);
  CHECK(recoup_schedule_get_row(s, 12, &row) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_schedule_totals(s, &total, &interest, &regular) == RECOUP_STATUS_OK);
  CHECK(total == 1032796 && interest == 32796 && regular == 86066);
  CHECK(recoup_schedule_explain(s, NULL, 0, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need > 100);
  text = (char*)malloc(need);
  CHECK(text != NULL && recoup_schedule_explain(s, text, need, NULL) == RECOUP_STATUS_OK);
  CHECK(text != NULL && strstr(text, "final_clears_balance") != NULL);
  free(text);
  recoup_schedule_free(s);
  /* Arrears: GBP 1,200 at GBP 50 a month. */
  recoup_schedule_terms_init(&t);
  t.shape = "fixed_instalment";
  t.currency = "GBP";
  t.principal_minor = 120000;
  t.instalment_minor = 5000;
  t.first_due = "2026-01-15";
  CHECK(recoup_schedule_build(&t, &s) == RECOUP_STATUS_OK);
  CHECK(recoup_schedule_row_count(s, &rows) == RECOUP_STATUS_OK && rows == 24);
  recoup_schedule_free(s);
  /* Errors leave *out NULL. */
  t.principal_minor = -1;
  s = (recoup_schedule*)&t;
  CHECK(recoup_schedule_build(&t, &s) == RECOUP_STATUS_INVALID_INPUT && s == NULL);
  CHECK(strcmp(recoup_last_error_id(), "plan.principal") == 0);
  recoup_schedule_free(NULL);
}

static void test_apr(void) {
  const char* adv_dates[] = {"1978-01-10"};
  const int64_t adv[] = {500000};
  const char* pay_dates[24];
  int64_t pay[24];
  char dates[24][11];
  char apr[40];
  int i;
  for (i = 0; i < 24; ++i) { /* Reg Z App. J (c)(1)(i): 24 x 230.00 monthly from 1978-02-10 */
    snprintf(dates[i], sizeof dates[i], "%04d-%02d-10", 1978 + (i + 1) / 12, (i + 1) % 12 + 1);
    pay_dates[i] = dates[i];
    pay[i] = 23000;
  }
  CHECK(recoup_apr("us_reg_z", "USD", 1, adv_dates, adv, 24, pay_dates, pay, apr, sizeof apr, NULL) == RECOUP_STATUS_OK);
  CHECK(strncmp(apr, "0.0968", 6) == 0);
  CHECK(recoup_apr("eu", "USD", 1, adv_dates, adv, 24, pay_dates, pay, apr, sizeof apr, NULL) == RECOUP_STATUS_INVALID_INPUT);
}

static void test_limitation(void) {
  recoup_limitation_facts facts = {sizeof(recoup_limitation_facts), NULL, "2021-03-15", NULL, NULL, 0};
  recoup_limitation_result r;
  recoup_verdict* v = NULL;
  char cite[512];
  r.struct_size = sizeof r;
  char text[4096];
  size_t need = 0;
  /* Tex. Civ. Prac. & Rem. Code 16.004(c): open account, 4 years from the last activity. */
  CHECK(recoup_limitation("US-TX", "open_account", &facts, "2026-11-23", NULL, &r, text, sizeof text, &need, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_LIMITATION_EXPIRED);
  CHECK(strcmp(r.expires_on, "2025-03-15") == 0);
  CHECK(strcmp(r.rule_id, "limitation.open_account") == 0);
  CHECK(strstr(r.citation, "16.004(c)") != NULL);
  CHECK(strstr(text, "2025-03-15") != NULL && need == strlen(text) + 1);
  /* England and Wales: 6 years; a part payment now would restart the period (s.29(5)). */
  facts.last_payment = "2024-05-01";
  CHECK(recoup_limitation("GB-EAW", "open_account", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_LIMITATION_RUNNING && strcmp(r.expires_on, "2030-05-01") == 0);
  CHECK((r.flags & RECOUP_LIMITATION_PAYMENT_NOW_RESTARTS) != 0);
  /* No start date: unknown, never a guess. */
  facts.last_payment = NULL;
  CHECK(recoup_limitation("US-CA", "written_contract", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_LIMITATION_UNKNOWN && r.expires_on[0] == '\0');
  /* Errors name what is wrong. */
  CHECK(recoup_limitation("US-XX", "open_account", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_UNKNOWN_JURISDICTION);
  CHECK(strstr(recoup_last_error_message(), "US-XX") != NULL);
  CHECK(recoup_limitation("US-TX", "credit_card", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "limitation.debt_type") == 0);
  facts.defaulted_on = "2024-02-30";
  CHECK(recoup_limitation("US-TX", "open_account", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_limitation("US-TX", "open_account", NULL, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_NULL_ARGUMENT);
  facts.defaulted_on = "2021-03-15";
  CHECK(recoup_limitation("US-TX", "open_account", &facts, "2026-11-23", NULL, &r, text, 4, &need, NULL) ==
        RECOUP_STATUS_BUFFER_TOO_SMALL);
  /* The whole citation through the verdict (the result's field is for display). */
  CHECK(recoup_limitation("US-TX", "open_account", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, &v) == RECOUP_STATUS_OK);
  CHECK(recoup_verdict_rule(v, 0, RECOUP_RULE_CITATION, cite, sizeof cite, NULL) == RECOUP_STATUS_OK);
  CHECK(strstr(cite, "16.004(c)") != NULL);
  recoup_verdict_free(v);
  /* A struct from a caller that did not set struct_size is refused, not read past its end. */
  facts.struct_size = 0;
  CHECK(recoup_limitation("US-TX", "open_account", &facts, "2026-11-23", NULL, &r, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
}

/* The compliance gate: a cease request (15 U.S.C. 1692c(c)) and a time-barred suit (12 CFR 1006.26(b)). */
static void test_gate(void) {
  recoup_account* acct = NULL;
  recoup_gate_verdict* v = NULL;
  recoup_rulebook* book = NULL;
  char text[2048];
  size_t need = 0, reasons = 0, conditions = 0;
  int status = -1;
  int64_t from = 0;
  int32_t required = 0;
  const int64_t monday_10am_ny = 1796655600; /* 2026-12-07 15:00:00 UTC */

  CHECK(recoup_account_new("US-NY", &acct) == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "time_zones", "America/New_York") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "defaulted_on", "2025-01-15") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "first_delinquency", "2025-01-15") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "validation_notice_sent_on", "2026-09-04") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "cease_requested_on", "2026-11-02") == RECOUP_STATUS_OK);

  CHECK(recoup_gate_permitted(acct, "call", monday_10am_ny, NULL, &v) == RECOUP_STATUS_OK);
  CHECK(recoup_gate_verdict_status(v, &status, &from, &required) == RECOUP_STATUS_OK);
  CHECK(status == RECOUP_GATE_BLOCKED && from == RECOUP_NO_INSTANT && required == RECOUP_NO_DATE);
  CHECK(recoup_gate_verdict_counts(v, &reasons, &conditions) == RECOUP_STATUS_OK && reasons == 1);
  CHECK(recoup_gate_verdict_reason(v, 0, 0, RECOUP_GATE_RULE_ID, text, sizeof text, &need) == RECOUP_STATUS_OK);
  CHECK(strcmp(text, "gate.cease_communication") == 0);
  CHECK(recoup_gate_verdict_reason(v, 0, 0, RECOUP_GATE_CITATION, text, 4, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL);
  CHECK(need > 4 && need < sizeof text);
  CHECK(recoup_gate_verdict_reason(v, 0, 0, RECOUP_GATE_CITATION, text, need, NULL) == RECOUP_STATUS_OK);
  CHECK(strstr(text, "1692c(c)") != NULL);
  CHECK(recoup_gate_verdict_explain(v, text, sizeof text, &need) == RECOUP_STATUS_OK);
  CHECK(strstr(text, "blocked") != NULL);
  CHECK(recoup_gate_verdict_reason(v, 0, 5, RECOUP_GATE_TEXT, text, sizeof text, NULL) == RECOUP_STATUS_INVALID_INPUT);
  recoup_gate_verdict_free(v);

  /* The exception in the pack: a notice that collection ends is still allowed. */
  CHECK(recoup_gate_permitted(acct, "termination_notice", monday_10am_ny, NULL, &v) == RECOUP_STATUS_OK);
  CHECK(recoup_gate_verdict_status(v, &status, NULL, NULL) == RECOUP_STATUS_OK && status == RECOUP_GATE_ALLOWED);
  CHECK(recoup_gate_verdict_counts(v, NULL, &conditions) == RECOUP_STATUS_OK && conditions == 1);
  recoup_gate_verdict_free(v);

  /* 7:00 in New York: a letter now, a call from 8:00 (13:00 UTC) once the cease is lifted. */
  {
    recoup_account* b = NULL;
    const recoup_account* book_accounts[2];
    int statuses[2];
    int64_t froms[2];
    CHECK(recoup_account_new("US-NY", &b) == RECOUP_STATUS_OK);
    CHECK(recoup_account_set(b, "time_zones", "America/New_York") == RECOUP_STATUS_OK);
    book_accounts[0] = acct;
    book_accounts[1] = b;
    CHECK(recoup_gate_batch(book_accounts, 2, "call", monday_10am_ny - 3 * 3600, NULL, statuses, froms, NULL) ==
          RECOUP_STATUS_OK);
    CHECK(statuses[0] == RECOUP_GATE_BLOCKED && statuses[1] == RECOUP_GATE_ALLOWED_FROM);
    CHECK(froms[1] == monday_10am_ny - 2 * 3600);
    recoup_account_free(b);
  }

  /* A Texas debt last paid 2021-03-15 is time-barred after 2025-03-15: no suit. */
  {
    recoup_account* tx = NULL;
    CHECK(recoup_account_new("US-TX", &tx) == RECOUP_STATUS_OK);
    CHECK(recoup_account_set(tx, "last_payment", "2021-03-15") == RECOUP_STATUS_OK);
    CHECK(recoup_gate_permitted(tx, "litigate", monday_10am_ny, NULL, &v) == RECOUP_STATUS_OK);
    CHECK(recoup_gate_verdict_status(v, &status, NULL, NULL) == RECOUP_STATUS_OK && status == RECOUP_GATE_BLOCKED);
    CHECK(recoup_gate_verdict_reason(v, 0, 0, RECOUP_GATE_RULE_ID, text, sizeof text, NULL) == RECOUP_STATUS_OK);
    CHECK(strcmp(text, "gate.time_barred_suit") == 0);
    recoup_gate_verdict_free(v);
    recoup_account_free(tx);
  }

  /* A broken pack is refused by name and leaves the book as it was; a creditor is not bound by
   * the FDCPA's cease rule (15 U.S.C. 1692a(6)). */
  CHECK(recoup_rulebook_new(&book) == RECOUP_STATUS_OK);
  CHECK(recoup_rulebook_load_text(book, "schema = 1\n[pack]\nid = \"bad\"\n", "bad.toml") == RECOUP_STATUS_RULE_PACK);
  CHECK(strstr(recoup_last_error_message(), "bad.toml") != NULL);
  CHECK(recoup_account_set(acct, "collector", "creditor") == RECOUP_STATUS_OK);
  CHECK(recoup_gate_permitted(acct, "letter", monday_10am_ny, book, &v) == RECOUP_STATUS_OK);
  CHECK(recoup_gate_verdict_status(v, &status, NULL, NULL) == RECOUP_STATUS_OK && status == RECOUP_GATE_ALLOWED);
  recoup_gate_verdict_free(v);

  /* Errors name what is wrong. */
  CHECK(recoup_account_set(acct, "ceased_on", "2026-11-02") == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "gate.unknown_field") == 0);
  CHECK(recoup_account_set(acct, "dispute_received_on", "2026-02-30") == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_gate_permitted(acct, "phone", monday_10am_ny, NULL, &v) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "gate.unknown_action") == 0);
  CHECK(recoup_account_set(acct, "last_payment", "2030-01-01") == RECOUP_STATUS_OK);
  CHECK(recoup_gate_permitted(acct, "call", monday_10am_ny, NULL, &v) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "gate.future_fact") == 0);
  CHECK(recoup_gate_permitted(NULL, "call", monday_10am_ny, NULL, &v) == RECOUP_STATUS_NULL_ARGUMENT);
  recoup_rulebook_free(book);
  recoup_account_free(acct);
}

/* The decision: a time-barred Texas debt is placed with an agency, not sued (12 CFR 1006.26(b)). */
static void test_decide(void) {
  recoup_account* acct = NULL;
  recoup_account* ny = NULL;
  recoup_decision* d = NULL;
  recoup_policy* policy = NULL;
  recoup_decision_summary sum;
  recoup_decision_summary book[2];
  const recoup_account* accounts[2];
  const int64_t balances[2] = {1000000, 1000000};
  char text[4096];
  size_t need = 0;
  const int64_t at = 1796655600; /* 2026-12-07 15:00:00 UTC */

  CHECK(recoup_account_new("US-TX", &acct) == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "time_zones", "America/Chicago") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "defaulted_on", "2019-01-01") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "first_delinquency", "2019-01-01") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(acct, "validation_notice_sent_on", "2019-03-01") == RECOUP_STATUS_OK);
  CHECK(recoup_decide(acct, "A-2", "10000.00 USD", NULL, at, NULL, NULL, &d) == RECOUP_STATUS_OK);
  memset(&sum, 0, sizeof sum);
  sum.struct_size = sizeof sum;
  CHECK(recoup_decision_summary_get(d, &sum) == RECOUP_STATUS_OK);
  CHECK(sum.strategy == RECOUP_STRATEGY_AGENCY && sum.expected_net_recovery_minor == 102863);
  CHECK(strcmp(recoup_strategy_name(sum.strategy), "agency") == 0);
  CHECK(strcmp(recoup_action_name(sum.next_action), "place_with_agency") == 0);
  CHECK(sum.next_action_at == at);
  CHECK((sum.blocked_actions & (1u << 6)) != 0); /* litigate */
  CHECK(recoup_decision_explain(d, text, sizeof text, &need) == RECOUP_STATUS_OK);
  CHECK(strstr(text, "gate.time_barred_suit") != NULL);
  sum.struct_size = 8;
  CHECK(recoup_decision_summary_get(d, &sum) == RECOUP_STATUS_INVALID_INPUT);
  recoup_decision_free(d);

  /* The batch gives the same answers. */
  CHECK(recoup_account_new("US-NY", &ny) == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(ny, "time_zones", "America/New_York") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(ny, "first_delinquency", "2025-11-02") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(ny, "defaulted_on", "2025-11-02") == RECOUP_STATUS_OK);
  CHECK(recoup_account_set(ny, "validation_notice_sent_on", "2025-11-12") == RECOUP_STATUS_OK);
  accounts[0] = acct;
  accounts[1] = ny;
  book[0].struct_size = sizeof book[0];
  book[1].struct_size = sizeof book[1];
  CHECK(recoup_decide_batch(accounts, NULL, balances, NULL, 2, at, NULL, NULL, book) == RECOUP_STATUS_OK);
  CHECK(book[0].strategy == RECOUP_STRATEGY_AGENCY && book[0].expected_net_recovery_minor == 102863);
  CHECK(book[1].strategy == RECOUP_STRATEGY_LITIGATION && book[1].expected_net_recovery_minor == 136862);

  /* A policy of one's own, from text; a broken one names the line. */
  CHECK(recoup_policy_load_text("schema = 1\n[policy]\nid = \"acme\"\ntitle = \"Acme\"\nannual_discount_rate = \"0.12\"\n"
                                "minimum_payment = \"25\"\naffordability_share = \"0.5\"\n[currencies]\nUS = \"USD\"\n"
                                "[[segment]]\nid = \"all\"\n[segment.sale]\nprice = \"0.30\"\n[segment.write_off]\n",
                                "acme.toml", &policy) == RECOUP_STATUS_OK);
  CHECK(recoup_decide(ny, "A-1", "10000.00 USD", NULL, at, policy, NULL, &d) == RECOUP_STATUS_OK);
  CHECK(recoup_decision_summary_get(d, &book[1]) == RECOUP_STATUS_OK);
  CHECK(book[1].strategy == RECOUP_STRATEGY_SALE && book[1].expected_net_recovery_minor == 300000);
  recoup_decision_free(d);
  recoup_policy_free(policy);
  CHECK(recoup_policy_load_text("schema = 1\n[policy]\nid = \"x\"\n", "broken.toml", &policy) == RECOUP_STATUS_RULE_PACK);
  CHECK(strstr(recoup_last_error_message(), "broken.toml line") != NULL);
  CHECK(recoup_decide(ny, "A-1", "10000.00 GBP", NULL, at, NULL, NULL, &d) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "decide.currency") == 0);
  CHECK(recoup_strategy_name(99) == NULL);
  recoup_account_free(ny);
  recoup_account_free(acct);
}

int main(void) {
  test_money();
  test_calendar();
  test_schedule();
  test_limitation();
  test_apr();
  test_gate();
  test_decide();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("C ABI: all checks passed (recoup %s)\n", recoup_version());
  return 0;
}

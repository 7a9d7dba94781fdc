/* The C ABI's affordability and authority checks, from C99, against the C++ tests' worked
 * figures: a Standard Financial Statement normalised to monthly amounts, a debt management plan
 * shared pro rata, and authority bands for settlement offers. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

static void test_statement(void) {
  const char* sections[] = {"income", "income", "fixed_cost", "fixed_cost", "flexible_cost", "priority_debt"};
  const char* categories[] = {"earnings", "benefits", "rent", "council_tax", "food", "energy_arrears"};
  const int64_t amounts[] = {45000, 10000, 70000, 12000, 8000, 15000};
  const char* frequencies[] = {"weekly", "fortnightly", "monthly", "four_weekly", "weekly", "yearly"};
  const char* bad_category[] = {"rent"};
  const int64_t negative[] = {-100};
  recoup_affordability_result r;
  int64_t monthly[6];
  char text[4096];
  memset(&r, 0, sizeof r);
  r.struct_size = sizeof r;
  CHECK(recoup_affordability_assess("GBP", 6, sections, categories, amounts, frequencies, NULL, &r, monthly, text,
                                    sizeof text, NULL) == RECOUP_STATUS_OK);
  /* 450.00 weekly = 1950.00 exactly; 100.00 fortnightly = 216.666... -> 216.67 (half up). */
  CHECK(monthly[0] == 195000 && monthly[1] == 21667 && monthly[3] == 13000 && monthly[5] == 1250);
  CHECK(r.income_minor == 216667 && r.fixed_costs_minor == 83000 && r.flexible_costs_minor == 34667);
  CHECK(r.priority_debts_minor == 1250 && r.outgoings_minor == 118917 && r.disposable_minor == 97750);
  CHECK(r.no_disposable_income == 0 && strstr(text, "half_up") != NULL);
  CHECK(recoup_affordability_assess("GBP", 6, sections, categories, amounts, frequencies, "down", &r, monthly, NULL, 0,
                                    NULL) == RECOUP_STATUS_OK);
  CHECK(monthly[1] == 21666);
  /* All monthly when frequencies is NULL; a negative disposable income is flagged, not refused. */
  CHECK(recoup_affordability_assess("GBP", 3, sections + 1, categories + 1, amounts + 1, NULL, NULL, &r, NULL, NULL, 0,
                                    NULL) == RECOUP_STATUS_OK);
  CHECK(r.disposable_minor == 10000 - 70000 - 12000 && r.no_disposable_income == 1);
  CHECK(recoup_affordability_assess("GBP", 1, sections, bad_category, amounts, NULL, NULL, &r, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "affordability.category") == 0);
  CHECK(recoup_affordability_assess("GBP", 1, sections, categories, negative, NULL, NULL, &r, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "affordability.amount") == 0);
  CHECK(recoup_affordability_assess("GBP", 1, sections, categories, amounts, frequencies, "sideways", &r, NULL,
                                    NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_affordability_assess("XXX1", 1, sections, categories, amounts, NULL, NULL, &r, NULL, NULL, 0, NULL) !=
        RECOUP_STATUS_OK);
}

static void test_dmp(void) {
  const char* names[] = {"Card A", "Loan B"};
  const int64_t balances[] = {300000, 100000};
  const int64_t bad[] = {300000, 0};
  int64_t payments[2], months[2];
  recoup_dmp_result r;
  char text[2048];
  memset(&r, 0, sizeof r);
  r.struct_size = sizeof r;
  CHECK(recoup_affordability_dmp("GBP", 10000, 2, names, balances, 0, NULL, &r, payments, months, text, sizeof text,
                                 NULL) == RECOUP_STATUS_OK);
  CHECK(payments[0] == 7500 && payments[1] == 2500 && months[0] == 40 && months[1] == 40);
  CHECK(r.distributed_minor == 10000 && r.undistributed_minor == 0 && r.months == 40 && r.too_long == 0);
  CHECK(strstr(text, "Card A") != NULL);
  /* A 36-month policy threshold flags the 40-month plan. */
  CHECK(recoup_affordability_dmp("GBP", 10000, 2, NULL, balances, 36, NULL, &r, NULL, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(r.too_long == 1);
  CHECK(recoup_affordability_dmp("GBP", 10000, 2, NULL, bad, 0, NULL, &r, NULL, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "affordability.creditors") == 0);
  CHECK(recoup_affordability_dmp("GBP", 10000, 0, NULL, NULL, 0, NULL, &r, NULL, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_affordability_dmp("GBP", 10000, 2, NULL, balances, -1, NULL, &r, NULL, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "affordability.max_months") == 0);
}

static void test_authority(void) {
  /* Agent: up to 20% off, balances under 5,000.00, accounts under 180 days; supervisor 35%;
   * manager 50%. */
  const char* levels[] = {"agent", "supervisor", "manager"};
  const char* discounts[] = {"0.20", "0.35", "0.50"};
  const int64_t max_balance[] = {500000, RECOUP_NO_LIMIT, RECOUP_NO_LIMIT};
  const int64_t max_age[] = {180, RECOUP_NO_LIMIT, RECOUP_NO_LIMIT};
  const char* too_generous[] = {"1.5"};
  recoup_settle_terms t;
  recoup_authority_result a;
  char text[2048];
  recoup_settle_terms_init(&t);
  t.fraction = "0.80";
  memset(&a, 0, sizeof a);
  a.struct_size = sizeof a;
  CHECK(recoup_settle_authority("USD", 400000, &t, 179, 3, levels, discounts, max_balance, max_age, NULL, &a, NULL, 0,
                                NULL) == RECOUP_STATUS_OK);
  CHECK(a.approvable == 1 && a.band_index == 0 && strcmp(a.level, "agent") == 0);
  CHECK(recoup_settle_authority("USD", 400000, &t, 180, 3, levels, discounts, max_balance, max_age, NULL, &a, text,
                                sizeof text, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(a.level, "supervisor") == 0 && a.band_index == 1);
  CHECK(recoup_settle_authority("USD", 500000, &t, 10, 3, levels, discounts, max_balance, max_age, NULL, &a, NULL, 0,
                                NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(a.level, "supervisor") == 0);
  t.fraction = "0.6499";
  CHECK(recoup_settle_authority("USD", 400000, &t, 10, 3, levels, discounts, max_balance, max_age, NULL, &a, NULL, 0,
                                NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(a.level, "manager") == 0);
  t.fraction = "0.40";
  CHECK(recoup_settle_authority("USD", 400000, &t, 10, 3, levels, discounts, NULL, NULL, NULL, &a, NULL, 0, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(a.approvable == 0 && a.level[0] == '\0');
  CHECK(recoup_settle_authority("USD", 400000, &t, -1, 3, levels, discounts, NULL, NULL, NULL, &a, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "settle.age") == 0);
  CHECK(recoup_settle_authority("USD", 400000, &t, 1, 0, NULL, NULL, NULL, NULL, NULL, &a, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "settle.authority_bands") == 0);
  CHECK(recoup_settle_authority("USD", 400000, &t, 1, 1, levels, too_generous, NULL, NULL, NULL, &a, NULL, 0, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "settle.authority_bands") == 0);
  {
    /* A payment limit: an agent may agree a full-balance plan of at most 6 payments. */
    const char* two_levels[] = {"agent", "supervisor"};
    const char* zero[] = {"0", "0"};
    const int64_t max_payments[] = {6, RECOUP_NO_LIMIT};
    recoup_settle_terms_init(&t);
    t.kind = "full_balance_plan";
    t.payments = 6;
    CHECK(recoup_settle_authority("USD", 60000, &t, 0, 2, two_levels, zero, NULL, NULL, max_payments, &a, NULL, 0,
                                  NULL) == RECOUP_STATUS_OK);
    CHECK(strcmp(a.level, "agent") == 0);
    t.payments = 7;
    CHECK(recoup_settle_authority("USD", 70000, &t, 0, 2, two_levels, zero, NULL, NULL, max_payments, &a, NULL, 0,
                                  NULL) == RECOUP_STATUS_OK);
    CHECK(strcmp(a.level, "supervisor") == 0);
  }
}

int main(void) {
  test_statement();
  test_dmp();
  test_authority();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("C ABI affordability and authority: all checks passed");
  return 0;
}

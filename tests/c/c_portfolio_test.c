/* The C ABI's portfolio reports, from C99: aging a book by days past due and the roll-rate matrix
 * of the C++ tests' hand-worked 10-account portfolio. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

static int32_t serial(const char* date) {
  int32_t s = 0;
  CHECK(recoup_date_serial(date, &s) == RECOUP_STATUS_OK);
  return s;
}

static void test_aging(void) {
  /* Oldest unpaid due dates giving 0, 0, 5, 30, 31, 60, 61, 90, 91 and 150 days past due on
   * 2026-06-30 (the first has nothing unpaid, the second is due in the future). */
  static const int days[10] = {0, -10, 5, 30, 31, 60, 61, 90, 91, 150};
  int32_t due[10], as_of = serial("2026-06-30");
  int64_t amounts[10], dpd[10], counts[6], balances[6];
  int32_t bucket[10];
  char label[16];
  size_t need = 0;
  int i;
  for (i = 0; i < 10; ++i) {
    due[i] = as_of - days[i];
    amounts[i] = 100 * (i + 1);
  }
  due[0] = RECOUP_NO_DATE;
  CHECK(recoup_portfolio_age(10, due, &as_of, 1, NULL, 0, amounts, dpd, bucket, counts, balances) == RECOUP_STATUS_OK);
  CHECK(dpd[0] == 0 && dpd[1] == 0 && dpd[2] == 5 && dpd[9] == 150);
  CHECK(bucket[0] == 0 && bucket[3] == 1 && bucket[4] == 2 && bucket[8] == 4 && bucket[9] == 5);
  CHECK(counts[0] == 2 && counts[1] == 2 && counts[2] == 2 && counts[3] == 2 && counts[4] == 1 && counts[5] == 1);
  CHECK(balances[0] == 300 && balances[1] == 700 && balances[2] == 1100 && balances[3] == 1500);
  CHECK(balances[4] == 900 && balances[5] == 1000);
  CHECK(recoup_portfolio_bucket_label(NULL, 0, 0, label, sizeof label, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(label, "current") == 0);
  CHECK(recoup_portfolio_bucket_label(NULL, 0, 1, label, sizeof label, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(label, "1-30") == 0);
  CHECK(recoup_portfolio_bucket_label(NULL, 0, 5, label, sizeof label, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(label, "120+") == 0);
  CHECK(recoup_portfolio_bucket_label(NULL, 0, 5, label, 2, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need == 5);
  CHECK(recoup_portfolio_bucket_label(NULL, 0, 6, label, sizeof label, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "portfolio.bucket_range") == 0);
  {
    /* Custom edges: 0-59 and 60+ from the edge list {59}. */
    const int64_t edges[] = {59};
    int64_t two[2];
    CHECK(recoup_portfolio_age(10, due, &as_of, 1, edges, 1, NULL, NULL, NULL, two, NULL) == RECOUP_STATUS_OK);
    CHECK(two[0] == 5 && two[1] == 5);
    CHECK(recoup_portfolio_bucket_label(edges, 1, 0, label, sizeof label, NULL) == RECOUP_STATUS_OK);
    CHECK(strcmp(label, "0-59") == 0);
  }
  /* Bad input. */
  {
    const int64_t bad_edges[] = {30, 30};
    const int32_t two_dates[2] = {0, 0};
    int32_t no_as_of = RECOUP_NO_DATE;
    CHECK(recoup_portfolio_age(10, due, &as_of, 1, bad_edges, 2, NULL, NULL, NULL, counts, NULL) ==
          RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "portfolio.edges") == 0);
    CHECK(recoup_portfolio_age(10, due, &no_as_of, 1, NULL, 0, NULL, dpd, NULL, NULL, NULL) ==
          RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "portfolio.as_of_missing") == 0);
    CHECK(recoup_portfolio_age(10, due, two_dates, 2, NULL, 0, NULL, dpd, NULL, NULL, NULL) ==
          RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "columns.length") == 0);
    CHECK(recoup_portfolio_age(10, due, &as_of, 1, NULL, 0, NULL, NULL, NULL, NULL, balances) ==
          RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "portfolio.no_balances") == 0);
    due[1] = 2000000000;
    CHECK(recoup_portfolio_age(10, due, &as_of, 1, NULL, 0, NULL, dpd, NULL, NULL, NULL) == RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "portfolio.date_range") == 0);
    CHECK(strncmp(recoup_last_error_message(), "row 1: ", 7) == 0);
  }
}

static void test_roll_rates(void) {
  /* t0: accounts 1..10 in buckets 0 0 1 1 2 2 3 3 4 5; t1: accounts 9..1 and a new 11; 10 closed. */
  const int64_t ids0[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const int64_t b0[] = {0, 0, 1, 1, 2, 2, 3, 3, 4, 5};
  const int64_t bal0[] = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
  const int64_t ids1[] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 11};
  const int64_t b1[] = {5, 4, 4, 3, 2, 2, 0, 1, 0, 0};
  const int64_t bal1[] = {950, 820, 710, 610, 505, 410, 0, 210, 90, 5000};
  const int64_t expected[36] = {1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0,
                                0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
  const int64_t dup_ids[] = {1, 2, 1};
  int64_t counts[36], balances[36], closed[6], closed_bal[6], fresh[6], fresh_bal[6];
  recoup_roll_rate_columns t0 = {sizeof(recoup_roll_rate_columns), 10, ids0, b0, bal0};
  recoup_roll_rate_columns t1 = {sizeof(recoup_roll_rate_columns), 10, ids1, b1, bal1};
  recoup_roll_rate_matrix m;
  int i;
  memset(&m, 0, sizeof m);
  m.struct_size = sizeof m;
  m.counts = counts;
  m.balances = balances;
  m.closed_counts = closed;
  m.closed_balances = closed_bal;
  m.new_counts = fresh;
  m.new_balances = fresh_bal;
  CHECK(recoup_portfolio_roll_rates(6, &t0, &t1, &m) == RECOUP_STATUS_OK);
  for (i = 0; i < 36; ++i) CHECK(counts[i] == expected[i]);
  CHECK(closed[5] == 1 && closed_bal[5] == 1000 && fresh[0] == 1 && fresh_bal[0] == 5000);
  CHECK(balances[0 * 6 + 1] == 200 && balances[3 * 6 + 4] == 1500);
  /* Without balances, only the counts. */
  t0.balance_minor = NULL;
  CHECK(recoup_portfolio_roll_rates(6, &t0, &t1, &m) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "portfolio.no_balances") == 0);
  m.balances = NULL;
  m.closed_balances = NULL;
  CHECK(recoup_portfolio_roll_rates(6, &t0, &t1, &m) == RECOUP_STATUS_OK);
  for (i = 0; i < 36; ++i) CHECK(counts[i] == expected[i]);
  /* Bad input. */
  CHECK(recoup_portfolio_roll_rates(5, &t0, &t1, &m) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "portfolio.bucket_range") == 0);
  t0.account_id = dup_ids;
  t0.count = 3;
  CHECK(recoup_portfolio_roll_rates(6, &t0, &t1, &m) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "portfolio.duplicate_account") == 0);
  CHECK(recoup_portfolio_roll_rates(6, NULL, &t1, &m) == RECOUP_STATUS_NULL_ARGUMENT);
  t0.struct_size = 8;
  CHECK(recoup_portfolio_roll_rates(6, &t0, &t1, &m) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
}

int main(void) {
  test_aging();
  test_roll_rates();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("C ABI portfolio: all checks passed");
  return 0;
}

/* The C ABI's last error is per thread: four threads fail in four different ways at once and
 * each reads back its own error id. */
#include <recoup/c/recoup.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct job {
  const char* text;
  const char* expected_id;
  int ok;
};

static void* work(void* arg) {
  struct job* j = (struct job*)arg;
  char code[4];
  int64_t minor = 0;
  int i;
  j->ok = 1;
  for (i = 0; i < 500; ++i) {
    if (recoup_money_parse(j->text, code, &minor) == RECOUP_STATUS_OK ||
        strcmp(recoup_last_error_id(), j->expected_id) != 0) {
      j->ok = 0;
    }
  }
  return NULL;
}

int main(void) {
  struct job jobs[4] = {{"12.345 USD", "money.excess_precision", 0},
                        {"1,000 USD", "decimal.syntax", 0},
                        {"10 usd", "currency.unknown", 0},
                        {"10.00", "money.syntax", 0}};
  pthread_t threads[4];
  int i, failures = 0;
  for (i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, work, &jobs[i]);
  for (i = 0; i < 4; ++i) pthread_join(threads[i], NULL);
  for (i = 0; i < 4; ++i) {
    if (!jobs[i].ok) {
      fprintf(stderr, "thread %d did not see its own error %s\n", i, jobs[i].expected_id);
      ++failures;
    }
  }
  if (failures == 0) printf("C ABI: each thread kept its own last error\n");
  return failures == 0 ? 0 : 1;
}

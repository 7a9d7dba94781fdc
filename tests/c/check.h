/* A minimal check macro for the C99 tests of the C ABI: counts failures, prints the last error. */
#ifndef RECOUP_TESTS_C_CHECK_H
#define RECOUP_TESTS_C_CHECK_H

#include <recoup/c/recoup.h>

#include <stdio.h>

static int failures = 0;

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s (%s)\n", __FILE__,     \
              __LINE__, #cond, recoup_last_error_message(), recoup_last_error_id());  \
      ++failures;                                                                     \
    }                                                                                 \
  } while (0)

#endif

/* A C program linked against the installed recoup::c. */
#include <recoup/c/recoup.h>

#include <stdio.h>

int main(void) {
  char text[32];
  if (recoup_money_format("KWD", 1234567, text, sizeof text, NULL) != RECOUP_STATUS_OK) {
    fprintf(stderr, "%s\n", recoup_last_error_message());
    return 1;
  }
  printf("%s\n", text);
  return 0;
}

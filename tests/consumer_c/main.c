/* Checks one application with the built-in notice through the C ABI and asserts its decision:
 *   nxkx_c_consumer FILE AS_OF EXPECTED_DECISION   (e.g. accepted, rejected)
 * Plain C99: what a C user of libnxkx_c writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxkx/nxkx.h"

static char* read_all(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  size_t size = 0, cap = 0, n;
  if (f == NULL) return NULL;
  for (;;) {
    if (size + 4096 > cap) {
      char* bigger = (char*)realloc(text, cap = (size + 4096) * 2);
      if (bigger == NULL) break;
      text = bigger;
    }
    n = fread(text + size, 1, 4096, f);
    size += n;
    if (n == 0) break;
  }
  fclose(f);
  *len = size;
  return text;
}

int main(int argc, char** argv) {
  nxkx_notice* notice = NULL;
  char *error = NULL, *report = NULL, *text = NULL;
  size_t error_len = 0, report_len = 0, text_len = 0;
  char options[128], want[128];
  nxkx_status status;
  int result = 1;
  if (argc != 4) {
    fputs("usage: nxkx_c_consumer FILE AS_OF EXPECTED_DECISION\n", stderr);
    return 2;
  }
  text = read_all(argv[1], &text_len);
  if (text == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  if (nxkx_notice_builtin(&notice, &error, &error_len) != NXKX_OK) {
    fprintf(stderr, "nxkx_notice_builtin: %s\n", error != NULL ? error : "?");
    nxkx_free(error);
    free(text);
    return 2;
  }
  snprintf(options, sizeof options, "{\"as_of\": \"%s\"}", argv[2]);
  status = nxkx_check(notice, text, text_len, options, &report, &report_len);
  if (status != NXKX_OK) {
    fprintf(stderr, "nxkx_check: %s: %s\n", nxkx_status_name(status), report);
  } else {
    /* The report is compact JSON: its decision is {"code":"…", …}. */
    snprintf(want, sizeof want, "\"decision\":{\"code\":\"%s\"", argv[3]);
    if (strstr(report, want) != NULL && strlen(report) == report_len) {
      printf("nxkx %s: %s: %s\n", nxkx_version(), argv[1], argv[3]);
      result = 0;
    } else {
      fprintf(stderr, "expected %s, got: %.300s\n", argv[3], report);
    }
  }
  nxkx_free(report);
  nxkx_notice_free(notice);
  free(text);
  return result;
}

/* The memory of a large batch through the C ABI, for the figures in docs/limits.md. Not a test
 * (memory and speed are measured, never asserted):
 *   nxkx_c_measure_batch SOURCE_DIR N [--format text] [--whole]
 * The text is examples/applications/grassroots_societies_capacity.json without white space
 * (outside its strings), N times in one array. By default the batch is begun
 * (nxkx_batch_begin), the text freed, and the result read in blocks of 1 MiB, each written to
 * /dev/null as a portal would stream it; --whole calls nxkx_check_batch once instead (the text
 * and the whole result are then both held). Prints the text's and the result's bytes and the
 * process's peak resident memory (getrusage) against the text. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "nxkx/nxkx.h"

/* The JSON text `in` without the white space between its tokens; a new string. */
static char* compact(const char* in, size_t len, size_t* out_len) {
  char* out = (char*)malloc(len + 1);
  size_t i, n = 0;
  int in_string = 0, escaped = 0;
  if (out == NULL) return NULL;
  for (i = 0; i < len; ++i) {
    const char c = in[i];
    if (in_string) {
      out[n++] = c;
      if (escaped)
        escaped = 0;
      else if (c == '\\')
        escaped = 1;
      else if (c == '"')
        in_string = 0;
    } else if (c == '"') {
      in_string = 1;
      out[n++] = c;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out[n++] = c;
    }
  }
  out[n] = '\0';
  *out_len = n;
  return out;
}

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  text = (char*)malloc((size_t)size + 1);
  if (text != NULL && fread(text, 1, (size_t)size, f) != (size_t)size) {
    free(text);
    text = NULL;
  }
  fclose(f);
  if (text != NULL) text[size] = '\0';
  *len = (size_t)size;
  return text;
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
  const char* options = "{\"as_of\": \"2025-05-20\"}";
  int whole = 0, i;
  long count;
  char path[4096];
  size_t file_len = 0, one_len = 0, text_len, at = 0, result_len = 0;
  char *file, *one, *text, *error = NULL;
  nxkx_notice* notice = NULL;
  nxkx_status status;
  struct rusage usage;
  double t0;
  if (argc < 3) {
    fprintf(stderr, "usage: %s SOURCE_DIR N [--format text] [--whole]\n", argv[0]);
    return 2;
  }
  count = strtol(argv[2], NULL, 10);
  if (count < 1) {
    fprintf(stderr, "N must be at least 1, not %s\n", argv[2]);
    return 2;
  }
  for (i = 3; i < argc; ++i) {
    if (strcmp(argv[i], "--whole") == 0) {
      whole = 1;
    } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
               strcmp(argv[i + 1], "text") == 0) {
      options = "{\"as_of\": \"2025-05-20\", \"format\": \"text\"}";
      ++i;
    } else {
      fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  snprintf(path, sizeof path, "%s/examples/applications/grassroots_societies_capacity.json",
           argv[1]);
  file = read_file(path, &file_len);
  if (file == NULL) {
    fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  one = compact(file, file_len, &one_len);
  free(file);
  if (one == NULL) return 1;
  text_len = (size_t)count * one_len + (size_t)count + 1; /* [a,a,…,a] */
  text = (char*)malloc(text_len + 1);
  if (text == NULL) {
    fprintf(stderr, "cannot allocate %zu bytes\n", text_len);
    return 1;
  }
  text[at++] = '[';
  for (i = 0; i < count; ++i) {
    if (i > 0) text[at++] = ',';
    memcpy(text + at, one, one_len);
    at += one_len;
  }
  text[at++] = ']';
  text[at] = '\0';
  text_len = at;
  free(one);
  if (nxkx_notice_builtin(&notice, &error, NULL) != NXKX_OK) {
    fprintf(stderr, "the built-in notice does not load: %s\n", error ? error : "");
    return 1;
  }

  t0 = seconds();
  if (whole) {
    char* out = NULL;
    status = nxkx_check_batch(notice, text, text_len, options, &out, &result_len);
    if (status != NXKX_OK) fprintf(stderr, "%s: %s\n", nxkx_status_name(status), out ? out : "");
    nxkx_free(out);
    free(text);
  } else {
    nxkx_batch* batch = NULL;
    FILE* sink = fopen("/dev/null", "wb");
    status = nxkx_batch_begin(notice, text, text_len, options, &batch, &error, NULL);
    free(text); /* the batch keeps nothing of it */
    if (status != NXKX_OK)
      fprintf(stderr, "%s: %s\n", nxkx_status_name(status), error ? error : "");
    while (status == NXKX_OK) {
      char* block = NULL;
      size_t block_len = 0;
      status = nxkx_batch_next(batch, 1024 * 1024, &block, &block_len);
      if (status != NXKX_OK) fprintf(stderr, "%s: %s\n", nxkx_status_name(status), block);
      if (status == NXKX_OK && block_len == 0) {
        nxkx_free(block);
        break;
      }
      if (sink != NULL) fwrite(block, 1, block_len, sink);
      result_len += block_len;
      nxkx_free(block);
    }
    if (sink != NULL) fclose(sink);
    nxkx_batch_free(batch);
  }
  nxkx_free(error);
  nxkx_notice_free(notice);
  getrusage(RUSAGE_SELF, &usage);
  printf("C ABI %s, %s format: %ld applications, text %zu bytes, result %zu bytes, %.1f s\n",
         whole ? "nxkx_check_batch (one result)" : "nxkx_batch_next (1 MiB blocks)",
         strstr(options, "text") != NULL ? "text" : "JSON", count, text_len, result_len,
         seconds() - t0);
  printf("peak RSS %ld bytes = %.2fx the text\n", usage.ru_maxrss * 1024L,
         (double)usage.ru_maxrss * 1024.0 / (double)text_len);
  return status == NXKX_OK ? 0 : 1;
}

/* The batch handed out a block at a time (nxkx_batch_begin / nxkx_batch_next / nxkx_batch_free,
 * include/nxkx/nxkx.h): the blocks joined are byte for byte nxkx_check_batch's result, in the
 * JSON and the text format, for every max_bytes from 1 to past the result's length; every block
 * but the last is max_bytes long; the text the batch was begun from may be freed at once; bad
 * arguments are NXKX_INVALID_ARGUMENT as in the rest of the ABI and leave the batch as it was.
 * The text format, written a piece at a time, is nxkx_check's text of a report; an amended report
 * has its amendment (finding, decision, trace).
 *
 * Usage: batch_blocks_test SOURCE_DIR. Exit status 0 when every check passed. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxkx/nxkx.h"

static int passed = 0, failed = 0;

static void check_that(int ok, const char* file, int line, const char* what, const char* note) {
  if (ok) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "%s:%d: FAILED: %s%s%s\n", file, line, what, note[0] ? " — " : "", note);
}

#define CHECK(cond) check_that((cond) != 0, __FILE__, __LINE__, #cond, "")
#define CHECK_AT(cond, note) check_that((cond) != 0, __FILE__, __LINE__, #cond, note)

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
  if (text == NULL) return NULL;
  text[size] = '\0';
  *len = (size_t)size;
  return text;
}

/* A malloc'd copy of text (len bytes), so that freeing it after nxkx_batch_begin is seen by
 * AddressSanitizer should the batch still read it. */
static char* copy_of(const char* text, size_t len) {
  char* p = (char*)malloc(len + 1);
  if (p == NULL) return NULL;
  memcpy(p, text, len);
  p[len] = '\0';
  return p;
}

/* The string member `name` of an error document, compared with `expected`. */
static int error_has(const char* error, const char* name, const char* expected) {
  char needle[256];
  snprintf(needle, sizeof needle, "\"%s\":\"%s\"", name, expected);
  return error != NULL && strstr(error, needle) != NULL;
}

/* Reads `batch` to its end in blocks of max_bytes; returns the joined result (malloc'd, *len
 * bytes) or NULL on a failed call. Checks each block's length and NUL. */
static char* read_blocks(nxkx_batch* batch, size_t max_bytes, size_t* len, const char* note) {
  size_t cap = 4096, size = 0;
  char* joined = (char*)malloc(cap);
  int last_short = 0;
  if (joined == NULL) return NULL;
  for (;;) {
    char* block = (char*)"unset";
    size_t block_len = 12345;
    const nxkx_status status = nxkx_batch_next(batch, max_bytes, &block, &block_len);
    CHECK_AT(status == NXKX_OK, note);
    if (status != NXKX_OK) {
      nxkx_free(block);
      free(joined);
      return NULL;
    }
    CHECK_AT(block != NULL && strlen(block) <= block_len && block[block_len] == '\0', note);
    if (block_len == 0) {
      nxkx_free(block);
      break;
    }
    CHECK_AT(block_len <= max_bytes, note);
    CHECK_AT(!last_short, note); /* only the last block is shorter than max_bytes */
    if (block_len < max_bytes) last_short = 1;
    if (size + block_len + 1 > cap) {
      char* bigger;
      while (size + block_len + 1 > cap) cap *= 2;
      bigger = (char*)realloc(joined, cap);
      if (bigger == NULL) {
        nxkx_free(block);
        free(joined);
        return NULL;
      }
      joined = bigger;
    }
    memcpy(joined + size, block, block_len);
    size += block_len;
    nxkx_free(block);
  }
  /* The end is the end, however often it is asked for. */
  {
    char* again = NULL;
    size_t again_len = 99;
    CHECK_AT(nxkx_batch_next(batch, max_bytes, &again, &again_len) == NXKX_OK, note);
    CHECK_AT(again != NULL && again[0] == '\0' && again_len == 0, note);
    nxkx_free(again);
    again = NULL;
    CHECK_AT(
        nxkx_batch_next(batch, 1, &again, NULL) == NXKX_OK && again != NULL && again[0] == '\0',
        note);
    nxkx_free(again);
  }
  joined[size] = '\0';
  *len = size;
  return joined;
}

/* Every max_bytes edge for one document and options: the blocks join to nxkx_check_batch's. */
static void same_as_one_call(const nxkx_notice* n, const char* text, size_t len,
                             const char* options, const char* what) {
  char* whole = NULL;
  size_t whole_len = 0, i;
  size_t sizes[16];
  size_t count = 0;
  char note[512];
  CHECK_AT(nxkx_check_batch(n, text, len, options, &whole, &whole_len) == NXKX_OK, what);
  if (whole == NULL) return;
  sizes[count++] = 1;
  sizes[count++] = 2;
  sizes[count++] = 3;
  sizes[count++] = 7;
  sizes[count++] = 1000;
  sizes[count++] = 65536;
  if (whole_len > 1) sizes[count++] = whole_len - 1;
  if (whole_len > 0) sizes[count++] = whole_len; /* max_bytes 0 is an error (test_arguments) */
  sizes[count++] = whole_len + 1;
  sizes[count++] = SIZE_MAX;
  for (i = 0; i < count; ++i) {
    nxkx_batch* batch = NULL;
    char* error = (char*)"unset";
    size_t error_len = 77, joined_len = 0;
    char* copy = copy_of(text, len);
    char* joined;
    snprintf(note, sizeof note, "%s, max_bytes %zu of %zu", what, sizes[i], whole_len);
    CHECK(copy != NULL);
    if (copy == NULL) continue;
    CHECK_AT(nxkx_batch_begin(n, copy, len, options, &batch, &error, &error_len) == NXKX_OK, note);
    CHECK_AT(batch != NULL && error == NULL && error_len == 0, note);
    free(copy); /* borrowed for nxkx_batch_begin only */
    if (batch == NULL) continue;
    joined = read_blocks(batch, sizes[i], &joined_len, note);
    CHECK_AT(joined != NULL && joined_len == whole_len && memcmp(joined, whole, whole_len) == 0,
             note);
    free(joined);
    nxkx_batch_free(batch);
  }
  nxkx_free(whole);
}

static const char* json_options = "{\"as_of\": \"2025-05-20\"}";

/* [example, {…, a trailing comma}, example, example with 快递 as its kind, other]: reports, the
 * same application twice (duplicates judged across the batch) and two unreadable elements. */
static char* mixed_batch(const char* example, size_t example_len, const char* other,
                         size_t other_len, size_t* len) {
  const char* bad_syntax =
      "{\"project_type\": \"society_capacity\", \"applicant\": {\"kind\": \"society\"},}";
  const char* bad_value =
      "{\"project_type\": \"society_capacity\", \"applicant\": {\"kind\": \"快递\"}}";
  const size_t size = 2 * example_len + other_len + strlen(bad_syntax) + strlen(bad_value) + 16;
  char* batch = (char*)malloc(size);
  if (batch == NULL) return NULL;
  *len = (size_t)snprintf(batch, size, "[%.*s,%s,%.*s,%s,%.*s]", (int)example_len, example,
                          bad_syntax, (int)example_len, example, bad_value, (int)other_len, other);
  return batch;
}

static void test_blocks(const nxkx_notice* n, const char* batch, size_t len, const char* one,
                        size_t one_len) {
  const char* options[] = {
      "{\"as_of\": \"2025-05-20\"}",
      "{\"as_of\": \"2025-05-20\", \"trace\": true}",
      "{\"as_of\": \"2025-05-20\", \"stage\": \"completion\"}",
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\"}",
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\", \"lang\": \"en\"}",
  };
  size_t i;
  for (i = 0; i < sizeof options / sizeof options[0]; ++i) {
    char what[256];
    snprintf(what, sizeof what, "mixed batch, %s", options[i]);
    same_as_one_call(n, batch, len, options[i], what);
    snprintf(what, sizeof what, "one application (not an array), %s", options[i]);
    same_as_one_call(n, one, one_len, options[i], what);
    snprintf(what, sizeof what, "empty array, %s", options[i]);
    same_as_one_call(n, "[]", 2, options[i], what);
  }
  /* An empty array's text is empty: the first block is already the end. */
  {
    nxkx_batch* b = NULL;
    char* block = NULL;
    size_t block_len = 5;
    CHECK(nxkx_batch_begin(n, "[]", 2, "{\"as_of\": \"2025-05-20\", \"format\": \"text\"}", &b,
                           NULL, NULL) == NXKX_OK);
    CHECK(nxkx_batch_next(b, 10, &block, &block_len) == NXKX_OK && block != NULL && block_len == 0);
    nxkx_free(block);
    nxkx_batch_free(b);
  }
}

static void test_arguments(const nxkx_notice* n, const char* batch, size_t len) {
  nxkx_batch* b = (nxkx_batch*)&b; /* not NULL: begin must set it */
  char* error = NULL;
  size_t error_len = 0;
  char* block = NULL;
  size_t block_len = 0;

  /* begin: NULL arguments and bad options, with and without somewhere to put the error. */
  CHECK(nxkx_batch_begin(NULL, batch, len, json_options, &b, &error, &error_len) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(b == NULL && error_has(error, "code", "argument.null") && error_len == strlen(error));
  CHECK(error_has(error, "status", "invalid_argument"));
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, NULL, len, json_options, &b, &error, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(b == NULL && error_has(error, "code", "argument.null") &&
        strstr(error, "applications_json") != NULL);
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, NULL, &b, &error, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(b == NULL && error_has(error, "code", "argument.null"));
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, json_options, NULL, &error, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(error_has(error, "code", "argument.null") && strstr(error, "out_batch") != NULL);
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, json_options, NULL, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(nxkx_batch_begin(n, batch, len, "{\"as_of\": \"2025-05-20\", \"colour\": 1}", &b, &error,
                         NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(b == NULL && error_has(error, "code", "options.unknown_field") &&
        error_has(error, "path", "/colour"));
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, "{}", &b, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(b == NULL);

  /* begin: a document that cannot be read, and strict with an unreadable element. */
  CHECK(nxkx_batch_begin(n, "[{", 2, json_options, &b, &error, NULL) == NXKX_INPUT_ERROR);
  CHECK(b == NULL && error_has(error, "code", "input.syntax"));
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, "{\"as_of\": \"2025-05-20\", \"strict\": true}", &b, &error,
                         NULL) == NXKX_INPUT_ERROR);
  CHECK(b == NULL && error_has(error, "code", "input.syntax") && error_has(error, "path", "/1"));
  {
    /* The same error as nxkx_check_batch's. */
    char* same = NULL;
    CHECK(nxkx_check_batch(n, batch, len, "{\"as_of\": \"2025-05-20\", \"strict\": true}", &same,
                           NULL) == NXKX_INPUT_ERROR);
    CHECK(same != NULL && error != NULL && strcmp(same, error) == 0);
    nxkx_free(same);
  }
  nxkx_free(error);
  error = NULL;
  CHECK(nxkx_batch_begin(n, batch, len,
                         "{\"as_of\": \"2025-05-20\", \"strict\": true, "
                         "\"format\": \"text\"}",
                         &b, NULL, NULL) == NXKX_INPUT_ERROR);
  CHECK(b == NULL);

  /* next: NULL arguments and max_bytes 0 say so and leave the batch as it was. */
  CHECK(nxkx_batch_next(NULL, 10, &block, &block_len) == NXKX_INVALID_ARGUMENT);
  CHECK(error_has(block, "code", "argument.null") && block_len == strlen(block));
  nxkx_free(block);
  block = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, json_options, &b, &error, &error_len) == NXKX_OK);
  CHECK(b != NULL && error == NULL && error_len == 0);
  if (b != NULL) {
    size_t joined_len = 0;
    char* joined;
    char* whole = NULL;
    size_t whole_len = 0;
    CHECK(nxkx_batch_next(b, 5, NULL, &block_len) == NXKX_INVALID_ARGUMENT && block_len == 0);
    CHECK(nxkx_batch_next(b, 5, NULL, NULL) == NXKX_INVALID_ARGUMENT);
    /* A first block, then max_bytes 0 in the middle, then the rest. */
    CHECK(nxkx_batch_next(b, 5, &block, &block_len) == NXKX_OK && block_len == 5 &&
          strcmp(block, "{\"not") == 0);
    nxkx_free(block);
    block = NULL;
    CHECK(nxkx_batch_next(b, 0, &block, &block_len) == NXKX_INVALID_ARGUMENT);
    CHECK(error_has(block, "code", "argument.max_bytes") && block_len == strlen(block));
    nxkx_free(block);
    block = NULL;
    joined = read_blocks(b, 3, &joined_len, "after max_bytes 0");
    CHECK(nxkx_check_batch(n, batch, len, json_options, &whole, &whole_len) == NXKX_OK);
    CHECK(joined != NULL && whole != NULL && joined_len + 5 == whole_len &&
          memcmp(joined, whole + 5, joined_len) == 0);
    free(joined);
    nxkx_free(whole);
    nxkx_batch_free(b);
  }

  /* free: NULL, a batch never read, a batch read half-way. */
  nxkx_batch_free(NULL);
  b = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, json_options, &b, NULL, NULL) == NXKX_OK && b != NULL);
  nxkx_batch_free(b);
  b = NULL;
  CHECK(nxkx_batch_begin(n, batch, len, "{\"as_of\": \"2025-05-20\", \"format\": \"text\"}", &b,
                         NULL, NULL) == NXKX_OK &&
        b != NULL);
  CHECK(nxkx_batch_next(b, 100, &block, NULL) == NXKX_OK && strlen(block) == 100);
  nxkx_free(block);
  nxkx_batch_free(b);
}

/* A batch outlives the notice it was begun with. */
static void test_notice_freed_first(const char* source_dir, const char* batch, size_t len) {
  char path[4096];
  size_t pack_len = 0, joined_len = 0, whole_len = 0;
  char* pack;
  char* whole = NULL;
  nxkx_notice* n = NULL;
  nxkx_batch* b = NULL;
  snprintf(path, sizeof path, "%s/data/notice-2025.json", source_dir);
  pack = read_file(path, &pack_len);
  CHECK(pack != NULL);
  if (pack == NULL) return;
  CHECK(nxkx_notice_from_json(pack, pack_len, &n, NULL, NULL) == NXKX_OK);
  free(pack);
  if (n == NULL) return;
  CHECK(nxkx_check_batch(n, batch, len, json_options, &whole, &whole_len) == NXKX_OK);
  CHECK(nxkx_batch_begin(n, batch, len, json_options, &b, NULL, NULL) == NXKX_OK);
  nxkx_notice_free(n);
  if (b != NULL) {
    char* joined = read_blocks(b, 1000, &joined_len, "notice freed first");
    CHECK(joined != NULL && whole != NULL && joined_len == whole_len &&
          memcmp(joined, whole, whole_len) == 0);
    free(joined);
  }
  nxkx_batch_free(b);
  nxkx_free(whole);
}

/* The text format's report, written a piece at a time, is nxkx_check's text (nxkx::to_text) of
 * the same application: a batch of one is that text with the line that names its element. (Not
 * with a trace, which in a batch has the batch's own rules too; test_text_amended has one.) */
static void test_text_as_one_check(const nxkx_notice* n, const char* one, size_t one_len) {
  const char* options[] = {
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\"}",
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\", \"lang\": \"en\"}",
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\", \"lang\": \"en\", \"stage\": "
      "\"completion\"}",
      "{\"as_of\": \"2025-03-01\", \"format\": \"text\", \"stage\": \"completion\"}",
  };
  size_t i, len = one_len + 2;
  char* batch = (char*)malloc(len + 1);
  CHECK(batch != NULL);
  if (batch == NULL) return;
  snprintf(batch, len + 1, "[%.*s]", (int)one_len, one);
  for (i = 0; i < sizeof options / sizeof options[0]; ++i) {
    char *single = NULL, *whole = NULL;
    size_t single_len = 0, whole_len = 0;
    CHECK_AT(nxkx_check(n, one, one_len, options[i], &single, &single_len) == NXKX_OK, options[i]);
    CHECK_AT(nxkx_check_batch(n, batch, len, options[i], &whole, &whole_len) == NXKX_OK,
             options[i]);
    if (single != NULL && whole != NULL) {
      /* The batch's second line, "  文件: #0" or "  File: #0", is the one nxkx_check lacks. */
      const char* second = strchr(whole, '\n');
      const char* third = second != NULL ? strchr(second + 1, '\n') : NULL;
      CHECK_AT(third != NULL && strncmp(second + 1, "  ", 2) == 0 && third - 4 > second &&
                   strncmp(third - 4, ": #0", 4) == 0,
               options[i]);
      if (third != NULL) {
        const size_t first_len = (size_t)(second - whole) + 1;
        const size_t rest = whole_len - (size_t)(third + 1 - whole);
        CHECK_AT(single_len == first_len + rest && memcmp(single, whole, first_len) == 0 &&
                     memcmp(single + first_len, third + 1, rest) == 0,
                 options[i]);
      }
    }
    nxkx_free(single);
    nxkx_free(whole);
  }
  free(batch);
}

/* An amended report in the text format: the same application twice, the first superseded by
 * the second (三(一)) after it was judged. Its text has the amendment's finding, the decision the
 * JSON format gives it and the rule failed in its trace; the second report has none of these. */
static void test_text_amended(const nxkx_notice* n, const char* one, size_t one_len) {
  const char* text_options =
      "{\"as_of\": \"2025-05-20\", \"format\": \"text\", \"lang\": "
      "\"en\", \"trace\": true}";
  const char* rule = "application.duplicate_applicant";
  size_t len = 2 * one_len + 3, json_len = 0, text_len = 0;
  char* batch = (char*)malloc(len + 1);
  char *json = NULL, *text = NULL;
  CHECK(batch != NULL);
  if (batch == NULL) return;
  snprintf(batch, len + 1, "[%.*s,%.*s]", (int)one_len, one, (int)one_len, one);
  CHECK(nxkx_check_batch(n, batch, len, json_options, &json, &json_len) == NXKX_OK);
  CHECK(nxkx_check_batch(n, batch, len, text_options, &text, &text_len) == NXKX_OK);
  if (json != NULL && text != NULL) {
    /* The first report's decision in JSON: {"code":…,"zh":…,"en":"<label>"}. */
    const char* decision = strstr(json, "\"decision\":{");
    const char* en = decision != NULL ? strstr(decision, "\"en\":\"") : NULL;
    const char* second = strstr(text, "\n\nApplication "); /* reports are a blank line apart */
    char line[256] = "";
    CHECK(en != NULL && second != NULL);
    if (en != NULL) {
      const char* end = strchr(en + 6, '"');
      snprintf(line, sizeof line, "\n  Decision: %.*s\n", end != NULL ? (int)(end - en - 6) : 0,
               en + 6);
    }
    CHECK(strstr(line, "accepted") == NULL); /* the amendment changed it */
    if (second != NULL) {
      const char* found = strstr(text, line);
      const char* finding = strstr(text, rule);
      const char* failed_rule = strstr(text, "    failed  application.duplicate_applicant\n");
      CHECK(found != NULL && found < second);
      CHECK(finding != NULL && finding < second && found != NULL && finding > found);
      CHECK(failed_rule != NULL && failed_rule < second);
      CHECK(strstr(second, "\n  Decision: accepted\n") != NULL);
      CHECK(strstr(second, "    passed  application.duplicate_applicant\n") != NULL);
      CHECK(strstr(second, "] 三(一) application.duplicate_applicant") == NULL);
    }
  }
  nxkx_free(json);
  nxkx_free(text);
  free(batch);
}

int main(int argc, char** argv) {
  nxkx_notice* n = NULL;
  char path[4096];
  char *example, *other, *batch;
  size_t example_len = 0, other_len = 0, batch_len = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: batch_blocks_test SOURCE_DIR\n");
    return 2;
  }
  if (nxkx_notice_builtin(&n, NULL, NULL) != NXKX_OK) {
    fprintf(stderr, "cannot load the built-in notice\n");
    return 1;
  }
  snprintf(path, sizeof path, "%s/examples/applications/society_capacity.json", argv[1]);
  example = read_file(path, &example_len);
  snprintf(path, sizeof path, "%s/examples/applications/grassroots_societies_capacity.json",
           argv[1]);
  other = read_file(path, &other_len);
  if (example == NULL || other == NULL) {
    fprintf(stderr, "cannot read the examples under %s/examples/applications\n", argv[1]);
    return 1;
  }
  batch = mixed_batch(example, example_len, other, other_len, &batch_len);
  if (batch == NULL) return 1;

  test_blocks(n, batch, batch_len, other, other_len);
  test_arguments(n, batch, batch_len);
  test_notice_freed_first(argv[1], batch, batch_len);
  test_text_as_one_check(n, example, example_len);
  test_text_as_one_check(n, other, other_len);
  test_text_amended(n, example, example_len);

  free(batch);
  free(other);
  free(example);
  nxkx_notice_free(n);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

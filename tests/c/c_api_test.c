/* The C ABI (include/nxkx/nxkx.h), driven from C: the whole conformance corpus, bad input of
 * every kind, ownership, and several threads on one notice.
 *
 * The corpora of the example packs (tests/conformance/packs/PACK/) run under their pack too.
 *
 * Usage: c_api_test SOURCE_DIR [NXKX_COMMAND]
 * (with the command, nxkx_starter is compared with what `nxkx new` prints)
 * The expected answers are read from the corpus with a small JSON scanner below (enough to find
 * members and walk arrays); nxkx itself only checks. Exit status 0 when every check passed. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxkx/nxkx.h"

static int passed = 0, failed = 0;

static void check_that(int ok, const char* file, int line, const char* what, const char* fmt, ...) {
  if (ok) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "%s:%d: FAILED: %s", file, line, what);
  if (fmt != NULL && fmt[0] != '\0') {
    va_list args;
    va_start(args, fmt);
    fputs(" — ", stderr);
    vfprintf(stderr, fmt, args);
    va_end(args);
  }
  fputc('\n', stderr);
}

#define CHECK(cond) check_that((cond), __FILE__, __LINE__, #cond, "")
#define CHECK_MSG(cond, ...) check_that((cond), __FILE__, __LINE__, #cond, __VA_ARGS__)

/* ---- files ---- */

/* All of `f` (NUL-terminated, its length in *len when len is not NULL), or NULL when memory
 * runs out; `f` is closed with `closer`, and a close that fails (a command's exit status) gives
 * NULL too. */
static char* read_all(FILE* f, int (*closer)(FILE*), size_t* len) {
  char* text = NULL;
  size_t size = 0, cap = 0, n = 0;
  if (f == NULL) return NULL;
  do {
    if (size + 4096 + 1 > cap) {
      char* bigger;
      cap = (size + 4096 + 1) * 2;
      bigger = (char*)realloc(text, cap);
      if (bigger == NULL) {
        free(text);
        closer(f);
        return NULL;
      }
      text = bigger;
    }
    n = fread(text + size, 1, 4096, f);
    size += n;
  } while (n > 0);
  if (closer(f) != 0) {
    free(text);
    return NULL;
  }
  text[size] = '\0';
  if (len != NULL) *len = size;
  return text;
}

static char* read_file(const char* path, size_t* len) {
  return read_all(fopen(path, "rb"), fclose, len);
}

/* ---- a JSON scanner: spans of the text, no copies, no unescaping ---- */

typedef struct {
  const char* p;
  const char* end;
} span;

static const char* skip_space(const char* p, const char* end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  return p;
}

/* The end of the value that starts at p, or NULL if it is not well formed. */
static const char* skip_value(const char* p, const char* end) {
  int depth = 0;
  p = skip_space(p, end);
  do {
    if (p >= end) return NULL;
    if (*p == '"') {
      for (++p; p < end && *p != '"'; ++p)
        if (*p == '\\') ++p;
      if (p >= end) return NULL;
      ++p;
    } else if (*p == '{' || *p == '[') {
      ++depth;
      ++p;
    } else if (*p == '}' || *p == ']') {
      --depth;
      ++p;
    } else if (*p == ',' || *p == ':' || *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
      ++p;
    } else {
      while (p < end && strchr(",:]} \n\r\t", *p) == NULL) ++p;
    }
    if (depth > 0) p = skip_space(p, end);
  } while (depth > 0);
  return depth == 0 ? p : NULL;
}

/* Calls visit(key, value, user) for each member of an object (key without its quotes), or for
 * each element of an array (key.p == NULL). Returns 0 if `container` is not one. */
typedef int (*visitor)(span key, span value, void* user);

static int walk(span container, visitor visit, void* user) {
  const char* p = skip_space(container.p, container.end);
  const int object = p < container.end && *p == '{';
  if (p >= container.end || (*p != '{' && *p != '[')) return 0;
  p = skip_space(p + 1, container.end);
  while (p < container.end && *p != '}' && *p != ']') {
    span key = {NULL, NULL}, value;
    if (object) {
      const char* key_end = skip_value(p, container.end);
      if (key_end == NULL) return 0;
      key.p = p + 1;
      key.end = key_end - 1;
      p = skip_space(key_end, container.end);
      if (p >= container.end || *p != ':') return 0;
      p = skip_space(p + 1, container.end);
    }
    value.p = p;
    value.end = skip_value(p, container.end);
    if (value.end == NULL) return 0;
    if (!visit(key, value, user)) return 1;
    p = skip_space(value.end, container.end);
    if (p < container.end && *p == ',') p = skip_space(p + 1, container.end);
  }
  return 1;
}

typedef struct {
  const char* name;
  span found;
  int ok;
} member_search;

static int find_visit(span key, span value, void* user) {
  member_search* s = (member_search*)user;
  if ((size_t)(key.end - key.p) == strlen(s->name) &&
      memcmp(key.p, s->name, (size_t)(key.end - key.p)) == 0) {
    s->found = value;
    s->ok = 1;
    return 0;
  }
  return 1;
}

/* The value of member `name` of an object. */
static int member(span object, const char* name, span* out) {
  member_search s;
  s.name = name;
  s.ok = 0;
  walk(object, find_visit, &s);
  if (s.ok) *out = s.found;
  return s.ok;
}

static span whole(const char* text, size_t len) {
  span s;
  s.p = text;
  s.end = text + len;
  return s;
}

/* A string value's raw content (between the quotes), as a new C string. */
static char* string_of(span value) {
  const char* p = skip_space(value.p, value.end);
  size_t n;
  char* out;
  if (p >= value.end || *p != '"' || value.end - p < 2) return NULL;
  n = (size_t)(value.end - p) - 2;
  out = (char*)malloc(n + 1);
  if (out == NULL) return NULL;
  memcpy(out, p + 1, n);
  out[n] = '\0';
  return out;
}

/* The string member `name` of an object, as a new C string (NULL if absent). */
static char* string_member(span object, const char* name) {
  span v;
  return member(object, name, &v) ? string_of(v) : NULL;
}

typedef struct {
  span items[512];
  size_t n;
} item_list;

static int list_visit(span key, span value, void* user) {
  item_list* l = (item_list*)user;
  (void)key;
  if (l->n < sizeof l->items / sizeof l->items[0]) l->items[l->n++] = value;
  return 1;
}

/* ---- the corpus ---- */

typedef struct {
  char* items[256];
  size_t n;
} string_set;

static int compare_strings(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

static void set_add(string_set* s, char* item) {
  size_t i;
  if (item == NULL) return;
  for (i = 0; i < s->n; ++i) {
    if (strcmp(s->items[i], item) == 0) {
      free(item);
      return;
    }
  }
  if (s->n < sizeof s->items / sizeof s->items[0])
    s->items[s->n++] = item;
  else
    free(item);
}

static void set_free(string_set* s) {
  size_t i;
  for (i = 0; i < s->n; ++i) free(s->items[i]);
  s->n = 0;
}

/* "a, b, c" of a set, into buf. */
static const char* set_text(const string_set* s, char* buf, size_t size) {
  size_t i, used = 0;
  buf[0] = '\0';
  for (i = 0; i < s->n && used + 1 < size; ++i) {
    int w = snprintf(buf + used, size - used, "%s%s", i > 0 ? ", " : "", s->items[i]);
    if (w < 0) break;
    used += (size_t)w;
  }
  return buf;
}

static int sets_equal(string_set* a, string_set* b) {
  size_t i;
  if (a->n != b->n) return 0;
  qsort(a->items, a->n, sizeof a->items[0], compare_strings);
  qsort(b->items, b->n, sizeof b->items[0], compare_strings);
  for (i = 0; i < a->n; ++i)
    if (strcmp(a->items[i], b->items[i]) != 0) return 0;
  return 1;
}

/* The options of a case: {"as_of": …, "stage": …, <the members of "options">, "threads": N},
 * and "strict": true when `strict`. */
static char* case_options(span c, unsigned threads, int strict) {
  span as_of, stage, extra;
  size_t size;
  char* out;
  int has_extra;
  if (!member(c, "as_of", &as_of) || !member(c, "stage", &stage)) return NULL;
  has_extra = member(c, "options", &extra);
  if (has_extra) {
    extra.p = skip_space(extra.p, extra.end) + 1; /* inside the braces */
    extra.end = extra.end - 1;
    while (extra.end > extra.p && strchr(" \n\r\t", extra.end[-1]) != NULL) --extra.end;
    if (skip_space(extra.p, extra.end) == extra.end) has_extra = 0;
  }
  size = (size_t)(as_of.end - as_of.p) + (size_t)(stage.end - stage.p) +
         (has_extra ? (size_t)(extra.end - extra.p) : 0) + 64;
  out = (char*)malloc(size);
  if (out == NULL) return NULL;
  snprintf(out, size, "{\"as_of\":%.*s,\"stage\":%.*s%s%.*s,\"threads\":%u%s}",
           (int)(as_of.end - as_of.p), as_of.p, (int)(stage.end - stage.p), stage.p,
           has_extra ? "," : "", has_extra ? (int)(extra.end - extra.p) : 0,
           has_extra ? extra.p : "", threads, strict ? ",\"strict\":true" : "");
  return out;
}

/* The error entry of a batch's reports (keep-going mode): the first element with "error". */
static int error_entry(span reports, span* error) {
  item_list items;
  size_t i;
  items.n = 0;
  walk(reports, list_visit, &items);
  for (i = 0; i < items.n; ++i)
    if (member(items.items[i], "error", error)) return 1;
  return 0;
}

/* Runs one case file through nxkx_check_batch and compares with its expected answers. With
 * `strict`, an unreadable application fails the call; without, it is an error entry. */
static void run_case(const nxkx_notice* notice, const char* path, unsigned threads, int strict) {
  size_t len = 0, out_len = 0, i;
  char* text = read_file(path, &len);
  char* options;
  char* out = NULL;
  span c, apps, expected;
  nxkx_status status;
  CHECK_MSG(text != NULL, "cannot read %s", path);
  if (text == NULL) return;
  c = whole(text, len);
  options = case_options(c, threads, strict);
  CHECK_MSG(options != NULL && member(c, "applications", &apps), "%s: no as_of/applications", path);
  if (options == NULL || !member(c, "applications", &apps)) {
    free(options);
    free(text);
    return;
  }
  status = nxkx_check_batch(notice, apps.p, (size_t)(apps.end - apps.p), options, &out, &out_len);
  CHECK_MSG(out != NULL && strlen(out) == out_len, "%s: output and its length", path);

  if (member(c, "error", &expected)) {
    char* want_code = string_member(expected, "code");
    char* want_path = string_member(expected, "path");
    span got = whole(out != NULL ? out : "", out_len);
    span reports, entry;
    char* got_code;
    char* got_path;
    if (!strict && status == NXKX_OK && member(got, "reports", &reports) &&
        error_entry(reports, &entry))
      got = entry;
    got_code = string_member(got, "code");
    got_path = string_member(got, "path");
    CHECK_MSG(status == (strict ? NXKX_INPUT_ERROR : NXKX_OK), "%s: status %s, expected %s", path,
              nxkx_status_name(status), strict ? "input_error" : "ok");
    CHECK_MSG(strict || strstr(out != NULL ? out : "", "\"reason_zh\"") != NULL,
              "%s: the error entry has no reason_zh", path);
    CHECK_MSG(got_code != NULL && want_code != NULL && strcmp(got_code, want_code) == 0,
              "%s: code %s, expected %s", path, got_code ? got_code : "(none)",
              want_code ? want_code : "(none)");
    CHECK_MSG(got_path != NULL && want_path != NULL && strcmp(got_path, want_path) == 0,
              "%s: path %s, expected %s", path, got_path ? got_path : "(none)",
              want_path ? want_path : "(none)");
    free(want_code);
    free(want_path);
    free(got_code);
    free(got_path);
  } else if (member(c, "expect", &expected)) {
    item_list want, reports;
    span got_reports;
    want.n = 0;
    reports.n = 0;
    walk(expected, list_visit, &want);
    CHECK_MSG(status == NXKX_OK, "%s: status %s: %s", path, nxkx_status_name(status),
              out ? out : "");
    if (status == NXKX_OK && member(whole(out, out_len), "reports", &got_reports))
      walk(got_reports, list_visit, &reports);
    CHECK_MSG(reports.n == want.n, "%s: %zu reports, expected %zu", path, reports.n, want.n);
    for (i = 0; i < want.n && i < reports.n; ++i) {
      span decision, findings, rule_ids;
      item_list list;
      string_set want_ids, got_ids;
      size_t k;
      char* want_decision = string_member(want.items[i], "decision");
      char* got_decision = NULL;
      char a[4096], b[4096];
      want_ids.n = 0;
      got_ids.n = 0;
      if (member(reports.items[i], "decision", &decision))
        got_decision = string_member(decision, "code");
      CHECK_MSG(
          got_decision != NULL && want_decision != NULL && strcmp(got_decision, want_decision) == 0,
          "%s: application %zu: decision %s, expected %s", path, i,
          got_decision ? got_decision : "(none)", want_decision ? want_decision : "(none)");
      list.n = 0;
      if (member(want.items[i], "rule_ids", &rule_ids)) walk(rule_ids, list_visit, &list);
      for (k = 0; k < list.n; ++k) set_add(&want_ids, string_of(list.items[k]));
      list.n = 0;
      if (member(reports.items[i], "findings", &findings)) walk(findings, list_visit, &list);
      for (k = 0; k < list.n; ++k) set_add(&got_ids, string_member(list.items[k], "rule_id"));
      CHECK_MSG(sets_equal(&want_ids, &got_ids), "%s: application %zu: rules [%s], expected [%s]",
                path, i, set_text(&got_ids, a, sizeof a), set_text(&want_ids, b, sizeof b));
      set_free(&want_ids);
      set_free(&got_ids);
      free(want_decision);
      free(got_decision);
    }
  } else {
    CHECK_MSG(0, "%s: neither expect nor error", path);
  }
  nxkx_free(out);
  free(options);
  free(text);
}

/* Runs every case file of `dir` (each strict and keeping going, with 1 and 4 threads) under
 * `notice`; fails when it runs fewer cases than the directory holds, or fewer than `at_least`.
 * Returns the number of cases run. */
static size_t run_cases(const nxkx_notice* notice, const char* dir, size_t at_least) {
  char path[4096 + 256];
  char* names[1024];
  size_t n = 0, held = 0, i;
  struct dirent* e;
  DIR* d = opendir(dir);
  CHECK_MSG(d != NULL, "cannot open %s", dir);
  if (d == NULL) return 0;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
      ++held;
      if (n < sizeof names / sizeof names[0]) {
        names[n] = (char*)malloc(l + 1);
        if (names[n] != NULL) memcpy(names[n++], e->d_name, l + 1);
      }
    }
  }
  closedir(d);
  qsort(names, n, sizeof names[0], compare_strings);
  CHECK_MSG(n == held, "read %zu of the %zu cases in %s", n, held, dir);
  CHECK_MSG(n >= at_least, "only %zu cases in %s", n, dir);
  for (i = 0; i < n; ++i) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    run_case(notice, path, 1, 1);
    run_case(notice, path, 1, 0);
    run_case(notice, path, 4, 0); /* the same answers with a thread pool */
    free(names[i]);
  }
  return n;
}

static void run_corpus(const nxkx_notice* notice, const char* source_dir) {
  char dir[4096];
  size_t n;
  snprintf(dir, sizeof dir, "%s/tests/conformance/cases", source_dir);
  n = run_cases(notice, dir, 150);
  printf("corpus: %zu cases, each strict and keeping going, with 1 and 4 threads\n", n);
}

/* The corpora of the shipped example packs: tests/conformance/packs/PACK/ under
 * examples/packs/PACK.json, loaded from its file, every case (error cases included). */
static void run_pack_corpora(const char* source_dir) {
  char dir[4096], cases[4096 + 512], pack[4096 + 512];
  size_t packs = 0, total = 0;
  struct dirent* e;
  DIR* d;
  snprintf(dir, sizeof dir, "%s/tests/conformance/packs", source_dir);
  d = opendir(dir);
  CHECK_MSG(d != NULL, "cannot open %s", dir);
  if (d == NULL) return;
  while ((e = readdir(d)) != NULL) {
    nxkx_notice* notice = NULL;
    char* error = NULL;
    DIR* sub;
    if (e->d_name[0] == '.') continue;
    snprintf(cases, sizeof cases, "%s/%s", dir, e->d_name);
    sub = opendir(cases);
    if (sub == NULL) continue; /* a file (README.md), not a pack's corpus */
    closedir(sub);
    snprintf(pack, sizeof pack, "%s/examples/packs/%s.json", source_dir, e->d_name);
    CHECK_MSG(nxkx_notice_load(pack, &notice, &error, NULL) == NXKX_OK, "%s: %s", pack,
              error ? error : "");
    nxkx_free(error);
    if (notice == NULL) continue;
    total += run_cases(notice, cases, 1);
    ++packs;
    nxkx_notice_free(notice);
  }
  closedir(d);
  CHECK_MSG(packs >= 2, "only %zu pack corpora in %s", packs, dir);
  printf(
      "pack corpora: %zu cases of %zu packs, each strict and keeping going, with 1 and 4 "
      "threads\n",
      total, packs);
}

/* ---- bad input, ownership, the other calls ---- */

static const char* as_of = "{\"as_of\": \"2025-05-20\"}";
static const char* as_of_strict = "{\"as_of\": \"2025-05-20\", \"strict\": true}";

/* The status of a check of `app` (len bytes); *code gets the error code if there is one. */
static nxkx_status check_text(const nxkx_notice* n, const char* app, size_t len,
                              const char* options, char* code, size_t code_size) {
  char* out = NULL;
  size_t out_len = 0;
  const nxkx_status status = nxkx_check(n, app, len, options, &out, &out_len);
  if (code != NULL) {
    char* c = status != NXKX_OK && out != NULL ? string_member(whole(out, out_len), "code") : NULL;
    snprintf(code, code_size, "%s", c != NULL ? c : "");
    free(c);
  }
  nxkx_free(out);
  return status;
}

static nxkx_status check_cstr(const nxkx_notice* n, const char* app, const char* options,
                              char* code, size_t code_size) {
  return check_text(n, app, strlen(app), options, code, code_size);
}

static void test_arguments(const nxkx_notice* n, const char* example, size_t example_len) {
  char* out = (char*)1; /* must be overwritten */
  size_t out_len = 99;
  char code[128];
  nxkx_status status;

  status = nxkx_check(NULL, example, example_len, as_of, &out, &out_len);
  CHECK(status == NXKX_INVALID_ARGUMENT);
  CHECK(out != NULL && strstr(out, "\"argument.null\"") != NULL && strstr(out, "notice") != NULL);
  CHECK(out != NULL && strstr(out, "\"status\":\"invalid_argument\"") != NULL);
  CHECK(out != NULL && out_len == strlen(out));
  nxkx_free(out);

  CHECK(check_text(n, NULL, 10, as_of, code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "argument.null") == 0);
  CHECK(nxkx_check(n, example, example_len, as_of, NULL, &out_len) == NXKX_INVALID_ARGUMENT);
  CHECK(out_len == 0);
  CHECK(nxkx_check(n, example, example_len, as_of, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  /* out_len may be NULL */
  out = NULL;
  CHECK(nxkx_check(n, example, example_len, as_of, &out, NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "\"decision\"") != NULL);
  nxkx_free(out);

  /* options */
  CHECK(check_text(n, example, example_len, NULL, code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "argument.null") == 0);
  CHECK(check_text(n, example, example_len, "{}", code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.missing") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-02-30\"}", code, sizeof code) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.date") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": 20250520}", code, sizeof code) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.type") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-05-20\", \"colour\": 1}", code,
                   sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.unknown_field") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-05-20\", \"stage\": \"late\"}",
                   code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.unknown_code") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-05-20\", \"threads\": 0}", code,
                   sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.range") == 0);
  /* 2^64 - 1 is shown as written, never wrapped round to -1 */
  out = NULL;
  CHECK(nxkx_check(n, example, example_len,
                   "{\"as_of\": \"2025-05-20\", \"threads\": 18446744073709551615}", &out,
                   NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(out != NULL && strstr(out, "\"options.range\"") != NULL &&
        strstr(out, "found 18446744073709551615") != NULL);
  nxkx_free(out);
  /* an option twice is refused, not "the last wins" */
  CHECK(check_text(n, example, example_len,
                   "{\"as_of\": \"2025-05-20\", \"stage\": \"application\", \"stage\": "
                   "\"completion\"}",
                   code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.duplicate_key") == 0);
  CHECK(check_text(n, example, example_len,
                   "{\"as_of\": \"2025-05-20\", \"as_of\": \"2025-05-21\"}", code,
                   sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.duplicate_key") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-05-20\"", code, sizeof code) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.syntax") == 0);
  CHECK(check_text(n, example, example_len, "[]", code, sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.type") == 0);
  CHECK(check_text(n, example, example_len, "{\"as_of\": \"2025-05-20\", \"lang\": \"\xff\"}", code,
                   sizeof code) == NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.syntax") == 0);

  /* the application */
  CHECK(check_text(n, "", 0, as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.syntax") == 0);
  CHECK(check_cstr(n, "{\"project_type\": ", as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.syntax") == 0);
  CHECK(check_cstr(n, "{\"id\": \"\xc3\x28\"}", as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.utf8") == 0);
  CHECK(check_text(n, "[]", 2, as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.type") == 0);
  /* the length is honoured: a NUL inside the text is not its end */
  CHECK(check_text(n, "{}\0{}", 5, as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.syntax") == 0);
  CHECK(check_text(n, "{}", 2, as_of, code, sizeof code) == NXKX_INPUT_ERROR);
  CHECK(strcmp(code, "input.missing") == 0);

  /* every prefix of a good application is OK or an input error, never anything else */
  {
    size_t cut;
    int only_input_errors = 1;
    for (cut = 0; cut < example_len; ++cut) {
      status = check_text(n, example, cut, as_of, NULL, 0);
      if (status != NXKX_INPUT_ERROR && status != NXKX_OK) only_input_errors = 0;
    }
    CHECK(only_input_errors);
  }

  /* text output, in English */
  out = NULL;
  status = nxkx_check(n, example, example_len,
                      "{\"as_of\": \"2025-05-20\", \"format\": \"text\", \"lang\": \"en\"}", &out,
                      &out_len);
  CHECK(status == NXKX_OK);
  CHECK(out != NULL && strstr(out, "Decision: accepted") != NULL);
  nxkx_free(out);

  /* trace */
  out = NULL;
  status = nxkx_check(n, example, example_len, "{\"as_of\": \"2025-05-20\", \"trace\": true}", &out,
                      &out_len);
  CHECK(status == NXKX_OK && out != NULL && strstr(out, "\"trace\":[") != NULL);
  nxkx_free(out);

  nxkx_free(NULL);
  nxkx_notice_free(NULL);
}

/* ---- the input limits (include/nxkx/limits.hpp): the C ABI applies the defaults ---- */

/* Checks `text` (len bytes) with nxkx_check, or nxkx_check_batch when `batch`, and expects
 * NXKX_INPUT_ERROR with code "input.limit", the JSON pointer `path` and a reason naming
 * `limit` (e.g. "max_depth (64)"). */
static void expect_limit(const nxkx_notice* n, const char* text, size_t len, int batch,
                         const char* path, const char* limit, int line) {
  char* out = NULL;
  size_t out_len = 0;
  char *code = NULL, *where = NULL, *reason = NULL;
  const nxkx_status status = batch ? nxkx_check_batch(n, text, len, as_of_strict, &out, &out_len)
                                   : nxkx_check(n, text, len, as_of, &out, &out_len);
  if (out != NULL) {
    code = string_member(whole(out, out_len), "code");
    where = string_member(whole(out, out_len), "path");
    reason = string_member(whole(out, out_len), "reason");
  }
  check_that(status == NXKX_INPUT_ERROR, __FILE__, line, "status == NXKX_INPUT_ERROR", "status %s",
             nxkx_status_name(status));
  check_that(code != NULL && strcmp(code, "input.limit") == 0, __FILE__, line,
             "code is input.limit", "code %s", code ? code : "(none)");
  check_that(where != NULL && strcmp(where, path) == 0, __FILE__, line, "the path", "path %s",
             where ? where : "(none)");
  check_that(reason != NULL && strstr(reason, limit) != NULL, __FILE__, line, "the reason",
             "reason %s, expected it to name %s", reason ? reason : "(none)", limit);
  free(code);
  free(where);
  free(reason);
  nxkx_free(out);
}

#define EXPECT_LIMIT(n, text, len, batch, path, limit) \
  expect_limit((n), (text), (len), (batch), (path), (limit), __LINE__)

/* A new NUL-terminated buffer: `head`, `fill` repeated over `fill_bytes` bytes, `tail`. */
static char* filled(const char* head, const char* fill, size_t fill_bytes, const char* tail,
                    size_t* len) {
  const size_t h = strlen(head), f = strlen(fill), t = strlen(tail);
  char* text = (char*)malloc(h + fill_bytes + t + 1);
  size_t i;
  if (text == NULL) return NULL;
  memcpy(text, head, h);
  for (i = 0; i < fill_bytes; ++i) text[h + i] = fill[i % f];
  memcpy(text + h + fill_bytes, tail, t + 1);
  *len = h + fill_bytes + t;
  return text;
}

static void test_limits(const nxkx_notice* n, const char* example, size_t example_len) {
  const size_t mib = (size_t)1 << 20;
  char path[512];
  char* text;
  size_t len = 0;
  int i;

  /* max_depth: the 65th open container; the path is its JSON pointer */
  text = filled("{\"records\": ", "[", 100, "", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    strcpy(path, "/records");
    for (i = 0; i < 63; ++i) strcat(path, "/0");
    EXPECT_LIMIT(n, text, len, 0, path, "max_depth (64)");
    free(text);
  }
  /* in a batch, whose own array counts as one */
  text = filled("", "[", 100, "", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    path[0] = '\0';
    for (i = 0; i < 64; ++i) strcat(path, "/0");
    EXPECT_LIMIT(n, text, len, 1, path, "max_depth (64)");
    free(text);
  }

  /* max_string_bytes: a title of 1 MiB + 1 bytes; exactly 1 MiB is read (and checked) */
  text = filled("{\"title\": \"", "x", mib + 1, "\"}", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 0, "/title", "max_string_bytes (1048576)");
    EXPECT_LIMIT(n, text, len, 1, "/title", "max_string_bytes (1048576)");
    free(text);
  }
  text = filled("{\"title\": \"", "x", mib, "\"}", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK(check_text(n, text, len, as_of, path, sizeof path) == NXKX_INPUT_ERROR);
    CHECK_MSG(strcmp(path, "input.missing") == 0, "code %s", path); /* no project_type */
    free(text);
  }

  /* max_list_items: 10,001 joint applicants */
  text = filled("{\"joint_applicants\": [0", ",0", 2 * 10000, "]}", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 0, "/joint_applicants", "max_list_items (10000)");
    free(text);
  }

  /* max_bytes: one application of 16 MiB + 1 bytes, refused before it is read */
  text = filled("{\"id\": \"x\"", " ", 16 * mib + 1 - strlen("{\"id\": \"x\"}"), "}", &len);
  CHECK(text != NULL && len == 16 * mib + 1);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 0, "", "max_bytes (16777216)");
    EXPECT_LIMIT(n, text, len, 1, "", "max_bytes (16777216)");
    free(text);
  }
  /* ... and in a batch, for each application: the second one is too long */
  {
    const size_t first = example_len;
    char* batch = (char*)malloc(first + 16 * mib + 64);
    CHECK(batch != NULL);
    if (batch != NULL) {
      size_t at = 0, k;
      batch[at++] = '[';
      memcpy(batch + at, example, first);
      at += first;
      memcpy(batch + at, ",{\"k\":0", 7);
      at += 7;
      for (k = 0; k < 16 * mib / 6 + 1; ++k) {
        memcpy(batch + at, ",\"k\":0", 6);
        at += 6;
      }
      memcpy(batch + at, "}]", 2);
      at += 2;
      EXPECT_LIMIT(n, batch, at, 1, "/1", "max_bytes (16777216)");
      free(batch);
    }
  }

  /* max_bytes bounds the whole text of nxkx_check: a 124 MB array (not an application) is
   * refused by its size before a byte of it is read, not parsed and then refused as input.type */
  text = filled("[{}", ",{}", 124 * 1000 * 1000, "]", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 0, "", "max_bytes (16777216)");
    free(text);
  }
  /* max_batch is crossed as element 100,001 begins: what follows it is never read (here an
   * element that never closes, which would be input.syntax if it were) */
  text = filled("[{}", ",{}", 3 * 100000, ",{\"title\": \"", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 1, "", "max_batch (100000)");
    free(text);
  }

  /* max_batch: 100,001 applications in one nxkx_check_batch; 100,000 pass the limit (and then
   * fail to read: "{}" has no project type) */
  text = filled("[{}", ",{}", 3 * 100000, "]", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    EXPECT_LIMIT(n, text, len, 1, "", "max_batch (100000)");
    free(text);
  }
  text = filled("[{}", ",{}", 3 * 99999, "]", &len);
  CHECK(text != NULL);
  if (text != NULL) {
    char* out = NULL;
    CHECK(nxkx_check_batch(n, text, len, as_of_strict, &out, NULL) == NXKX_INPUT_ERROR);
    CHECK(out != NULL && strstr(out, "\"input.missing\"") != NULL);
    nxkx_free(out);
    /* Keeping going, each of them is an error entry, and the call succeeds. */
    out = NULL;
    CHECK(nxkx_check_batch(n, text, len, as_of, &out, NULL) == NXKX_OK);
    CHECK(out != NULL && strstr(out, "\"errors\":100000") != NULL);
    nxkx_free(out);
    free(text);
  }
}

static void test_packs(const char* source_dir) {
  char path[4096];
  nxkx_notice* n = (nxkx_notice*)1;
  char* error = NULL;
  size_t error_len = 0;
  char* pack;
  size_t pack_len = 0;
  nxkx_status status;

  status = nxkx_notice_from_json("{}", 2, &n, &error, &error_len);
  CHECK(status == NXKX_PACK_ERROR);
  CHECK(n == NULL);
  CHECK(error != NULL && strstr(error, "\"status\":\"pack_error\"") != NULL);
  nxkx_free(error);

  snprintf(path, sizeof path, "%s/tests/cli/bad-pack.json", source_dir);
  error = NULL;
  status = nxkx_notice_load(path, &n, &error, &error_len);
  CHECK(status == NXKX_PACK_ERROR);
  CHECK(error != NULL && strstr(error, "\"path\":\"/notice/id\"") != NULL);
  nxkx_free(error);

  error = NULL;
  status = nxkx_notice_load("/nonexistent/pack.json", &n, &error, NULL);
  CHECK(status == NXKX_INPUT_ERROR);
  CHECK(error != NULL && strstr(error, "\"code\":\"input.not_found\"") != NULL);
  nxkx_free(error);

  /* the file codes of the command: a directory, a file where a folder should be */
  error = NULL;
  status = nxkx_notice_load(source_dir, &n, &error, NULL);
  CHECK(status == NXKX_INPUT_ERROR && n == NULL);
  CHECK(error != NULL && strstr(error, "\"code\":\"input.directory\"") != NULL);
  nxkx_free(error);
  snprintf(path, sizeof path, "%s/data/notice-2025.json/below", source_dir);
  error = NULL;
  status = nxkx_notice_load(path, &n, &error, NULL);
  CHECK(status == NXKX_INPUT_ERROR && n == NULL);
  CHECK(error != NULL && strstr(error, "\"code\":\"input.not_found\"") != NULL);
  nxkx_free(error);

  status = nxkx_notice_load("/nonexistent/pack.json", &n, NULL, NULL); /* no error wanted */
  CHECK(status == NXKX_INPUT_ERROR && n == NULL);
  CHECK(nxkx_notice_load(NULL, &n, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(nxkx_notice_builtin(NULL, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(nxkx_notice_from_json(NULL, 0, &n, NULL, NULL) == NXKX_INVALID_ARGUMENT);
  CHECK(nxkx_notice_from_json("\xff", 1, &n, NULL, NULL) == NXKX_PACK_ERROR);

  /* the pack as a file loads and gives the built-in notice's answers */
  snprintf(path, sizeof path, "%s/data/notice-2025.json", source_dir);
  error = (char*)1;
  status = nxkx_notice_load(path, &n, &error, &error_len);
  CHECK(status == NXKX_OK && n != NULL && error == NULL && error_len == 0);
  if (status == NXKX_OK) {
    char* out = NULL;
    snprintf(path, sizeof path, "%s/examples/applications/society_capacity-grade-c.json",
             source_dir);
    pack = read_file(path, &pack_len);
    CHECK(pack != NULL);
    if (pack != NULL) {
      CHECK(nxkx_check(n, pack, pack_len, as_of, &out, NULL) == NXKX_OK);
      CHECK(out != NULL && strstr(out, "\"code\":\"rejected\"") != NULL);
      CHECK(out != NULL && strstr(out, "disqualification.evaluation_grade") != NULL);
      nxkx_free(out);
      free(pack);
    }
    nxkx_notice_free(n);
  }
}

static void test_other_calls(const nxkx_notice* n, const char* source_dir) {
  char* out = NULL;
  size_t out_len = 0;
  char path[4096];
  char* text;
  size_t len = 0;

  CHECK(strcmp(nxkx_version(), NXKX_EXPECTED_VERSION) == 0);
  CHECK(strcmp(nxkx_status_name(NXKX_INPUT_ERROR), "input_error") == 0);
  CHECK(strcmp(nxkx_status_name((nxkx_status)42), "unknown") == 0);

  CHECK(nxkx_catalog(n, &out, &out_len) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "\"society_capacity\"") != NULL && out_len == strlen(out));
  nxkx_free(out);
  CHECK(nxkx_catalog(NULL, &out, &out_len) == NXKX_INVALID_ARGUMENT);
  nxkx_free(out);

  CHECK(nxkx_schema(n, NULL, &out, &out_len) == NXKX_OK);
  CHECK(out != NULL &&
        strncmp(out, "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"", 57) == 0);
  CHECK(out != NULL && strstr(out, "\"const\":\"society_capacity\"") != NULL);
  nxkx_free(out);
  CHECK(nxkx_schema(n, "report", &out, &out_len) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "disqualification.evaluation_grade") != NULL);
  nxkx_free(out);
  CHECK(nxkx_schema(n, "bogus", &out, &out_len) == NXKX_INVALID_ARGUMENT);
  CHECK(out != NULL && strstr(out, "argument.document") != NULL);
  nxkx_free(out);

  snprintf(path, sizeof path, "%s/tests/cli/zi.txt", source_dir);
  text = read_file(path, &len);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK(nxkx_count_zi(text, len, &out, &out_len) == NXKX_OK);
    CHECK(out != NULL && strstr(out, "\"word_processor\":16") != NULL);
    nxkx_free(out);
    free(text);
  }
  CHECK(nxkx_count_zi("ab\xffz", 4, &out, &out_len) == NXKX_INPUT_ERROR);
  CHECK(out != NULL && strstr(out, "\"input.utf8\"") != NULL);
  nxkx_free(out);
  CHECK(nxkx_count_zi("", 0, &out, &out_len) == NXKX_OK);
  CHECK(out != NULL &&
        strcmp(out, "{\"word_processor\":0,\"non_space\":0,\"code_points\":0}") == 0);
  nxkx_free(out);
}

/* ---- threads ---- */

typedef struct {
  const nxkx_notice* notice;
  const char* app;
  size_t len;
  const char* expected;
  int mismatches;
} thread_job;

/* ---- the starter (nxkx_starter) ---- */

/* The standard output of `command`, or NULL. */
static char* run_output(const char* command) { return read_all(popen(command, "r"), pclose, NULL); }

/* The starter of the C ABI is byte for byte what `nxkx new` prints with the same arguments (when
 * the command was built: `cli` is its path, or NULL). `pack` is a file, or NULL for the built-in
 * notice. */
static void expect_starter_as_new(const nxkx_notice* n, const char* cli, const char* pack,
                                  const char* type, const char* stage, const char* kind) {
  char* out = NULL;
  size_t out_len = 0;
  char command[8192];
  char* printed;
  nxkx_status status = nxkx_starter(n, type, stage, kind, &out, &out_len);
  CHECK_MSG(status == NXKX_OK, "%s %s %s: %s", type, stage ? stage : "-", kind ? kind : "-",
            out ? out : "");
  CHECK(out != NULL && out_len == strlen(out));
  if (cli != NULL && status == NXKX_OK) {
    snprintf(command, sizeof command, "'%s' new --type '%s'%s%s%s%s%s%s", cli, type,
             stage ? " --stage " : "", stage ? stage : "", kind ? " --kind " : "", kind ? kind : "",
             pack ? " --notice " : "", pack ? pack : "");
    printed = run_output(command);
    CHECK_MSG(printed != NULL, "%s", command);
    CHECK_MSG(printed != NULL && out != NULL && strcmp(printed, out) == 0,
              "%s printed\n%s\nnxkx_starter gave\n%s", command, printed ? printed : "",
              out ? out : "");
    free(printed);
  }
  nxkx_free(out);
}

/* `pack` with the declaration `declaration` (a JSON object) first in its "declarations". */
static char* with_declaration(const char* pack, const char* declaration) {
  const char* at = strstr(pack, "\"declarations\": [");
  size_t head, size;
  char* out;
  if (at == NULL) return NULL;
  head = (size_t)(at - pack) + strlen("\"declarations\": [");
  size = strlen(pack) + strlen(declaration) + 2;
  out = (char*)malloc(size);
  if (out == NULL) return NULL;
  memcpy(out, pack, head);
  snprintf(out + head, size - head, "%s,%s", declaration, pack + head);
  return out;
}

static void test_starter(const nxkx_notice* n, const char* source_dir, const char* cli) {
  char* out = NULL;
  size_t out_len = 7;
  char path[4096];
  char* pack;
  char* extended;
  nxkx_notice* other = NULL;
  const char* head = "{\n  \"id\": null,\n  \"project_type\": \"society_capacity\",\n";

  /* the same text as `nxkx new`: each stage, a kind given and not */
  expect_starter_as_new(n, cli, NULL, "society_capacity", NULL, NULL);
  expect_starter_as_new(n, cli, NULL, "society_capacity", "completion", NULL);
  expect_starter_as_new(n, cli, NULL, "returnee_alliance_capacity", "application",
                        "alliance_council_member");
  CHECK(nxkx_starter(n, "society_capacity", NULL, NULL, &out, &out_len) == NXKX_OK);
  CHECK(out != NULL && strncmp(out, head, strlen(head)) == 0);
  CHECK(out != NULL && strstr(out, "\"kind\": \"society\"") != NULL); /* the first it admits */
  nxkx_free(out);
  CHECK(nxkx_starter(n, "returnee_alliance_capacity", NULL, "alliance_council_member", &out,
                     NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "\"kind\": \"alliance_council_member\"") != NULL);
  nxkx_free(out);

  /* a type, stage or kind the notice does not have: an input error naming the argument, with
   * the codes it may be */
  CHECK(nxkx_starter(n, "nope", NULL, NULL, &out, &out_len) == NXKX_INPUT_ERROR);
  CHECK(out != NULL && out_len == strlen(out));
  CHECK(out != NULL && strstr(out, "\"code\":\"input.unknown_code\"") != NULL);
  CHECK(out != NULL && strstr(out, "\"path\":\"/project_type\"") != NULL);
  CHECK(out != NULL && strstr(out, "project_type: unknown project type \\\"nope\\\"") != NULL);
  CHECK(out != NULL && strstr(out, "park_sta_capacity, haizhi_base_capacity") != NULL);
  nxkx_free(out);
  CHECK(nxkx_starter(n, "society_capacity", "review", NULL, &out, NULL) == NXKX_INPUT_ERROR);
  CHECK(out != NULL && strstr(out, "\"path\":\"/stage\"") != NULL);
  CHECK(out != NULL && strstr(out, "stage: unknown stage \\\"review\\\"") != NULL);
  CHECK(out != NULL && strstr(out, "application, completion") != NULL);
  nxkx_free(out);
  CHECK(nxkx_starter(n, "society_capacity", NULL, "university_sta", &out, NULL) ==
        NXKX_INPUT_ERROR); /* the 黄石 pack's kind, not the 2025 notice's */
  CHECK(out != NULL && strstr(out, "\"path\":\"/kind\"") != NULL);
  CHECK(out != NULL && strstr(out, "kind: unknown applicant kind \\\"university_sta\\\"") != NULL);
  CHECK(out != NULL && strstr(out, "society, park_sta, haizhi_base") != NULL);
  nxkx_free(out);

  /* NULL arguments */
  CHECK(nxkx_starter(NULL, "society_capacity", NULL, NULL, &out, &out_len) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(out != NULL && strstr(out, "\"code\":\"argument.null\"") != NULL &&
        strstr(out, "notice is NULL") != NULL);
  nxkx_free(out);
  CHECK(nxkx_starter(n, NULL, NULL, NULL, &out, &out_len) == NXKX_INVALID_ARGUMENT);
  CHECK(out != NULL && strstr(out, "project_type is NULL") != NULL);
  nxkx_free(out);
  out_len = 7;
  CHECK(nxkx_starter(n, "society_capacity", NULL, NULL, NULL, &out_len) == NXKX_INVALID_ARGUMENT);
  CHECK(out_len == 0);

  /* a declaration no rule reads is asked for: a copy of the 黄石 pack with one */
  snprintf(path, sizeof path, "%s/examples/packs/notice-huangshi-2023.json", source_dir);
  pack = read_file(path, NULL);
  CHECK(pack != NULL);
  if (pack == NULL) return;
  extended = with_declaration(
      pack,
      "{\"name\": \"ethics_reviewed\", \"scope\": \"application\", \"type\": \"yes_no\", "
      "\"title\": {\"zh\": \"已通过伦理审查\", \"en\": \"ethics review passed\"}}");
  free(pack);
  CHECK(extended != NULL);
  if (extended == NULL) return;
  CHECK(nxkx_notice_from_json(extended, strlen(extended), &other, NULL, NULL) == NXKX_OK);
  if (other != NULL) {
    char file[] = "/tmp/nxkx_c_api_pack_XXXXXX";
    const int fd = mkstemp(file);
    FILE* f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    CHECK(f != NULL);
    if (f != NULL) {
      CHECK(fwrite(extended, 1, strlen(extended), f) == strlen(extended));
      CHECK(fclose(f) == 0);
    }
    CHECK(nxkx_starter(other, "key_academic", NULL, NULL, &out, NULL) == NXKX_OK);
    CHECK(out != NULL && strstr(out, "\"ethics_reviewed\": null") != NULL);
    nxkx_free(out);
    CHECK(nxkx_starter(other, "key_academic", "completion", "university_sta", &out, NULL) ==
          NXKX_OK);
    CHECK(out != NULL && strstr(out, "\"ethics_reviewed\": null") != NULL);
    CHECK(out != NULL && strstr(out, "\"kind\": \"university_sta\"") != NULL);
    nxkx_free(out);
    if (f != NULL) {
      expect_starter_as_new(other, cli, file, "key_academic", NULL, NULL);
      expect_starter_as_new(other, cli, file, "key_academic", "completion", "university_sta");
    }
    remove(file);
    nxkx_notice_free(other);
  }
  /* the built-in notice has no such declaration */
  CHECK(nxkx_starter(n, "society_capacity", NULL, NULL, &out, NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "ethics_reviewed") == NULL);
  nxkx_free(out);
  free(extended);
}

static void* thread_main(void* arg) {
  thread_job* job = (thread_job*)arg;
  int i;
  for (i = 0; i < 50; ++i) {
    char* out = NULL;
    if (nxkx_check(job->notice, job->app, job->len, as_of, &out, NULL) != NXKX_OK ||
        strcmp(out, job->expected) != 0)
      ++job->mismatches;
    nxkx_free(out);
  }
  return NULL;
}

static void test_threads(const nxkx_notice* n, const char* app, size_t len) {
  char* expected = NULL;
  pthread_t threads[8];
  thread_job jobs[8];
  int i, started = 0;
  CHECK(nxkx_check(n, app, len, as_of, &expected, NULL) == NXKX_OK);
  if (expected == NULL) return;
  for (i = 0; i < 8; ++i) {
    jobs[i].notice = n;
    jobs[i].app = app;
    jobs[i].len = len;
    jobs[i].expected = expected;
    jobs[i].mismatches = 0;
    if (pthread_create(&threads[i], NULL, thread_main, &jobs[i]) == 0) ++started;
  }
  CHECK(started == 8);
  for (i = 0; i < started; ++i) {
    pthread_join(threads[i], NULL);
    CHECK_MSG(jobs[i].mismatches == 0, "thread %d: %d answers differ", i, jobs[i].mismatches);
  }
  nxkx_free(expected);
}

/* ---- a batch with unreadable elements: error entries in their place, reports for the rest ---- */

static void test_keep_going(const nxkx_notice* n, const char* example, size_t example_len) {
  /* [example, {…, a trailing comma}, example with "paper_copies": "2", example] */
  const char* bad_syntax =
      "{\"project_type\": \"society_capacity\", \"applicant\": {\"kind\": \"society\"},}";
  const char* bad_value =
      "{\"project_type\": \"society_capacity\", \"applicant\": {\"kind\": \"快递\"}}";
  size_t size = 3 * example_len + strlen(bad_syntax) + strlen(bad_value) + 16, at = 0, out_len = 0;
  char* batch = (char*)malloc(size);
  char* out = NULL;
  span doc, reports, entry;
  item_list items;
  char *code, *path, *zh;
  CHECK(batch != NULL);
  if (batch == NULL) return;
  at +=
      (size_t)snprintf(batch + at, size - at, "[%.*s,%s,%.*s,%s,%.*s]", (int)example_len, example,
                       bad_syntax, (int)example_len, example, bad_value, (int)example_len, example);
  CHECK(nxkx_check_batch(n, batch, at, as_of, &out, &out_len) == NXKX_OK);
  doc = whole(out != NULL ? out : "", out_len);
  items.n = 0;
  if (member(doc, "reports", &reports)) walk(reports, list_visit, &items);
  CHECK(items.n == 5);
  if (items.n == 5) {
    CHECK(!member(items.items[0], "error", &entry) && member(items.items[0], "decision", &entry));
    CHECK(member(items.items[1], "error", &entry));
    code = string_member(entry, "code");
    path = string_member(entry, "path");
    zh = string_member(entry, "reason_zh");
    CHECK(code != NULL && strcmp(code, "input.syntax") == 0);
    CHECK(path != NULL && strcmp(path, "/1") == 0);
    CHECK(zh != NULL && strstr(zh, "逗号") != NULL); /* the trailing comma, in Chinese */
    free(code);
    free(path);
    free(zh);
    CHECK(member(items.items[3], "error", &entry));
    path = string_member(entry, "path");
    zh = string_member(entry, "reason_zh");
    CHECK(path != NULL && strcmp(path, "/3/applicant/kind") == 0);
    CHECK(zh != NULL && strstr(zh, "society") != NULL); /* 快递 is no kind: the codes are listed */
    free(path);
    free(zh);
    CHECK(member(items.items[4], "origin", &entry) &&
          strstr(entry.p, "\"index\":4") == entry.p + 1);
  }
  CHECK(strstr(out != NULL ? out : "", "\"errors\":2") != NULL);
  nxkx_free(out);
  /* A text that names a file: this interface reads no files, so it is an input error (never a
   * text counted as empty). */
  {
    const char* named =
        "{\"project_type\": \"park_sta_capacity\", \"applicant\": {\"kind\": \"park_sta\"}, "
        "\"records\": {\"texts\": [{\"type\": \"case_study\", \"file\": \"case.docx\"}]}}";
    char* text_out = NULL;
    CHECK(nxkx_check(n, named, strlen(named), as_of, &text_out, NULL) == NXKX_INPUT_ERROR);
    CHECK(text_out != NULL && strstr(text_out, "\"input.file\"") != NULL &&
          strstr(text_out, "/records/texts/0/file") != NULL);
    nxkx_free(text_out);
  }
  /* Strict: the first unreadable element fails the call. */
  out = NULL;
  CHECK(nxkx_check_batch(n, batch, at, as_of_strict, &out, &out_len) == NXKX_INPUT_ERROR);
  CHECK(out != NULL && strstr(out, "\"reason_zh\"") != NULL);
  nxkx_free(out);
  free(batch);
}

/* "compact": true: clauses by ref, without quotes, readings and contacts, in every call that
 * writes reports (README, "Compact reports"). */
static void test_compact(const nxkx_notice* n, const char* source_dir) {
  char path[4096];
  size_t len = 0, batch_len;
  char* app;
  char* batch;
  char* out = NULL;
  char code[128];
  const char* compact = "{\"as_of\": \"2025-05-20\", \"compact\": true}";
  const char* compact_text = "{\"as_of\": \"2025-05-20\", \"compact\": true, \"format\": \"text\"}";
  snprintf(path, sizeof path, "%s/examples/applications/society_capacity-grade-c.json", source_dir);
  app = read_file(path, &len);
  CHECK_MSG(app != NULL, "cannot read %s", path);
  if (app == NULL) return;

  CHECK(nxkx_check(n, app, len, as_of, &out, NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "\"quote\"") != NULL && strstr(out, "\"contact\"") != NULL);
  CHECK(out != NULL && strstr(out, "\"detail\"") == NULL);
  nxkx_free(out);
  out = NULL;
  CHECK(nxkx_check(n, app, len, compact, &out, NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "\"pack\":{") != NULL &&
        strstr(out, "},\"detail\":\"compact\",\"stage\":") != NULL);
  CHECK(out != NULL &&
        strstr(out, "\"clauses\":[{\"ref\":\"二(三)\"},{\"ref\":\"二(三)4\"}]") != NULL);
  CHECK(out != NULL && strstr(out, "\"quote\"") == NULL && strstr(out, "\"contact\"") == NULL);
  nxkx_free(out);
  out = NULL;
  CHECK(nxkx_check(n, app, len, compact_text, &out, NULL) == NXKX_OK);
  CHECK(out != NULL && strstr(out, "disqualification.evaluation_grade") != NULL &&
        strstr(out, "联系人") == NULL && strstr(out, "条款 二(三)4:") == NULL);
  nxkx_free(out);

  /* A batch (its reports kept as their written form, report_store) says the same. */
  batch_len = 2 * len + 3;
  batch = (char*)malloc(batch_len + 1);
  CHECK(batch != NULL);
  if (batch != NULL) {
    snprintf(batch, batch_len + 1, "[%s,%s]", app, app);
    batch_len = strlen(batch);
    for (int text = 0; text < 2; ++text) {
      out = NULL;
      CHECK(nxkx_check_batch(n, batch, batch_len, text ? compact_text : compact, &out, NULL) ==
            NXKX_OK);
      CHECK(out != NULL && strstr(out, "联系人") == NULL && strstr(out, "\"quote\"") == NULL);
      CHECK(out != NULL && strstr(out, "disqualification.evaluation_grade") != NULL);
      if (!text) {
        const char* first = out ? strstr(out, "\"detail\":\"compact\"") : NULL;
        CHECK(first != NULL && strstr(first + 1, "\"detail\":\"compact\"") != NULL);
      }
      nxkx_free(out);
    }
    free(batch);
  }
  CHECK(check_text(n, app, len, "{\"as_of\": \"2025-05-20\", \"compact\": 1}", code, sizeof code) ==
        NXKX_INVALID_ARGUMENT);
  CHECK(strcmp(code, "options.type") == 0);
  free(app);
}

int main(int argc, char** argv) {
  nxkx_notice* n = NULL;
  char* error = NULL;
  char path[4096];
  char* example;
  size_t example_len = 0;
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: c_api_test SOURCE_DIR [NXKX_COMMAND]\n");
    return 2;
  }
  if (nxkx_notice_builtin(&n, &error, NULL) != NXKX_OK) {
    fprintf(stderr, "cannot load the built-in notice: %s\n", error ? error : "");
    return 1;
  }
  snprintf(path, sizeof path, "%s/examples/applications/society_capacity.json", argv[1]);
  example = read_file(path, &example_len);
  if (example == NULL) {
    fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }

  run_corpus(n, argv[1]);
  run_pack_corpora(argv[1]);
  test_arguments(n, example, example_len);
  test_limits(n, example, example_len);
  test_packs(argv[1]);
  test_other_calls(n, argv[1]);
  test_starter(n, argv[1], argc == 3 ? argv[2] : NULL);
  test_threads(n, example, example_len);
  test_keep_going(n, example, example_len);
  test_compact(n, argv[1]);

  free(example);
  nxkx_notice_free(n);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

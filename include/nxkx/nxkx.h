/* nxkx.h — the C ABI of nxkx: the rules of 宁夏科协〔2025〕61号 for portals in any language.
 *
 * Plain C99. JSON text in, JSON text out. Every function returns an nxkx_status; no C++
 * exception ever crosses this boundary, whatever the input (see docs/c-api.md).
 *
 * Ownership, for every function:
 *   - Input pointers are borrowed for the duration of the call only; nxkx keeps none of them.
 *   - `char** out` receives a new NUL-terminated UTF-8 string, owned by the caller, who frees it
 *     with nxkx_free() (not free(): the library may use another allocator). On NXKX_OK it holds
 *     the result; on any other status it holds the error as JSON
 *     {"status": "...", "code": "...", "path": "...", "reason": "..."}, or NULL when even that
 *     could not be allocated (NXKX_OUT_OF_MEMORY) or when `out` itself is NULL.
 *   - `size_t* out_len`, when not NULL, receives the length of *out in bytes (without the NUL);
 *     0 when *out is NULL.
 *   - An nxkx_notice* is owned by the caller and released with nxkx_notice_free(); an
 *     nxkx_batch* likewise with nxkx_batch_free().
 *
 * Threads: a loaded notice is immutable. Any number of threads may call nxkx_check,
 * nxkx_check_batch, nxkx_catalog, nxkx_schema and nxkx_starter on one notice at the same time. Only
 * nxkx_notice_free must not race with a call that uses the same notice. A batch is one
 * caller's: calls on one nxkx_batch must not race; different batches may run at the same time.
 */
#ifndef NXKX_NXKX_H
#define NXKX_NXKX_H

#include <stddef.h>

#if defined(_WIN32)
#if defined(NXKX_C_BUILDING)
#define NXKX_C_API __declspec(dllexport)
#else
#define NXKX_C_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define NXKX_C_API __attribute__((visibility("default")))
#else
#define NXKX_C_API
#endif

#ifdef __cplusplus
#define NXKX_C_NOEXCEPT noexcept
extern "C" {
#else
#define NXKX_C_NOEXCEPT
#endif

/** What a call did. A rejected application is NXKX_OK: the report says so. */
typedef enum nxkx_status {
  NXKX_OK = 0,               /**< the result is in *out */
  NXKX_INPUT_ERROR = 1,      /**< an application (or a text to count) cannot be read */
  NXKX_PACK_ERROR = 2,       /**< a notice pack cannot be loaded */
  NXKX_INVALID_ARGUMENT = 3, /**< a NULL pointer, or options that cannot be read */
  NXKX_OUT_OF_MEMORY = 4,    /**< memory ran out; *out may be NULL */
  NXKX_INTERNAL = 5          /**< a bug in nxkx: please report it with the input */
} nxkx_status;

/** A loaded notice pack (opaque). */
typedef struct nxkx_notice nxkx_notice;

/** A checked batch whose result is handed out a block at a time (opaque; nxkx_batch_begin). */
typedef struct nxkx_batch nxkx_batch;

/** The library's version, "MAJOR.MINOR.PATCH"; a static string, never freed. */
NXKX_C_API const char* nxkx_version(void) NXKX_C_NOEXCEPT;

/** The stable name of a status, e.g. "input_error"; a static string, never freed. */
NXKX_C_API const char* nxkx_status_name(nxkx_status status) NXKX_C_NOEXCEPT;

/** Frees a string returned through `out`. NULL is allowed and does nothing. */
NXKX_C_API void nxkx_free(char* text) NXKX_C_NOEXCEPT;

/** The 2025 notice compiled into the library (no file is read). On NXKX_OK *out_notice is a
 *  new handle; otherwise it is NULL and `out_error` (may be NULL) gets the error JSON. */
NXKX_C_API nxkx_status nxkx_notice_builtin(nxkx_notice** out_notice, char** out_error,
                                           size_t* out_error_len) NXKX_C_NOEXCEPT;

/** Loads a pack from JSON text of `len` bytes. Errors: NXKX_PACK_ERROR with the JSON pointer of
 *  the bad place in the pack. */
NXKX_C_API nxkx_status nxkx_notice_from_json(const char* pack_json, size_t len,
                                             nxkx_notice** out_notice, char** out_error,
                                             size_t* out_error_len) NXKX_C_NOEXCEPT;

/** Loads a pack from a file (a NUL-terminated path) of at most 16 MiB. Errors: NXKX_PACK_ERROR;
 *  a file that cannot be read is NXKX_INPUT_ERROR with code "input.not_found" (no such file),
 *  "input.unreadable", "input.directory", "input.not_regular" or "input.limit" (longer). */
NXKX_C_API nxkx_status nxkx_notice_load(const char* path, nxkx_notice** out_notice,
                                        char** out_error, size_t* out_error_len) NXKX_C_NOEXCEPT;

/** Releases a notice. NULL is allowed and does nothing. */
NXKX_C_API void nxkx_notice_free(nxkx_notice* notice) NXKX_C_NOEXCEPT;

/** Checks one application (a JSON object of `len` bytes, docs/application-format.md).
 *  `options_json` is a NUL-terminated JSON object:
 *    {"as_of": "2025-05-20",                 required: results never depend on the clock
 *     "stage": "application"|"completion",   default "application"
 *     "format": "json"|"text",               default "json": the report as nxkx::to_json
 *     "lang": "zh"|"en",                     the language of "text" output, default "zh"
 *     "trace": false,                        list every rule evaluated
 *     "bad_credit_code": "incomplete"|"needs_review",
 *     "threads": 1,                          for nxkx_check_batch; 1 in WebAssembly
 *     "strict": false,                       nxkx_check_batch: true = the first unreadable
 *                                            element fails the whole call
 *     "compact": false}                      true = clauses cited by ref, without quotes,
 *                                            readings and contacts (nxkx_catalog has them)
 *  On NXKX_OK *out is the report. NXKX_INPUT_ERROR: the application cannot be read (code
 *  "input.*", path a JSON pointer into it). NXKX_INVALID_ARGUMENT: a NULL pointer (code
 *  "argument.null") or bad options (code "options.*", path a JSON pointer into the options). */
NXKX_C_API nxkx_status nxkx_check(const nxkx_notice* notice, const char* application_json,
                                  size_t len, const char* options_json, char** out,
                                  size_t* out_len) NXKX_C_NOEXCEPT;

/** Checks a batch: a JSON array of applications (or one object), duplicates judged across it
 *  (三(一)). On NXKX_OK *out is {"notice", "stage", "as_of", "reports": [...], "summary": {...}},
 *  the reports in input order. An element that cannot be read takes its report's place as
 *  {"error": {"code", "path", "reason", "reason_zh"}, "origin": {"index"}} and the others are
 *  checked without it (docs/c-api.md); with "strict": true it fails the whole call instead (its
 *  path starts with its index, "/3/submission/…"). An array that cannot be split into elements,
 *  or longer than max_batch, is NXKX_INPUT_ERROR. Options as for nxkx_check. */
NXKX_C_API nxkx_status nxkx_check_batch(const nxkx_notice* notice, const char* applications_json,
                                        size_t len, const char* options_json, char** out,
                                        size_t* out_len) NXKX_C_NOEXCEPT;

/** Checks a batch as nxkx_check_batch does, and keeps its result to be handed out a block at a
 *  time by nxkx_batch_next, so that the result is never one buffer of the library's: memory
 *  holds the checked reports (in the JSON format as their compact JSON), each freed as its
 *  part of the result is handed out, and one block. `applications_json` is borrowed for this
 *  call only: the caller may free it as soon as nxkx_batch_begin returns. The batch keeps what
 *  it needs of the notice, which may be freed before the batch.
 *  On NXKX_OK *out_batch is a new batch (free it with nxkx_batch_free) and *out_error is NULL;
 *  otherwise *out_batch is NULL and `out_error` (may be NULL) gets the error JSON, the statuses
 *  and codes of nxkx_check_batch (with "strict": true an unreadable element fails here).
 *  A NULL out_batch is NXKX_INVALID_ARGUMENT with code "argument.null". */
NXKX_C_API nxkx_status nxkx_batch_begin(const nxkx_notice* notice, const char* applications_json,
                                        size_t len, const char* options_json,
                                        nxkx_batch** out_batch, char** out_error,
                                        size_t* out_error_len) NXKX_C_NOEXCEPT;

/** The next block of a batch's result: on NXKX_OK *out holds its next 1 to `max_bytes` bytes
 *  (NUL-terminated, freed with nxkx_free), or "" (*out_len 0) once the whole result has been
 *  handed out, and again on every call after that. The blocks joined are byte for byte what
 *  nxkx_check_batch gives for the same arguments; a block may end inside a UTF-8 character.
 *  A block of max_bytes comes whenever that much of the result is left: only the last is
 *  shorter. NXKX_INVALID_ARGUMENT: a NULL batch or out ("argument.null"), max_bytes 0
 *  ("argument.max_bytes"): the batch is unchanged. If a block cannot be written
 *  (NXKX_OUT_OF_MEMORY, NXKX_INTERNAL) the rest of the result is lost: every later call is
 *  NXKX_INVALID_ARGUMENT with code "argument.batch_failed"; the batch is still freed with
 *  nxkx_batch_free. */
NXKX_C_API nxkx_status nxkx_batch_next(nxkx_batch* batch, size_t max_bytes, char** out,
                                       size_t* out_len) NXKX_C_NOEXCEPT;

/** Releases a batch, whether its result was handed out or not. NULL is allowed and does
 *  nothing. */
NXKX_C_API void nxkx_batch_free(nxkx_batch* batch) NXKX_C_NOEXCEPT;

/** The notice's catalogue as JSON: the notice, its categories and project types with who may
 *  apply, papers, completion deadlines and contacts (as `nxkx catalog --format json`). */
NXKX_C_API nxkx_status nxkx_catalog(const nxkx_notice* notice, char** out,
                                    size_t* out_len) NXKX_C_NOEXCEPT;

/** A JSON Schema (draft 2020-12) built from the notice: `document` is "application" (NULL means
 *  the same), "applications" (one object or an array) or "report" (docs/schema.md). */
NXKX_C_API nxkx_status nxkx_schema(const nxkx_notice* notice, const char* document, char** out,
                                   size_t* out_len) NXKX_C_NOEXCEPT;

/** A starter application for `project_type` (what `nxkx new --type TYPE` prints, indented by 2):
 *  the type, the applicant's kind, every field the type's rules read at the stage and every
 *  declaration of the type, read by a rule or not, as null (unknown). `stage` is "application"
 *  (NULL means the same) or "completion"; `kind` is an applicant kind code of the notice (NULL:
 *  the first kind the type admits). A type, stage or kind the notice does not have is
 *  NXKX_INPUT_ERROR with code "input.unknown_code", path "/project_type", "/stage" or "/kind"
 *  (the argument's name) and the valid codes in the reason. NULL notice, project_type or out:
 *  NXKX_INVALID_ARGUMENT ("argument.null"). */
NXKX_C_API nxkx_status nxkx_starter(const nxkx_notice* notice, const char* project_type,
                                    const char* stage, const char* kind, char** out,
                                    size_t* out_len) NXKX_C_NOEXCEPT;

/** Counts the 字 of a UTF-8 text of `len` bytes as the notice's limits count them:
 *  {"word_processor": N, "non_space": N, "code_points": N}. Invalid UTF-8 is NXKX_INPUT_ERROR
 *  with code "input.utf8" and the byte offset in the reason. */
NXKX_C_API nxkx_status nxkx_count_zi(const char* text, size_t len, char** out,
                                     size_t* out_len) NXKX_C_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NXKX_NXKX_H */

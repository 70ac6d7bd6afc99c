// The JavaScript API of nxkx.js (docs/browser.md), appended to the Emscripten module with
// --post-js: it runs inside the module factory, beside the C ABI of bindings/c/nxkx_c.cpp.
//
//   const nxkx = await createNxkx();
//   const report = nxkx.check(application, {asOf: '2025-05-20', lang: 'zh'});
//   const notice = nxkx.loadNotice(packJson);       // another notice's pack: same methods
//   notice.check(application, {asOf: '2026-05-20'});
//
// Applications and options go in as objects or JSON text; results come back as objects.
// A rejected application is a report; only input that cannot be read throws an NxkxError
// {status, code, path, reason}. Strings cross the boundary as UTF-8 with their length
// (TextEncoder: Emscripten's own encoder would fold a lone surrogate into the next character).

/** An input (or options) that could not be read: `code` is stable, `path` a JSON pointer. */
function NxkxError(status, detail) {
  var message = '[' + detail.code + '] ' + (detail.path ? detail.path + ': ' : '') + detail.reason;
  var error = new Error(message);
  Object.setPrototypeOf(error, NxkxError.prototype);
  error.name = 'NxkxError';
  error.status = detail.status || status;
  error.code = detail.code;
  error.path = detail.path;
  error.reason = detail.reason;
  // Whatever else the ABI's error document carries (e.g. the reason in another language) is
  // passed on as it is.
  Object.keys(detail).forEach(function(key) {
    if (!(key in error) && key !== 'message' && key !== 'name') error[key] = detail[key];
  });
  return error;
}
NxkxError.prototype = Object.create(Error.prototype);
NxkxError.prototype.constructor = NxkxError;

var nxkxStatusNames = ['ok', 'input_error', 'pack_error', 'invalid_argument', 'out_of_memory',
                       'internal'];
var nxkxNotice = 0;

/** Calls an ABI function whose last two arguments are (char** out, size_t* out_len). */
function nxkxCall(fn, args) {
  var slots = _malloc(8);
  if (!slots) throw new Error('nxkx: out of memory');
  HEAPU32[slots >> 2] = 0;
  HEAPU32[(slots + 4) >> 2] = 0;
  var status, text = '';
  try {
    status = fn.apply(null, args.concat([slots, slots + 4]));
    var ptr = HEAPU32[slots >> 2];
    var len = HEAPU32[(slots + 4) >> 2];
    if (ptr) {
      text = UTF8ToString(ptr, len);
      _nxkx_free(ptr);
    }
  } finally {
    _free(slots);
  }
  if (status !== 0) throw nxkxFailure(status, text);
  return text;
}

var nxkxEncoder = new TextEncoder();
var nxkxLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Runs f(pointer, length) with `text` copied into the module's memory as UTF-8. A string with
 *  a lone surrogate has no UTF-8 form: it is refused with `code` (input.utf8 for a document),
 *  as the C++ reader refuses bytes that are not UTF-8, rather than altered (pack.syntax for a
 *  pack, with status pack_error). */
/** nxkx::input_limits' max_bytes and max_batch_bytes (include/nxkx/limits.hpp). A text longer
 *  than its limit is refused before it is copied into the module's memory, which WebAssembly
 *  never gives back: only what the library would read at all ever reaches it. */
var nxkxMaxBytes = 16 * 1024 * 1024;
var nxkxMaxBatchBytes = 256 * 1024 * 1024;

/** The limit of a document of applications: max_batch_bytes for an array, else max_bytes. */
function nxkxDocumentLimit(text, batch) {
  if (!batch) return {max: nxkxMaxBytes, batch: false};
  var first = /^\uFEFF?[ \t\r\n]*(.)/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  var array = first !== null && first[1] === '[';
  return {max: array ? nxkxMaxBatchBytes : nxkxMaxBytes, batch: array};
}

function nxkxTooLong(size, limit) {
  return NxkxError('input_error', limit.batch ? {
    code: 'input.limit', path: '',
    reason: 'the batch is ' + size + ' bytes, more than max_batch_bytes (' + limit.max + ')',
    reason_zh: '这批申报共 ' + size + ' 字节，超过 max_batch_bytes（' + limit.max + '）'
  } : {
    code: 'input.limit', path: '',
    reason: 'the application is ' + size + ' bytes, more than max_bytes (' + limit.max + ')',
    reason_zh: '申报共 ' + size + ' 字节，超过 max_bytes（' + limit.max + '）'
  });
}

function nxkxWithText(text, f, code, limit) {
  var bad = nxkxLoneSurrogate.exec(text);
  if (bad) {
    var unit = bad[0].charCodeAt(0).toString(16).toUpperCase();
    var status = code === 'input.utf8' ? 'input_error' :
        code === 'pack.syntax' ? 'pack_error' : 'invalid_argument';
    throw NxkxError(status, {
      code: code || 'input.utf8',
      path: '',
      reason: 'a lone surrogate U+' + unit + ' at character ' + bad.index +
          ' cannot be written as UTF-8; the document must be UTF-8'
    });
  }
  // UTF-8 is at most 3 bytes a UTF-16 unit: a text that cannot be longer than its limit is
  // not measured, one that is surely longer is refused before it is encoded.
  if (limit && text.length > limit.max) throw nxkxTooLong(nxkxEncoder.encode(text).length, limit);
  var bytes = nxkxEncoder.encode(text);
  if (limit && bytes.length > limit.max) throw nxkxTooLong(bytes.length, limit);
  var ptr = _malloc(bytes.length + 1);
  if (!ptr) throw new Error('nxkx: out of memory');
  try {
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    return f(ptr, bytes.length);
  } finally {
    _free(ptr);
  }
}

function nxkxBuiltin() {
  if (!nxkxNotice) {
    var slot = _malloc(4);
    try {
      var status = _nxkx_notice_builtin(slot, 0, 0);
      if (status !== 0) throw new Error('nxkx: the built-in notice does not load (' + status + ')');
      nxkxNotice = HEAPU32[slot >> 2];
    } finally {
      _free(slot);
    }
  }
  return nxkxNotice;
}

/** China's calendar date of a Date (the notice counts days in UTC+8). */
function nxkxChinaDate(d) {
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Options in camelCase or snake_case to the ABI's options JSON. Unknown names are passed on:
 *  the ABI refuses them with code options.unknown_field. */
function nxkxOptions(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options === 'string') return options;
  var names = {asOf: 'as_of', badCreditCode: 'bad_credit_code'};
  var out = {};
  Object.keys(options).forEach(function(key) {
    var value = options[key];
    if (value === undefined) return;
    if (value instanceof Date) {
      if (isNaN(value.getTime()))
        throw NxkxError('invalid_argument', {code: 'options.date', path: nxkxPointerToken(
            names[key] || key), reason: 'an invalid Date (its time is NaN); expected a date'});
      value = nxkxChinaDate(value);
    }
    out[names[key] || key] = value;
  });
  try {
    return nxkxJson(out, 0);
  } catch (e) {
    // Options are the caller's arguments: what cannot be written of them is invalid_argument.
    if (!(e instanceof NxkxError)) throw e;
    throw NxkxError('invalid_argument',
                    {code: e.code.replace(/^input\./, 'options.'), path: e.path, reason: e.reason});
  }
}

/** The library's limit on nesting (nxkx::input_limits::max_depth), which the writer below keeps
 *  too: a value that contains itself ends there, as a deep one does. */
var nxkxMaxDepth = 64;

function nxkxPointerToken(key) {
  return '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A value that cannot be written as JSON: an NxkxError as the reader would give for its text. */
function nxkxUnwritable(code, path, reason) {
  return NxkxError('input_error', {code: code, path: path, reason: reason});
}

/** `value` as JSON text, as JSON.stringify writes it (toJSON, undefined and functions left out
 *  of objects and null in arrays), except where JSON.stringify would change a value or throw
 *  something other than an NxkxError: NaN and ±Infinity are input.range (not null, which reads
 *  as "unknown"); a BigInt is written as its digits (the reader judges its range); an invalid
 *  Date is input.date; nesting past max_depth, which a value that contains itself reaches, is
 *  input.limit. `depth` is the levels already open around it (a batch's array counts as one). */
function nxkxJson(value, depth) {
  var parts = [];
  function write(v, path, level, inArray) {
    if (v !== null && (typeof v === 'object' || typeof v === 'bigint')) {
      if (v instanceof Date) {
        if (isNaN(v.getTime()))
          throw nxkxUnwritable('input.date', path, 'an invalid Date (its time is NaN); expected a date');
        parts.push(JSON.stringify(v.toISOString()));
        return;
      }
      if (typeof v.toJSON === 'function') v = v.toJSON();
    }
    switch (typeof v) {
      case 'string':
        parts.push(JSON.stringify(v));
        return;
      case 'boolean':
        parts.push(v ? 'true' : 'false');
        return;
      case 'number':
        if (!isFinite(v))
          throw nxkxUnwritable('input.range', path,
                               'number ' + String(v) + ' is out of range; expected a finite number');
        parts.push(JSON.stringify(v));
        return;
      case 'bigint':
        parts.push(v.toString());
        return;
      case 'undefined':
      case 'function':
      case 'symbol':
        parts.push('null');  // only reached in an array, as JSON.stringify writes it
        return;
    }
    if (v === null) {
      parts.push('null');
      return;
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      write(v.valueOf(), path, level, inArray);
      return;
    }
    if (level >= nxkxMaxDepth)
      throw nxkxUnwritable('input.limit', path,
                           'arrays and objects nest deeper than max_depth (' + nxkxMaxDepth + ')');
    if (Array.isArray(v)) {
      parts.push('[');
      for (var i = 0; i < v.length; ++i) {
        if (i) parts.push(',');
        write(v[i], path + '/' + i, level + 1, true);
      }
      parts.push(']');
      return;
    }
    parts.push('{');
    var first = true;
    Object.keys(v).forEach(function(key) {
      var item = v[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') return;
      if (!first) parts.push(',');
      first = false;
      parts.push(JSON.stringify(key), ':');
      write(item, path + nxkxPointerToken(key), level + 1, false);
    });
    parts.push('}');
  }
  write(value, '', depth || 0, false);
  return parts.join('');
}

function nxkxText(document, depth) {
  return typeof document === 'string' ? document : nxkxJson(document, depth);
}

function nxkxResult(text, options) {
  return options && options.format === 'text' ? text : JSON.parse(text);
}

/** The library's version, "MAJOR.MINOR.PATCH". */
Module['version'] = function() {
  return UTF8ToString(_nxkx_version());
};

function nxkxCheckWith(handle, application, options) {
  var opts = nxkxOptions(options);
  var text = nxkxText(application);
  return nxkxResult(nxkxWithText(text, function(app, appLength) {
    return nxkxWithText(opts, function(o) {
      return nxkxCall(_nxkx_check, [handle, app, appLength, o]);
    }, 'options.syntax');
  }, 'input.utf8', nxkxDocumentLimit(text, false)), options);
}

/** The error document of a failed call as an NxkxError. */
function nxkxFailure(status, text) {
  var detail;
  try {
    detail = JSON.parse(text);
  } catch (e) {
    detail = {code: 'internal', path: '', reason: text || 'no error text'};
  }
  return NxkxError(nxkxStatusNames[status] || 'internal', detail);
}

/** Calls an ABI function whose last three arguments are (T** out_handle, char** out_error,
 *  size_t* out_error_len) and returns the handle. */
function nxkxMake(fn, args) {
  var slots = _malloc(12);
  if (!slots) throw new Error('nxkx: out of memory');
  HEAPU32[slots >> 2] = 0;
  HEAPU32[(slots + 4) >> 2] = 0;
  HEAPU32[(slots + 8) >> 2] = 0;
  var status, handle, errorText = '';
  try {
    status = fn.apply(null, args.concat([slots, slots + 4, slots + 8]));
    handle = HEAPU32[slots >> 2];
    var ptr = HEAPU32[(slots + 4) >> 2];
    if (ptr) {
      errorText = UTF8ToString(ptr, HEAPU32[(slots + 8) >> 2]);
      _nxkx_free(ptr);
    }
  } finally {
    _free(slots);
  }
  if (status !== 0) throw nxkxFailure(status, errorText);
  return handle;
}

/** The size of the blocks checkBatch reads its result in (option blockBytes). */
var nxkxBlockBytes = 1024 * 1024;

/** options.blockBytes (or block_bytes): an integer from 1 to 2^31 - 1; the options without it. */
function nxkxBatchOptions(options) {
  if (options === undefined || options === null || typeof options === 'string')
    return {options: options, blockBytes: nxkxBlockBytes};
  var rest = {}, blockBytes = nxkxBlockBytes, name = null;
  Object.keys(options).forEach(function(key) {
    if (key === 'blockBytes' || key === 'block_bytes') {
      if (options[key] === undefined) return;
      name = key;
      blockBytes = options[key];
    } else {
      rest[key] = options[key];
    }
  });
  if (name !== null) {
    if (typeof blockBytes !== 'number' || !Number.isInteger(blockBytes))
      throw NxkxError('invalid_argument', {code: 'options.type', path: nxkxPointerToken(name),
          reason: 'expected an integer number of bytes, found ' + (typeof blockBytes === 'number' ?
              String(blockBytes) : typeof blockBytes)});
    if (blockBytes < 1 || blockBytes > 0x7fffffff)
      throw NxkxError('invalid_argument', {code: 'options.range', path: nxkxPointerToken(name),
          reason: 'expected 1 to 2147483647 bytes a block, found ' + blockBytes});
  }
  return {options: rest, blockBytes: blockBytes};
}

/** Checks a batch through nxkx_batch_begin and reads its result a block at a time: the copy of
 *  the text is freed as soon as the batch is checked, and the module's memory never holds the
 *  whole result (docs/limits.md). Blocks may end inside a UTF-8 character: one streaming
 *  TextDecoder decodes them all. */
function nxkxCheckBatchWith(handle, applications, options) {
  var batchOptions = nxkxBatchOptions(options);
  var opts = nxkxOptions(batchOptions.options);
  var text = nxkxText(applications, 0);
  var batch = nxkxWithText(text, function(apps, appsLength) {
    return nxkxWithText(opts, function(o) {
      return nxkxMake(_nxkx_batch_begin, [handle, apps, appsLength, o]);
    }, 'options.syntax');
  }, 'input.utf8', nxkxDocumentLimit(text, true));
  text = null;
  var parts = [];
  var decoder = new TextDecoder('utf-8');
  var slots = 0;
  try {
    slots = _malloc(8);
    if (!slots) throw new Error('nxkx: out of memory');
    for (;;) {
      HEAPU32[slots >> 2] = 0;
      HEAPU32[(slots + 4) >> 2] = 0;
      var status = _nxkx_batch_next(batch, batchOptions.blockBytes, slots, slots + 4);
      var ptr = HEAPU32[slots >> 2];
      var len = HEAPU32[(slots + 4) >> 2];
      if (status !== 0) {
        var errorText = ptr ? UTF8ToString(ptr, len) : '';
        if (ptr) _nxkx_free(ptr);
        throw nxkxFailure(status, errorText);
      }
      if (len === 0) {
        _nxkx_free(ptr);
        break;
      }
      parts.push(decoder.decode(HEAPU8.subarray(ptr, ptr + len), {stream: true}));
      _nxkx_free(ptr);
    }
  } finally {
    if (slots) _free(slots);
    _nxkx_batch_free(batch);
  }
  parts.push(decoder.decode());
  return nxkxResult(parts.join(''), batchOptions.options);
}

function nxkxCatalogWith(handle) {
  return JSON.parse(nxkxCall(_nxkx_catalog, [handle]));
}

function nxkxSchemaWith(handle, document) {
  return JSON.parse(nxkxWithText(document || 'application', function(d) {
    return nxkxCall(_nxkx_schema, [handle, d]);
  }, 'argument.document'));
}

/** `value` copied into the module's memory as a NUL-terminated string for f(pointer), or 0 for
 *  f when it is undefined or null (the ABI's NULL: its default). */
function nxkxWithOptionalText(value, f) {
  if (value === undefined || value === null) return f(0);
  return nxkxWithText(value, f, 'input.utf8');
}

/** The starter of `type` through nxkx_starter: options {stage, kind}, each a code or left out
 *  (the ABI's defaults: application, the first kind the type admits). */
function nxkxStarterWith(handle, type, options) {
  if (typeof type !== 'string')
    throw NxkxError('invalid_argument', {code: 'argument.type', path: '',
        reason: 'the project type must be a code (a string), found ' +
            (type === null ? 'null' : typeof type)});
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw NxkxError('invalid_argument', {code: 'options.type', path: '',
        reason: 'expected an options object {stage, kind}, found ' +
            (Array.isArray(options) ? 'an array' : typeof options)});
  Object.keys(options).forEach(function(key) {
    if (key !== 'stage' && key !== 'kind')
      throw NxkxError('invalid_argument', {code: 'options.unknown_field',
          path: nxkxPointerToken(key), reason: 'unknown option "' + key + '"; expected stage or kind'});
    var v = options[key];
    if (v !== undefined && v !== null && typeof v !== 'string')
      throw NxkxError('invalid_argument', {code: 'options.type', path: nxkxPointerToken(key),
          reason: 'expected a code (a string), found ' + typeof v});
  });
  return JSON.parse(nxkxWithText(type, function(t) {
    return nxkxWithOptionalText(options.stage, function(st) {
      return nxkxWithOptionalText(options.kind, function(k) {
        return nxkxCall(_nxkx_starter, [handle, t, st, k]);
      });
    });
  }, 'input.utf8'));
}

/** Checks one application (object or JSON text). Options: asOf (required, 'YYYY-MM-DD' or a
 *  Date), stage ('application' | 'completion'), trace, badCreditCode, format ('json' |
 *  'text'), lang ('zh' | 'en', for text). Returns the report (an object, or text). */
Module['check'] = function(application, options) {
  return nxkxCheckWith(nxkxBuiltin(), application, options);
};

/** Checks a batch (an array, or JSON text of one): duplicates are judged across it (三(一)).
 *  Returns {notice, stage, as_of, reports, summary} (or text). Options as for check, and
 *  blockBytes: the size of the blocks the result is read from the module in (default 1 MiB). */
Module['checkBatch'] = function(applications, options) {
  return nxkxCheckBatchWith(nxkxBuiltin(), applications, options);
};

/** The notice's catalogue: categories and project types with who may apply and contacts. */
Module['catalog'] = function() {
  return nxkxCatalogWith(nxkxBuiltin());
};

/** The JSON Schema (draft 2020-12) of 'application' (default), 'applications', 'report' or
 *  'batch'. */
Module['schema'] = function(document) {
  return nxkxSchemaWith(nxkxBuiltin(), document);
};

/** The built-in notice's starter application for a project type (NxkxNotice.starter). */
Module['starter'] = function(type, options) {
  return nxkxStarterWith(nxkxBuiltin(), type, options);
};

/** A notice: the built-in one, or one loaded from a pack. check, checkBatch, catalog, schema
 *  and starter work as the module's own functions do, with this notice's rules and codes. */
function NxkxNotice(handle, owned) {
  this.handle = handle;
  this.owned = owned;
}
NxkxNotice.prototype.live = function() {
  if (!this.handle) {
    throw NxkxError('invalid_argument',
                    {code: 'argument.null', path: '', reason: 'this notice has been freed'});
  }
  return this.handle;
};
NxkxNotice.prototype.check = function(application, options) {
  return nxkxCheckWith(this.live(), application, options);
};
NxkxNotice.prototype.checkBatch = function(applications, options) {
  return nxkxCheckBatchWith(this.live(), applications, options);
};
NxkxNotice.prototype.catalog = function() {
  return nxkxCatalogWith(this.live());
};
NxkxNotice.prototype.schema = function(document) {
  return nxkxSchemaWith(this.live(), document);
};
/** A starter application for a project type (what `nxkx new --type TYPE` prints), as an
 *  object: the type, the applicant's kind, every field the type's rules read at the stage and
 *  every declaration of the type, read by a rule or not, as null. Options: stage
 *  ('application', the default, or 'completion'), kind (an applicant kind code; default the
 *  first the type admits). A type, stage or kind the notice does not have throws an NxkxError
 *  with status 'input_error', code 'input.unknown_code', path '/project_type', '/stage' or
 *  '/kind' and the valid codes in its reason. */
NxkxNotice.prototype.starter = function(type, options) {
  return nxkxStarterWith(this.live(), type, options);
};
/** Releases a loaded pack's memory; the built-in notice stays. Further calls throw. */
NxkxNotice.prototype.free = function() {
  if (!this.owned) return;
  if (this.handle) _nxkx_notice_free(this.handle);
  this.handle = 0;
};

var nxkxBuiltinNotice = null;

/** The built-in notice as an object (the one the module's own check uses). */
Module['builtinNotice'] = function() {
  if (!nxkxBuiltinNotice) nxkxBuiltinNotice = new NxkxNotice(nxkxBuiltin(), false);
  return nxkxBuiltinNotice;
};

/** Loads a notice pack (an object, or its JSON text) and returns it as a notice. A pack that
 *  cannot be loaded throws an NxkxError with status 'pack_error' and the JSON pointer of the
 *  bad place in the pack as `path`. */
Module['loadNotice'] = function(pack) {
  var text = nxkxText(pack);
  return nxkxWithText(text, function(p, length) {
    return new NxkxNotice(nxkxMake(_nxkx_notice_from_json, [p, length]), true);
  }, 'pack.syntax');
};

/** The 字 of a text as the notice counts them: {word_processor, non_space, code_points}. */
Module['countZi'] = function(text) {
  return JSON.parse(nxkxWithText(String(text), function(t, length) {
    return nxkxCall(_nxkx_count_zi, [t, length]);
  }, 'input.utf8'));
};

Module['NxkxError'] = NxkxError;
Module['NxkxNotice'] = NxkxNotice;

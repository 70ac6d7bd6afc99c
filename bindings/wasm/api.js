// The JavaScript API of nxkx.js (docs/browser.md), appended to the Emscripten module with
// --post-js: it runs inside the module factory, beside the C ABI of bindings/c/nxkx_c.cpp.
//
//   const nxkx = await createNxkx();
//   const report = nxkx.check(application, {asOf: '2025-05-20', lang: 'zh'});
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
  if (status !== 0) {
    var detail;
    try {
      detail = JSON.parse(text);
    } catch (e) {
      detail = {code: 'internal', path: '', reason: text || 'no error text'};
    }
    throw NxkxError(nxkxStatusNames[status] || 'internal', detail);
  }
  return text;
}

var nxkxEncoder = new TextEncoder();
var nxkxLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Runs f(pointer, length) with `text` copied into the module's memory as UTF-8. A string with
 *  a lone surrogate has no UTF-8 form: it is refused with `code` (input.utf8 for a document),
 *  as the C++ reader refuses bytes that are not UTF-8, rather than altered. */
function nxkxWithText(text, f, code) {
  var bad = nxkxLoneSurrogate.exec(text);
  if (bad) {
    var unit = bad[0].charCodeAt(0).toString(16).toUpperCase();
    throw NxkxError(code === 'input.utf8' ? 'input_error' : 'invalid_argument', {
      code: code || 'input.utf8',
      path: '',
      reason: 'a lone surrogate U+' + unit + ' at character ' + bad.index +
          ' cannot be written as UTF-8; the document must be UTF-8'
    });
  }
  var bytes = nxkxEncoder.encode(text);
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
    if (value instanceof Date) value = nxkxChinaDate(value);
    out[names[key] || key] = value;
  });
  return JSON.stringify(out);
}

function nxkxText(document) {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

function nxkxResult(text, options) {
  return options && options.format === 'text' ? text : JSON.parse(text);
}

/** The library's version, "MAJOR.MINOR.PATCH". */
Module['version'] = function() {
  return UTF8ToString(_nxkx_version());
};

/** Checks one application (object or JSON text). Options: asOf (required, 'YYYY-MM-DD' or a
 *  Date), stage ('application' | 'completion'), trace, badCreditCode, format ('json' |
 *  'text'), lang ('zh' | 'en', for text). Returns the report (an object, or text). */
Module['check'] = function(application, options) {
  var opts = nxkxOptions(options);
  return nxkxResult(nxkxWithText(nxkxText(application), function(app, appLength) {
    return nxkxWithText(opts, function(o) {
      return nxkxCall(_nxkx_check, [nxkxBuiltin(), app, appLength, o]);
    }, 'options.syntax');
  }, 'input.utf8'), options);
};

/** Checks a batch (an array, or JSON text of one): duplicates are judged across it (三(一)).
 *  Returns {notice, stage, as_of, reports, summary}. */
Module['checkBatch'] = function(applications, options) {
  var opts = nxkxOptions(options);
  return nxkxResult(nxkxWithText(nxkxText(applications), function(apps, appsLength) {
    return nxkxWithText(opts, function(o) {
      return nxkxCall(_nxkx_check_batch, [nxkxBuiltin(), apps, appsLength, o]);
    }, 'options.syntax');
  }, 'input.utf8'), options);
};

/** The notice's catalogue: categories and project types with who may apply and contacts. */
Module['catalog'] = function() {
  return JSON.parse(nxkxCall(_nxkx_catalog, [nxkxBuiltin()]));
};

/** The JSON Schema (draft 2020-12) of 'application' (default), 'applications', 'report' or
 *  'batch'. */
Module['schema'] = function(document) {
  return JSON.parse(nxkxWithText(document || 'application', function(d) {
    return nxkxCall(_nxkx_schema, [nxkxBuiltin(), d]);
  }, 'argument.document'));
};

/** The 字 of a text as the notice counts them: {word_processor, non_space, code_points}. */
Module['countZi'] = function(text) {
  return JSON.parse(nxkxWithText(String(text), function(t, length) {
    return nxkxCall(_nxkx_count_zi, [t, length]);
  }, 'input.utf8'));
};

Module['NxkxError'] = NxkxError;

"""The JSON Schema of an application (`nxkx schema`) against the reader it is generated beside.

Run by ctest (tests/embed.cmake) with Debian's python3-jsonschema:
    python3 schema_test.py NXKX_COMMAND LIBNXKX_C SOURCE_DIR

- the schemas are valid draft 2020-12 schemas;
- every example under examples/ validates, and so does every application of the conformance
  corpus that the reader accepts; the reports of `nxkx check --format json` validate against the
  report and batch schemas;
- each file of broken/ is refused by the schema and by the reader (with the code its name says);
- the catalogue of the C ABI is the command's (`nxkx catalog --format json`);
- field by field, for every property of every object of the schema, a value of the schema's type
  and values of other types are put into a minimal application: the schema and the reader
  (through the C ABI, loaded with ctypes as a portal would) must accept and refuse alike.
"""

import copy
import ctypes
import glob
import json
import os
import subprocess
import sys
import unittest

from jsonschema import Draft202012Validator

NXKX, LIBRARY, SOURCE = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)

# What the reader says of each broken file (its name): the schema must refuse them all too.
BROKEN = {
    "boolean-as-string": "input.type",
    "date-not-iso": "input.date",
    "decimal-copies": "input.type",
    "history-not-a-year": "input.unknown_field",
    "lead-head-signed": "input.unknown_field",
    "missing-kind": "input.missing",
    "negative-copies": "input.range",
    "null-project-type": "input.missing",
    "unknown-applicant-kind": "input.unknown_code",
    "unknown-field": "input.unknown_field",
    "unknown-form-part": "input.unknown_code",
    "unknown-project-type": "input.unknown_code",
    "unknown-target": "input.unknown_code",
    "wrong-type-copies": "input.type",
}

# Input errors a schema cannot express: a day that does not exist (2025-02-30) matches the date
# pattern; a key given twice is gone once a JSON parser has read the document.
NOT_EXPRESSIBLE = {"input.duplicate_key"}


def nxkx(*args):
    return subprocess.run([NXKX, *args], capture_output=True, check=False)


def schema(document):
    result = nxkx("schema", "--document", document)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Reader:
    """nxkx_check through libnxkx_c: (status, error code, path) of a document."""

    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        self.lib.nxkx_notice_builtin.argtypes = [
            ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p]
        self.lib.nxkx_check.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
        self.lib.nxkx_free.argtypes = [ctypes.c_void_p]
        self.lib.nxkx_catalog.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
        self.notice = ctypes.c_void_p()
        status = self.lib.nxkx_notice_builtin(ctypes.byref(self.notice), None, None)
        assert status == 0, status

    def check(self, document):
        text = json.dumps(document, ensure_ascii=False).encode()
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        status = self.lib.nxkx_check(self.notice, text, len(text), b'{"as_of": "2025-05-20"}',
                                     ctypes.byref(out), ctypes.byref(length))
        result = json.loads(ctypes.string_at(out, length.value).decode())
        self.lib.nxkx_free(out)
        assert status in (0, 1), (status, result)  # OK or an input error, nothing else
        return (status, result.get("code"), result.get("path")) if status else (0, None, None)


    def catalog(self):
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        assert self.lib.nxkx_catalog(self.notice, ctypes.byref(out), ctypes.byref(length)) == 0
        result = json.loads(ctypes.string_at(out, length.value).decode())
        self.lib.nxkx_free(out)
        return result


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.application = schema("application")
        cls.applications = schema("applications")
        cls.report = schema("report")
        cls.batch = schema("batch")
        cls.validator = Draft202012Validator(cls.application)
        cls.reader = Reader(LIBRARY)

    def test_schemas_are_draft_2020_12(self):
        for s in (self.application, self.applications, self.report, self.batch):
            self.assertEqual(s["$schema"], "https://json-schema.org/draft/2020-12/schema")
            Draft202012Validator.check_schema(s)

    def test_titles_in_chinese_and_english(self):
        for name, definition in [("application", self.application),
                                 *self.application["$defs"].items()]:
            for field, p in definition["properties"].items():
                self.assertRegex(p.get("title", ""), "[\u4e00-\u9fff]", f"{name}.{field}")
                self.assertTrue(p.get("description"), f"{name}.{field}")

    def test_examples_validate(self):
        files = sorted(glob.glob(os.path.join(SOURCE, "examples", "**", "*.json"),
                             recursive=True))
        examples = [f for f in files if os.sep + "applications" + os.sep in f]
        self.assertGreaterEqual(len(examples), 9)
        for f in examples:
            with open(f, encoding="utf-8") as h:
                document = json.load(h)
            errors = [e.message for e in self.validator.iter_errors(document)]
            self.assertEqual(errors, [], f)
            self.assertEqual(self.reader.check(document)[0], 0, f)

    def test_corpus_agrees(self):
        batch = Draft202012Validator(self.applications)
        cases = sorted(glob.glob(os.path.join(SOURCE, "tests", "conformance", "cases", "*.json")))
        self.assertGreater(len(cases), 50)
        for f in cases:
            with open(f, encoding="utf-8") as h:
                case = json.load(h)
            errors = list(batch.iter_errors(case["applications"]))
            if "error" in case and case["error"]["code"] not in NOT_EXPRESSIBLE:
                if case["error"]["code"] == "input.date" and not errors:
                    continue  # an impossible day that matches the pattern
                self.assertTrue(errors, f"{f}: the schema accepts what the reader refuses")
            elif "error" not in case:
                self.assertEqual([e.message for e in errors], [], f)

    def test_broken_files_are_refused_by_both(self):
        files = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "broken", "*.json")))
        self.assertEqual(sorted(os.path.basename(f)[:-5] for f in files), sorted(BROKEN))
        for f in files:
            with open(f, encoding="utf-8") as h:
                document = json.load(h)
            errors = list(self.validator.iter_errors(document))
            self.assertTrue(errors, f"{f}: the schema accepts it")
            status, code, path = self.reader.check(document)
            self.assertEqual(status, 1, f"{f}: the reader accepts it")
            self.assertEqual(code, BROKEN[os.path.basename(f)[:-5]], f)
            # Both point at the same place (the schema at the object of an unknown key).
            where = [pointer(e.absolute_path) for e in errors]
            self.assertTrue(any(path.startswith(w) for w in where), (f, path, where))

    def test_catalog_is_the_commands(self):
        # nxkx::catalog_json (C ABI, WebAssembly) and `nxkx catalog --format json` say the same.
        result = nxkx("catalog", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.reader.catalog(), json.loads(result.stdout))

    def test_reports_validate(self):
        examples = sorted(glob.glob(os.path.join(SOURCE, "examples", "applications", "*.json")))
        result = nxkx("check", "--format", "json", "--trace", "--as-of", "2025-05-20", *examples)
        document = json.loads(result.stdout)
        self.assertEqual([e.message for e in Draft202012Validator(self.batch)
                          .iter_errors(document)], [])
        report = Draft202012Validator(self.report)
        self.assertTrue(any(r["findings"] for r in document["reports"]))
        for r in document["reports"]:
            self.assertEqual([e.message for e in report.iter_errors(r)], [])
        broken = copy.deepcopy(document["reports"][0])
        broken["decision"]["code"] = "maybe"
        self.assertTrue(list(report.iter_errors(broken)))

    def test_compact_reports_validate_and_the_two_forms_stay_apart(self):
        examples = sorted(glob.glob(os.path.join(SOURCE, "examples", "applications", "*.json")))
        full = json.loads(nxkx("check", "--format", "json", "--as-of", "2025-05-20",
                               *examples).stdout)
        compact = json.loads(nxkx("check", "--format", "json", "--compact", "--as-of",
                                  "2025-05-20", *examples).stdout)
        self.assertEqual([e.message for e in Draft202012Validator(self.batch)
                          .iter_errors(compact)], [])
        report = Draft202012Validator(self.report)
        with_findings = [r for r in compact["reports"] if r["findings"]]
        self.assertTrue(with_findings)
        for r in compact["reports"]:
            self.assertEqual(r["detail"], "compact")
            self.assertEqual([e.message for e in report.iter_errors(r)], [])
        # A compact report is the full one without the shared texts, nothing else.
        for f, c in zip(full["reports"], compact["reports"]):
            stripped = copy.deepcopy(f)
            for finding in stripped["findings"]:
                finding.pop("contact")
                finding.pop("interpretation", None)
                for clause in finding["clauses"]:
                    clause.pop("quote")
            self.assertEqual({**stripped, "detail": "compact"}, c)
        # A full report without its quote, or a compact one with a contact, is neither form.
        no_quote = copy.deepcopy(next(r for r in full["reports"] if r["findings"]))
        no_quote["findings"][0]["clauses"][0].pop("quote")
        self.assertTrue(list(report.iter_errors(no_quote)))
        with_contact = copy.deepcopy(with_findings[0])
        with_contact["findings"][0]["contact"] = {"name": "x", "phone": "y"}
        self.assertTrue(list(report.iter_errors(with_contact)))

    # ---- field by field ----

    def resolve(self, s):
        while "$ref" in s:
            s = self.application["$defs"][s["$ref"].split("/")[-1]]
        return s

    def good_value(self, s):
        """A value the schema accepts, built from the schema alone."""
        s = self.resolve(s)
        if "oneOf" in s:
            return s["oneOf"][0]["const"]
        if "anyOf" in s:
            return self.good_value(s["anyOf"][0])
        t = s["type"][0] if isinstance(s.get("type"), list) else s.get("type")
        if t == "object":
            if "propertyNames" in s:  # history: one year
                return {"2024": self.good_value(s["additionalProperties"]["anyOf"][0])}
            return {k: self.good_value(s["properties"][k]) for k in s.get("required", [])}
        if t == "array":
            return [self.good_value(s["items"])]
        if "pattern" in s:
            return "2025-05-16"
        return {"string": "文本", "boolean": True, "integer": 2, "number": 1.5}[t]

    def fields(self):
        """(path in a document, property schema) of every property of every object."""
        root = {"project_type": "society_capacity", "applicant": {"kind": "society"}}
        out = []

        def visit(s, path, depth):
            s = self.resolve(s)
            if depth > 6:
                return
            for name, p in s.get("properties", {}).items():
                out.append((path + [name], p))
                q = self.resolve(p)
                inner = q.get("anyOf", [q])[0] if "anyOf" in q else q
                inner = self.resolve(inner)
                if inner.get("type") in ("object", ["object", "null"]) and "properties" in inner:
                    visit(inner, path + [name], depth + 1)
                elif "items" in inner and "$ref" in inner["items"]:
                    visit(inner["items"], path + [name, 0], depth + 1)
                elif "propertyNames" in inner:
                    visit(inner["additionalProperties"]["anyOf"][0], path + [name, "2024"],
                          depth + 1)

        visit(self.application, [], 0)
        return root, out

    def place(self, root, path, value):
        document = copy.deepcopy(root)
        node = document
        for here, there in zip(path, path[1:]):
            if isinstance(node, list):
                while len(node) <= here:
                    node.append({"kind": "society"} if path[0] == "joint_applicants" else {})
                node = node[here]
            else:
                node = node.setdefault(here, [] if isinstance(there, int) else {})
        if isinstance(node, list):
            node.append(value)
        else:
            node[path[-1]] = value
        return document

    def test_every_field_agrees_with_the_reader(self):
        root, fields = self.fields()
        self.assertGreater(len(fields), 80)
        wrong_values = ["文本", True, 2, 1.5, -1, [], {}, None, "2025-13-01", "no_such_code"]
        disagreements = []
        for path, p in fields:
            for value in [self.good_value(p)] + wrong_values:
                document = self.place(root, path, value)
                by_schema = not list(self.validator.iter_errors(document))
                status, code, where = self.reader.check(document)
                # A text named by its file is the format's (the command reads the file); the C
                # ABI, which reads no files, refuses it after reading (input.file), by policy.
                by_reader = status == 0 or (code == "input.file" and where.endswith("/file"))
                if by_schema != by_reader:
                    disagreements.append(
                        f"{pointer(path)} = {json.dumps(value, ensure_ascii=False)}: schema "
                        f"{'accepts' if by_schema else 'refuses'}, reader "
                        f"{'accepts' if by_reader else f'refuses ({code} at {where})'}")
        self.assertEqual(disagreements, [])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

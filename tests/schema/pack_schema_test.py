"""`nxkx schema --pack`: the JSON Schema of a notice pack (docs/pack-format.md §9).

    pack_schema_test.py NXKX_CLI SOURCE_DIR

Checks that the command prints data/pack.schema.json, that the file is what
scripts/pack_schema.py generates, that every shipped pack (data/*.json but the schema,
examples/packs/*.json) is valid by it and loads, and that broken packs are not valid."""

import copy
import json
import pathlib
import subprocess
import sys

import jsonschema

cli, root = sys.argv[1], pathlib.Path(sys.argv[2])
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


printed = json.loads(subprocess.run([cli, "schema", "--pack"], check=True,
                                    capture_output=True).stdout)
on_disk = json.loads((root / "data" / "pack.schema.json").read_text("utf-8"))
if printed != on_disk:
    fail("nxkx schema --pack differs from data/pack.schema.json")
generated = subprocess.run([sys.executable, str(root / "scripts" / "pack_schema.py")],
                           check=True, capture_output=True, text=True).stdout
if generated != (root / "data" / "pack.schema.json").read_text("utf-8"):
    fail("data/pack.schema.json is not scripts/pack_schema.py's output: regenerate it")

jsonschema.Draft202012Validator.check_schema(printed)
validator = jsonschema.Draft202012Validator(printed)

packs = sorted(p for p in (root / "data").glob("*.json") if p.name != "pack.schema.json")
packs += sorted((root / "examples" / "packs").glob("*.json"))
if not any(p.name == "notice-2025.json" for p in packs):
    fail("the built-in pack is not among the packs checked")
for pack in packs:
    doc = json.loads(pack.read_text("utf-8"))
    for e in validator.iter_errors(doc):
        fail(f"{pack.name}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    loaded = subprocess.run([cli, "catalog", "--notice", str(pack), "--format", "json"],
                            capture_output=True, text=True)
    if loaded.returncode != 0:
        fail(f"{pack.name} does not load: {loaded.stderr.strip()}")
    print(f"ok {pack.name}")

# What the schema refuses (the loader refuses each too, with a pointer).
base = json.loads((root / "data" / "notice-2025.json").read_text("utf-8"))
broken = {
    "no rules": lambda d: d.update(rules=[]),
    "an unknown top-level section": lambda d: d.update(extra={}),
    "an unknown param of a kind": lambda d: d["rules"][0]["params"].update(bogus=1),
    "an unknown kind": lambda d: d["rules"][0].update(kind="magic"),
    "a rule without a clause": lambda d: d["rules"][0].update(clauses=[]),
    "format 1": lambda d: d.update(format="nxkx-notice-pack/1"),
    "a date that is not YYYY-MM-DD": lambda d: d["notice"].update(issued="2025-5-6"),
    "a label in one language only": lambda d: d["vocabulary"].update({"unit.x": {"zh": "个"}}),
}
for name, change in broken.items():
    doc = copy.deepcopy(base)
    change(doc)
    if validator.is_valid(doc):
        fail(f"the schema accepts a pack with {name}")

# What is required is one fact, written three times: the schema's "required", the loader and
# docs/pack-format.md. Derived here for the loader (pack-format-trial.md A11, B1, B2): a field the
# schema requires, left out of a shipped pack, is refused at its pointer with pack.missing; a
# field it leaves optional is never refused as missing.
import tempfile  # noqa: E402


def load_error(doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    try:
        r = subprocess.run([cli, "catalog", "--notice", f.name], capture_output=True, text=True)
        return "" if r.returncode == 0 else r.stderr
    finally:
        pathlib.Path(f.name).unlink()


sections = {"": printed}
for key in ("notice",):
    sections["/" + key] = printed["properties"][key]
for key in ("categories", "applicant_kinds", "contacts", "project_types", "delivery_methods"):
    sections["/" + key + "/0"] = printed["properties"][key]["items"]
docs_page = (root / "docs" / "pack-format.md").read_text("utf-8")
checked = 0
for where, schema in sections.items():
    required = set(schema.get("required", []))
    for field in schema["properties"]:
        # The first shipped pack that has the field there.
        for pack in packs:
            doc = json.loads(pack.read_text("utf-8"))
            obj = doc
            for part in [p for p in where.split("/") if p]:
                obj = obj[int(part)] if isinstance(obj, list) and part.isdigit() else obj.get(part) \
                    if isinstance(obj, dict) else None
                if obj is None or (isinstance(obj, list) and not obj):
                    break
            if isinstance(obj, dict) and field in obj:
                break
        else:
            continue
        del obj[field]
        err = load_error(doc)
        pointer = f"{where}/{field}"
        missing = f"{pointer}: required field is missing [pack.missing]" in err
        checked += 1
        if field in required and not missing:
            fail(f"the schema requires {pointer}, but the loader accepts {pack.name} without it"
                 f" ({err.strip()[:200] or 'loads'})")
        if field not in required and missing:
            fail(f"the loader requires {pointer}, but the schema does not ({pack.name})")
        if where == "" and f"| `{field}` | {'yes' if field in required else 'no'} |" not in docs_page:
            fail(f"docs/pack-format.md §1 does not say whether `{field}` is required as the schema does")

if failures:
    sys.exit(1)
print(f"{len(packs)} packs valid; {len(broken)} broken packs refused; "
      f"{checked} fields: schema, loader and docs agree on what is required")

"""No notice-specific vocabulary in the C++ library (issue 15: a new notice is a new pack).

    no_notice_vocabulary.py SOURCE_DIR

The words are taken from the built-in pack itself: its applicant kind codes, declaration names,
the codes of its declarations' code lists, its delivery methods, and the years of the notice
(its year and the years its history covers). None may appear in the code of include/ or src/
(comments are not code: they may say what 2025 uses); a year inside a full date (a format
example such as 2025-05-16) is not a year of the notice. Fails listing every hit."""

import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
pack = json.loads((root / "data" / "notice-2025.json").read_text("utf-8"))

words = set()
words |= {k["code"] for k in pack["applicant_kinds"]}
words |= {d["name"] for d in pack.get("declarations", [])}
words |= {m["code"] for m in pack.get("delivery_methods", [])}
lists = {d["codes"] for d in pack.get("declarations", []) if d.get("codes")}
words |= lists
for key in pack["vocabulary"]:
    ns, _, code = key.partition(".")
    if ns in lists and len(code) > 2:  # "a", "b", "c" are letters, not words
        words.add(code)
# English words any code may use for itself (`struct field`, `other`, a submission's `sealed`,
# a shared field): too general to be the notice's.
words -= {"field", "other", "sealed"}
year = int(pack["notice"]["issued"][:4])
back = pack.get("history", {}).get("years_before_notice", 0)
years = {str(y) for y in range(year - back, year + 1)}


def code_only(text):
    """The text with C/C++ comments blanked out (string and character literals kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


word_re = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(map(re.escape, words))) + r")(?![A-Za-z0-9_])")
year_re = re.compile(r"(?<![0-9A-Za-z_-])(" + "|".join(sorted(years)) + r")(?![0-9]|-[0-9]{2}-[0-9]{2})")
files = subprocess.run(["git", "-C", str(root), "ls-files", "include", "src"], check=True,
                       capture_output=True, text=True).stdout.split()
hits = []
for name in files:
    if not re.search(r"\.(c|cc|cpp|h|hpp)$", name):
        continue
    text = code_only((root / name).read_text("utf-8"))
    for lineno, line in enumerate(text.split("\n"), 1):
        for m in list(word_re.finditer(line)) + list(year_re.finditer(line)):
            hits.append(f"{name}:{lineno}: {m.group(1)}: {line.strip()[:120]}")
for h in hits:
    print(h)
print(f"{len(words)} words and years {sorted(years)} of the built-in pack looked for in "
      f"{len(files)} files: {len(hits)} hits")
sys.exit(1 if hits else 0)

#!/usr/bin/env python3
"""ctest python.pip_install: `pip install --no-build-isolation` of the source tree into a fresh
venv (--system-site-packages, offline), then `import nxkx` from it and check an application.

    /usr/bin/python3 tests/python/install_check.py SOURCE_DIR

The tree is copied (without build folders) into a temporary directory first, so that the test
neither writes into the source tree nor collides with another build. Exits 77 (ctest: skipped)
when this interpreter cannot make a venv or lacks setuptools / wheel.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def main() -> int:
    source = Path(sys.argv[1]).resolve()
    for module in ("venv", "ensurepip", "setuptools", "wheel"):
        try:
            __import__(module)
        except ImportError:
            print(f"skipped: {sys.executable} has no {module} (Debian: python3-venv python3-setuptools "
                  "python3-wheel)")
            return SKIP

    tmp = Path(tempfile.mkdtemp(prefix="nxkx-pip-"))
    try:
        tree = tmp / "src"
        shutil.copytree(source, tree, ignore=shutil.ignore_patterns(
            "build", "build-*", "out", ".git", ".venv", "__pycache__", "*.egg-info", "node_modules"))
        venv = tmp / "venv"
        run([sys.executable, "-m", "venv", "--system-site-packages", venv])
        python = venv / "bin" / "python"
        env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
                   CMAKE_BUILD_PARALLEL_LEVEL=os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2"))
        env.pop("PYTHONPATH", None)
        run([python, "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps", tree],
            env=env, cwd=tmp)

        # Outside the tree: only the installed package can be imported.
        probe = (
            "import datetime, json, pathlib, sys, nxkx\n"
            "here = pathlib.Path(nxkx.__file__).resolve()\n"
            "assert str(here).startswith(sys.prefix), here\n"
            "assert (here.parent / '_core.pyi').is_file() and (here.parent / 'py.typed').is_file()\n"
            f"app = json.load(open({str(tree / 'examples/applications/society_capacity-grade-c.json')!r}))\n"
            "r = nxkx.check(app, as_of=datetime.date(2025, 5, 20))\n"
            "print(nxkx.__version__, r)\n"
            "assert r.decision is nxkx.Decision.REJECTED\n"
            "assert nxkx.check_many([app, app], as_of='2025-05-20', threads=2)[1].decision.value == 'rejected'\n"
        )
        run([python, "-c", probe], env=env, cwd=tmp)
        print("pip install: ok")
        return 0
    finally:
        if os.environ.get("NXKX_KEEP_TMP"):
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

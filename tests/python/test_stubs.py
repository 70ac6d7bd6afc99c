"""The stubs (_core.pyi) match the compiled module name for name, and __all__ the package."""

from __future__ import annotations

import ast
import inspect
import pathlib
from typing import Dict, Set

import nxkx
from nxkx import _core

STUB = pathlib.Path(_core.__file__).with_name("_core.pyi")


def stub_names() -> Dict[str, Set[str]]:
    """Module-level names ('' key) and each class's names, as the stub declares them."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    out: Dict[str, Set[str]] = {"": set()}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out[""].add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[""].add(node.target.id)
        if isinstance(node, ast.ClassDef):
            out[node.name] = {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return out


def public(name: str) -> bool:
    return not name.startswith("_")


def test_the_stub_ships_beside_the_module() -> None:
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_every_module_name_is_in_the_stub_and_back() -> None:
    stub = stub_names()
    module = {n for n in dir(_core) if not (n.startswith("__") and n.endswith("__"))} | {"__version__"}
    declared = stub[""]  # type aliases (`_Text = …`) are the stub's own, not the module's
    assert module - declared == set(), "in the module, not in the stub"
    assert declared - module == set(), "in the stub, not in the module"


def test_every_class_member_is_in_the_stub_and_back() -> None:
    stub = stub_names()
    for name, cls in inspect.getmembers(_core, inspect.isclass):
        members = {n for n in vars(cls) if public(n)}
        declared = {n for n in stub[name] if public(n)}
        assert members == declared, name
        # Operators the module defines are declared too (__eq__, __hash__, __getitem__ …).
        dunders = {n for n in vars(cls) if n in ("__eq__", "__hash__", "__getitem__", "__bool__", "__getstate__",
                                                 "__setstate__")}
        assert dunders <= stub[name], (name, dunders - stub[name])


def test_all_is_complete() -> None:
    for name in nxkx.__all__:
        assert hasattr(nxkx, name), name
    exported = {n for n, v in vars(nxkx).items() if public(n) and not inspect.ismodule(v)}
    assert exported - set(nxkx.__all__) == set()
    assert nxkx.__version__ == _core.__version__

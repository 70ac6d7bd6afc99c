"""Builds nxkx._core with CMake (bindings/python) for `pip install`; metadata is in pyproject.toml.

The library is compiled into the extension (static), in Release, for the interpreter running
this script (Python_EXECUTABLE=sys.executable). CMAKE_BUILD_PARALLEL_LEVEL sets the jobs (2).
"""

import os
import re
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def version() -> str:
    text = (ROOT / "include" / "nxkx" / "version.hpp").read_text(encoding="utf-8")
    return re.search(r'#define NXKX_VERSION_STRING "([^"]+)"', text).group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        build = Path(self.build_temp).resolve() / "cmake"
        args = [
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DNXKX_BUILD_PYTHON=ON",
            "-DNXKX_BUILD_TESTS=OFF",
            "-DNXKX_BUILD_CLI=OFF",
            "-DNXKX_BUILD_BENCH=OFF",
            "-DNXKX_BUILD_C_API=OFF",
            "-DNXKX_BUILD_FUZZERS=OFF",
            "-DNXKX_INSTALL=OFF",
            "-DNXKX_WARNINGS_AS_ERRORS=OFF",
        ]
        try:  # pybind11 from pip has its CMake files in the package; Debian's also in /usr/lib/cmake
            import pybind11

            args.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except (ImportError, AttributeError):
            pass
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        self.spawn(["cmake", "-S", str(ROOT), "-B", str(build), *args])
        self.spawn(["cmake", "--build", str(build), "--target", "nxkx_python", "--parallel", jobs])

        built = sorted((build / "python" / "nxkx").glob("_core.*"))
        built = [p for p in built if p.suffix in (".so", ".pyd", ".dylib")]
        if len(built) != 1:
            raise RuntimeError(f"expected one built nxkx._core in {build}, found {built}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    version=version(),
    ext_modules=[CMakeExtension("nxkx._core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)

# The Python package's tests (tests/python/), run by the interpreter the module was built for
# (`${Python_EXECUTABLE} -m pytest`, never whichever python3 is first on PATH) against the
# package assembled in the build tree. Included by tests/CMakeLists.txt.
if(NOT TARGET nxkx_python)
  return()
endif()
get_property(_nxkx_python GLOBAL PROPERTY NXKX_PYTHON_EXECUTABLE)
get_property(_nxkx_python_dir GLOBAL PROPERTY NXKX_PYTHON_DIR)

execute_process(COMMAND ${_nxkx_python} -c "import pytest"
                RESULT_VARIABLE _nxkx_no_pytest OUTPUT_QUIET ERROR_QUIET)
if(_nxkx_no_pytest)
  message(WARNING "${_nxkx_python} cannot import pytest: the python.* tests will fail. Install "
                  "python3-pytest, or configure with -DPython_EXECUTABLE=/usr/bin/python3.")
endif()

# -p no:cacheprovider and no bytecode: a test run writes nothing into the source tree.
set(_nxkx_python_env
    "PYTHONPATH=${_nxkx_python_dir}"
    "NXKX_PYTHON_PACKAGE_DIR=${_nxkx_python_dir}/nxkx"
    "PYTHONDONTWRITEBYTECODE=1"
    "LC_ALL=C.UTF-8")

# One ctest test per pytest file, so that a failure names its topic.
file(GLOB _nxkx_python_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/python/test_*.py)
foreach(_test IN LISTS _nxkx_python_tests)
  get_filename_component(_name ${_test} NAME_WE)
  string(REGEX REPLACE "^test_" "" _name ${_name})
  add_test(NAME python.${_name}
           COMMAND ${_nxkx_python} -m pytest -q -p no:cacheprovider --rootdir=${CMAKE_CURRENT_SOURCE_DIR}/python
                   ${_test}
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/python)
  set_tests_properties(python.${_name} PROPERTIES ENVIRONMENT "${_nxkx_python_env}" LABELS python)
endforeach()

# `pip install --no-build-isolation` of a copy of the source tree into a fresh venv, offline,
# then `import nxkx` from it. It builds the library again, so it is slow (label "slow":
# `ctest -LE slow` leaves it out). Exit 77 (skipped) when venv, pip or setuptools are missing.
add_test(NAME python.pip_install
         COMMAND ${_nxkx_python} ${CMAKE_CURRENT_SOURCE_DIR}/python/install_check.py ${PROJECT_SOURCE_DIR})
set_tests_properties(python.pip_install PROPERTIES
  ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1;LC_ALL=C.UTF-8"
  LABELS "python;slow"
  TIMEOUT 1200
  COST 200
  SKIP_RETURN_CODE 77)

# The documents the repository carries for its users: docs/notice/readings.md is what the pack
# gives (scripts/readings.py), every clause the pack quotes is in docs/notice/notice.md, and no
# document points at a file outside the repository. Included by tests/CMakeLists.txt.
if(Python_EXECUTABLE)
  set(_docs_python ${Python_EXECUTABLE})
else()
  find_program(_docs_python NAMES python3 python REQUIRED)
endif()
add_test(NAME docs.readings COMMAND ${_docs_python} ${PROJECT_SOURCE_DIR}/scripts/readings.py --check)

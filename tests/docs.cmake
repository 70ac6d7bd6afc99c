# The documents the repository carries for its users: docs/notice/readings.md is what the pack
# gives (scripts/readings.py), every clause the pack quotes is in docs/notice/notice.md, and no
# document points at a file outside the repository. Included by tests/CMakeLists.txt.
if(Python_EXECUTABLE)
  set(_docs_python ${Python_EXECUTABLE})
else()
  find_program(_docs_python NAMES python3 python REQUIRED)
endif()
add_test(NAME docs.readings COMMAND ${_docs_python} ${PROJECT_SOURCE_DIR}/scripts/readings.py --check)

# No notice-specific vocabulary (kind codes, declaration names, their codes, years) in the code of
# include/ and src/: a new notice is a new pack (issue 15).
if(EXISTS ${PROJECT_SOURCE_DIR}/.git)
  add_test(NAME source.no_notice_vocabulary
           COMMAND ${_docs_python} ${CMAKE_CURRENT_SOURCE_DIR}/source/no_notice_vocabulary.py
                   ${PROJECT_SOURCE_DIR})
endif()

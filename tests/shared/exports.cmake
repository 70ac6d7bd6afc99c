# What libnxkx exports (run by ctest as shared.exports):
#   cmake -DNM=nm -DREADELF=readelf -DSHARED=libnxkx_shared_check.so -DSTATIC=libnxkx.a -P exports.cmake
# 1. The shared library exports nothing of src/: no symbol of nxkx::detail nor of an anonymous
#    namespace is in its dynamic symbol table.
# 2. Every function and object of namespace nxkx that the library defines out of line (a GLOBAL
#    symbol of the static library, outside nxkx::detail) is exported, i.e. marked NXKX_EXPORT
#    in include/nxkx/: a public declaration left unmarked would be HIDDEN and fail to link.
foreach(v NM READELF SHARED STATIC)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "exports.cmake: -D${v}=... is required")
  endif()
endforeach()

execute_process(COMMAND ${NM} -DC --defined-only ${SHARED}
                OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exports.cmake: ${NM} -DC ${SHARED} failed (${rc})")
endif()
string(REPLACE "\n" ";" dynamic "${dynamic}")
set(count 0)
set(internal "")
foreach(line IN LISTS dynamic)
  if(line STREQUAL "")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  if(line MATCHES "nxkx::detail::|\\(anonymous namespace\\)")
    string(APPEND internal "  ${line}\n")
  endif()
endforeach()
if(count LESS 50)
  message(FATAL_ERROR "exports.cmake: ${SHARED} exports only ${count} symbols: not the library?")
endif()

execute_process(COMMAND ${READELF} -Ws --wide -C ${STATIC}
                OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exports.cmake: ${READELF} -Ws ${STATIC} failed (${rc})")
endif()
string(REPLACE "\n" ";" symbols "${symbols}")
set(public 0)
set(hidden "")
foreach(line IN LISTS symbols)
  # Num: Value Size Type Bind Vis Ndx Name
  if(line MATCHES "^ *[0-9]+: [0-9a-f]+ +[0-9]+ (FUNC|OBJECT) +GLOBAL +([A-Z]+) +[0-9]+ (nxkx::.*)$")
    set(vis "${CMAKE_MATCH_2}")
    set(name "${CMAKE_MATCH_3}")
    if(name MATCHES "^nxkx::detail::|\\(anonymous namespace\\)")
      continue()
    endif()
    math(EXPR public "${public} + 1")
    if(NOT vis STREQUAL "DEFAULT")
      string(APPEND hidden "  ${name}\n")
    endif()
  endif()
endforeach()
if(public LESS 50)
  message(FATAL_ERROR "exports.cmake: ${STATIC} defines only ${public} public symbols: not the library?")
endif()

if(NOT internal STREQUAL "" OR NOT hidden STREQUAL "")
  message(FATAL_ERROR "exports.cmake: ${SHARED} exports internals:\n${internal}"
                      "and these public symbols are not exported (mark them NXKX_EXPORT):\n${hidden}")
endif()
message(STATUS "exports.cmake: ${count} symbols exported, none internal; ${public} public "
               "definitions, all exported")

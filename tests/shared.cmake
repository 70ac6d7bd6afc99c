# The library's exports: a shared libnxkx built of the library's own objects (compiled with
# hidden visibility, include/nxkx/export.hpp), a consumer linked to it alone, and a check of
# what it exports (tests/shared/exports.cmake). Included by tests/CMakeLists.txt.
add_library(nxkx_shared_check SHARED $<TARGET_OBJECTS:nxkx>)
target_link_libraries(nxkx_shared_check PRIVATE Threads::Threads)

# tests/consumer/main.cpp (the installed package's consumer) against the shared library only: a
# public function left unmarked would not link.
add_executable(nxkx_shared_consumer ${CMAKE_CURRENT_SOURCE_DIR}/consumer/main.cpp)
target_compile_features(nxkx_shared_consumer PRIVATE cxx_std_20)
target_include_directories(nxkx_shared_consumer PRIVATE ${PROJECT_SOURCE_DIR}/include)
target_link_libraries(nxkx_shared_consumer PRIVATE nxkx_shared_check)
add_test(NAME shared.consumer
         COMMAND nxkx_shared_consumer ${PROJECT_SOURCE_DIR}/examples/applications/society_capacity.json
                 2025-05-20 accepted)

find_program(NXKX_NM NAMES ${CMAKE_NM} nm)
find_program(NXKX_READELF NAMES ${CMAKE_READELF} readelf)
if(NXKX_NM AND NXKX_READELF)
  add_test(NAME shared.exports
           COMMAND ${CMAKE_COMMAND} -DNM=${NXKX_NM} -DREADELF=${NXKX_READELF}
                   -DSHARED=$<TARGET_FILE:nxkx_shared_check> -DSTATIC=$<TARGET_FILE:nxkx>
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/shared/exports.cmake)
endif()

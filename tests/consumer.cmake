# Consumer tests: install the build tree into a prefix of its own, then build and run a project
# that finds it with find_package(nxkx) (tests/consumer/) and one that uses pkg-config.
# Included by tests/CMakeLists.txt.
if(NOT NXKX_INSTALL)
  return()
endif()

set(NXKX_CONSUMER_PREFIX ${PROJECT_BINARY_DIR}/consumer-prefix)
set(NXKX_CONSUMER_BUILD ${PROJECT_BINARY_DIR}/consumer-build)
# One bundled example and the decision the readings (docs/notice/readings.md) give it as of
# 2025-05-20.
set(NXKX_CONSUMER_EXAMPLE ${PROJECT_SOURCE_DIR}/examples/applications/society_capacity.json)
set(NXKX_CONSUMER_AS_OF 2025-05-20)
set(NXKX_CONSUMER_DECISION accepted)

# A stale prefix could hide a file that is no longer installed: start from nothing.
add_test(NAME consumer.clean
         COMMAND ${CMAKE_COMMAND} -E rm -rf ${NXKX_CONSUMER_PREFIX} ${NXKX_CONSUMER_BUILD})
set_tests_properties(consumer.clean PROPERTIES FIXTURES_SETUP nxkx_consumer_clean)

add_test(NAME consumer.install
         COMMAND ${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${NXKX_CONSUMER_PREFIX}
                 --config $<CONFIG>)
set_tests_properties(consumer.install PROPERTIES FIXTURES_REQUIRED nxkx_consumer_clean
                                                 FIXTURES_SETUP nxkx_installed)

# The consumer is built as nxkx was (compiler, build type, sanitizer flags): a static library
# built with -fsanitize needs a consumer linked the same way.
add_test(NAME consumer.configure
         COMMAND ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_SOURCE_DIR}/consumer -B ${NXKX_CONSUMER_BUILD}
                 "-G${CMAKE_GENERATOR}"
                 -DCMAKE_PREFIX_PATH=${NXKX_CONSUMER_PREFIX}
                 -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON
                 # nlohmann/json is private to nxkx: the package must not need it.
                 -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
                 -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                 -DCMAKE_BUILD_TYPE=$<CONFIG>
                 "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
                 "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}")
set_tests_properties(consumer.configure PROPERTIES FIXTURES_REQUIRED nxkx_installed
                                                   FIXTURES_SETUP nxkx_consumer_configured)

add_test(NAME consumer.build COMMAND ${CMAKE_COMMAND} --build ${NXKX_CONSUMER_BUILD}
                                     --config $<CONFIG>)
set_tests_properties(consumer.build PROPERTIES FIXTURES_REQUIRED nxkx_consumer_configured
                                               FIXTURES_SETUP nxkx_consumer_built)

add_test(NAME consumer.run
         COMMAND ${NXKX_CONSUMER_BUILD}/nxkx_consumer ${NXKX_CONSUMER_EXAMPLE}
                 ${NXKX_CONSUMER_AS_OF} ${NXKX_CONSUMER_DECISION})
set_tests_properties(consumer.run PROPERTIES FIXTURES_REQUIRED nxkx_consumer_built)

if(TARGET nxkx_office)
  add_test(NAME consumer.office_run
           COMMAND ${NXKX_CONSUMER_BUILD}/nxkx_office_consumer ${NXKX_CONSUMER_EXAMPLE}
                   ${NXKX_CONSUMER_AS_OF} ${PROJECT_BINARY_DIR}/consumer.xlsx)
  set_tests_properties(consumer.office_run PROPERTIES FIXTURES_REQUIRED nxkx_consumer_built)
endif()

# The installed command runs from the prefix too (it is what `apt install`-like users get).
add_test(NAME consumer.cli
         COMMAND ${NXKX_CONSUMER_PREFIX}/${CMAKE_INSTALL_BINDIR}/nxkx check
                 --as-of ${NXKX_CONSUMER_AS_OF} ${NXKX_CONSUMER_EXAMPLE})
set_tests_properties(consumer.cli PROPERTIES FIXTURES_REQUIRED nxkx_installed)

# A C project: find_package(nxkx) in a project of LANGUAGES C, linking nxkx::c (libnxkx_c).
if(TARGET nxkx_c)
  set(NXKX_C_CONSUMER_BUILD ${PROJECT_BINARY_DIR}/consumer-c-build)
  add_test(NAME consumer.c_configure
           COMMAND ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_SOURCE_DIR}/consumer_c
                   -B ${NXKX_C_CONSUMER_BUILD} "-G${CMAKE_GENERATOR}"
                   -DCMAKE_PREFIX_PATH=${NXKX_CONSUMER_PREFIX}
                   -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON
                   -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
                   -DCMAKE_BUILD_TYPE=$<CONFIG>
                   "-DCMAKE_C_FLAGS=${CMAKE_C_FLAGS}"
                   "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}")
  add_test(NAME consumer.c_build COMMAND ${CMAKE_COMMAND} --build ${NXKX_C_CONSUMER_BUILD}
                                         --config $<CONFIG>)
  add_test(NAME consumer.c_run
           COMMAND ${NXKX_C_CONSUMER_BUILD}/nxkx_c_consumer ${NXKX_CONSUMER_EXAMPLE}
                   ${NXKX_CONSUMER_AS_OF} ${NXKX_CONSUMER_DECISION})
  set_tests_properties(consumer.c_configure PROPERTIES FIXTURES_REQUIRED nxkx_installed
                                                       FIXTURES_SETUP nxkx_c_consumer_configured)
  set_tests_properties(consumer.c_build PROPERTIES FIXTURES_REQUIRED nxkx_c_consumer_configured
                                                   FIXTURES_SETUP nxkx_c_consumer_built)
  set_tests_properties(consumer.c_run PROPERTIES FIXTURES_REQUIRED nxkx_c_consumer_built)
endif()

find_program(NXKX_PKG_CONFIG NAMES pkg-config pkgconf)
if(NXKX_PKG_CONFIG)
  # The same program, built only with what `pkg-config --cflags --libs nxkx` says.
  set(_pc_path ${NXKX_CONSUMER_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  set(_pc_out ${PROJECT_BINARY_DIR}/nxkx_consumer_pkgconfig)
  add_test(NAME consumer.pkg_config
           COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${_pc_path} sh -c
                   "set -e; flags=$(\"$0\" --cflags --libs nxkx); echo \"pkg-config: $flags\"; \
\"$1\" $2 -o \"$3\" \"$4\" $flags; \"$3\" \"$5\" \"$6\" \"$7\""
                   ${NXKX_PKG_CONFIG} ${CMAKE_CXX_COMPILER} "${CMAKE_CXX_FLAGS}" ${_pc_out}
                   ${CMAKE_CURRENT_SOURCE_DIR}/consumer/main.cpp ${NXKX_CONSUMER_EXAMPLE}
                   ${NXKX_CONSUMER_AS_OF} ${NXKX_CONSUMER_DECISION})
  set_tests_properties(consumer.pkg_config PROPERTIES FIXTURES_REQUIRED nxkx_installed)
  if(TARGET nxkx_office)
    # nxkx-office.pc: the workbook writer, built with what pkg-config says alone.
    set(_pc_office_out ${PROJECT_BINARY_DIR}/nxkx_office_consumer_pkgconfig)
    add_test(NAME consumer.pkg_config_office
             COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${_pc_path} sh -c
                     "set -e; flags=$(\"$0\" --cflags --libs nxkx-office); echo \"pkg-config: $flags\"; \
\"$1\" $2 -o \"$3\" \"$4\" $flags; \"$3\" \"$5\" \"$6\" \"$7\" >/dev/null"
                     ${NXKX_PKG_CONFIG} ${CMAKE_CXX_COMPILER} "${CMAKE_CXX_FLAGS}" ${_pc_office_out}
                     ${CMAKE_CURRENT_SOURCE_DIR}/consumer/office_main.cpp ${NXKX_CONSUMER_EXAMPLE}
                     ${NXKX_CONSUMER_AS_OF} ${PROJECT_BINARY_DIR}/consumer-pkgconfig.xlsx)
    set_tests_properties(consumer.pkg_config_office PROPERTIES FIXTURES_REQUIRED nxkx_installed)
  endif()
  if(TARGET nxkx_c)
    # nxkx_c.pc: a C compiler with nothing but what pkg-config says (nxkx.pc's -std=c++20
    # would fail here), -std=c99 -pedantic-errors; run with the installed library found by
    # LD_LIBRARY_PATH, as a program linked with -L is.
    set(_pc_c_out ${PROJECT_BINARY_DIR}/nxkx_c_consumer_pkgconfig)
    add_test(NAME consumer.pkg_config_c
             COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${_pc_path}
                     LD_LIBRARY_PATH=${NXKX_CONSUMER_PREFIX}/${CMAKE_INSTALL_LIBDIR} sh -c
                     "set -e; flags=$(\"$0\" --cflags --libs nxkx_c); echo \"pkg-config: $flags\"; \
case \"$flags\" in *c++*) echo 'nxkx_c.pc names C++ flags'; exit 1;; esac; \
\"$1\" $2 -std=c99 -pedantic-errors -Wall -Wextra -Werror -o \"$3\" \"$4\" $flags; \
\"$3\" \"$5\" \"$6\" \"$7\""
                     ${NXKX_PKG_CONFIG} ${CMAKE_C_COMPILER} "${CMAKE_C_FLAGS}" ${_pc_c_out}
                     ${CMAKE_CURRENT_SOURCE_DIR}/consumer_c/main.c ${NXKX_CONSUMER_EXAMPLE}
                     ${NXKX_CONSUMER_AS_OF} ${NXKX_CONSUMER_DECISION})
    set_tests_properties(consumer.pkg_config_c PROPERTIES FIXTURES_REQUIRED nxkx_installed)
  endif()
else()
  message(WARNING "pkg-config not found: the test of nxkx.pc (consumer.pkg_config) is not run")
endif()

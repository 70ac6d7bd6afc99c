# Tests of the faces nxkx shows to portals (docs/c-api.md, docs/browser.md, docs/schema.md):
#   c_api.*    the C ABI, driven by a C program over the whole conformance corpus (tests/c)
#   schema.*   the JSON Schema against the bundled examples and broken ones (tests/schema)
#   wasm.*     the WebAssembly module, built with Emscripten in a build folder of its own, and
#              the corpus run through it by node's test runner (tests/node)
#   browser.*  the portal page (examples/portal) in headless Chromium (tests/browser)
# Each group is added when what it needs is there; scripts/deps.sh installs all of it.
# Included by tests/CMakeLists.txt.

# ---- the C ABI ----
if(TARGET nxkx_c)
  add_executable(nxkx_c_api_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_test.c)
  set_target_properties(nxkx_c_api_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON
                                                   C_EXTENSIONS OFF)
  target_compile_definitions(nxkx_c_api_test PRIVATE
    NXKX_EXPECTED_VERSION="${PROJECT_VERSION}")
  target_link_libraries(nxkx_c_api_test PRIVATE nxkx_c Threads::Threads
                                                $<BUILD_INTERFACE:nxkx_warnings>)
  # With the command, nxkx_starter is compared with what `nxkx new` prints.
  if(TARGET nxkx_cli)
    set(_c_api_cli $<TARGET_FILE:nxkx_cli>)
  else()
    set(_c_api_cli "")
  endif()
  add_test(NAME c_api.corpus_and_bad_input
           COMMAND nxkx_c_api_test ${PROJECT_SOURCE_DIR} ${_c_api_cli})
  set_tests_properties(c_api.corpus_and_bad_input PROPERTIES COST 150)  # 2 minutes under ASan
  # The batch handed out a block at a time: the blocks join to nxkx_check_batch's result.
  add_executable(nxkx_c_batch_blocks_test ${CMAKE_CURRENT_SOURCE_DIR}/c/batch_blocks_test.c)
  set_target_properties(nxkx_c_batch_blocks_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON
                                                            C_EXTENSIONS OFF)
  target_link_libraries(nxkx_c_batch_blocks_test PRIVATE nxkx_c $<BUILD_INTERFACE:nxkx_warnings>)
  add_test(NAME c_api.batch_blocks COMMAND nxkx_c_batch_blocks_test ${PROJECT_SOURCE_DIR})
  # libnxkx_c exports the C functions and nothing else (no C++ symbol, no libstdc++ copy).
  add_test(NAME c_api.exports_only_nxkx
           COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIBRARY=$<TARGET_FILE:nxkx_c>
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/c/exports.cmake)
endif()

# ---- the JSON Schema ----
# The test loads libnxkx_c into python3 with ctypes: not with a sanitizer runtime inside.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  message(STATUS "nxkx: sanitizer build: schema.examples_and_reader_agree is not added")
elseif(TARGET nxkx_cli AND TARGET nxkx_c)
  if(Python_EXECUTABLE)
    set(_embed_python ${Python_EXECUTABLE})
  else()
    find_program(_embed_python NAMES python3 REQUIRED)
  endif()
  add_test(NAME schema.examples_and_reader_agree
           COMMAND ${_embed_python} ${CMAKE_CURRENT_SOURCE_DIR}/schema/schema_test.py
                   $<TARGET_FILE:nxkx_cli> $<TARGET_FILE:nxkx_c> ${PROJECT_SOURCE_DIR})
  add_test(NAME schema.pack_schema_validates_shipped_packs
           COMMAND ${_embed_python} ${CMAKE_CURRENT_SOURCE_DIR}/schema/pack_schema_test.py
                   $<TARGET_FILE:nxkx_cli> ${PROJECT_SOURCE_DIR})
endif()

# ---- WebAssembly: built by bindings/wasm/build.sh in a folder of its own, then run by node ----
find_program(NXKX_EMCMAKE emcmake)
find_program(NXKX_NODE node)
find_program(NXKX_NPM npm)
find_program(NXKX_CHROMIUM NAMES chromium chromium-browser)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  # Emscripten builds the module apart from this build's flags: a sanitizer build would only
  # build and run the same module again.
  message(STATUS "nxkx: sanitizer build: the WebAssembly and browser tests are not added")
elseif(NXKX_EMCMAKE AND NXKX_NODE)
  set(NXKX_WASM_DIR ${PROJECT_BINARY_DIR}/wasm)
  set(NXKX_WASM_JS ${NXKX_WASM_DIR}/bindings/wasm/nxkx.js)
  # A test rather than a build step: the module needs another compiler and a few minutes, and
  # only the tests below use it. Rebuilds only what changed.
  add_test(NAME wasm.build
           COMMAND ${CMAKE_COMMAND} -E env NXKX_PORTAL_COPY=0
                   bash ${PROJECT_SOURCE_DIR}/bindings/wasm/build.sh ${NXKX_WASM_DIR})
  # COST, a weight: `ctest -j` starts the heaviest tests first, so the module (100 s) and the
  # browser after it (250 s) run beside the short tests instead of after them.
  set_tests_properties(wasm.build PROPERTIES FIXTURES_SETUP nxkx_wasm TIMEOUT 1800 LABELS wasm
                                             COST 400)
  add_test(NAME wasm.node_corpus COMMAND ${NXKX_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/node/)
  set(_node_env "NXKX_JS=${NXKX_WASM_JS}")
  if(TARGET nxkx_cli)
    list(APPEND _node_env "NXKX_CLI=$<TARGET_FILE:nxkx_cli>")  # starter.test.js: `nxkx new`
  endif()
  set_tests_properties(wasm.node_corpus PROPERTIES FIXTURES_REQUIRED nxkx_wasm LABELS "wasm;node"
                                                   ENVIRONMENT "${_node_env}")

  # ---- the portal page in headless Chromium ----
  if(NXKX_NPM AND NXKX_CHROMIUM)
    # playwright-core as tests/browser/package-lock.json pins it (no browser is downloaded).
    add_test(NAME browser.npm_ci
             COMMAND ${NXKX_NPM} ci --no-audit --no-fund --prefer-offline
             WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/browser)
    set_tests_properties(browser.npm_ci PROPERTIES FIXTURES_SETUP nxkx_playwright TIMEOUT 600
                         LABELS browser ENVIRONMENT "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1")
    # The applicant's page, typed into; screenshots and the printed PDF go to build/<preset>/browser
    # (docs/img/portal.png is the one from there). Saved files are checked with the command too.
    set(_browser_env "NXKX_JS=${NXKX_WASM_JS};NXKX_CHROMIUM=${NXKX_CHROMIUM}"
                     "NXKX_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/browser")
    if(TARGET nxkx_cli)
      list(APPEND _browser_env "NXKX_CLI=$<TARGET_FILE:nxkx_cli>")
    endif()
    add_test(NAME browser.portal COMMAND ${NXKX_NODE} --test ${CMAKE_CURRENT_SOURCE_DIR}/browser/)
    set_tests_properties(browser.portal PROPERTIES
      FIXTURES_REQUIRED "nxkx_wasm;nxkx_playwright" TIMEOUT 600 LABELS browser COST 300
      ENVIRONMENT "${_browser_env}")
  else()
    message(STATUS "nxkx: no npm or chromium: the portal's browser test is not added")
  endif()
else()
  message(STATUS "nxkx: no emcmake or node: the WebAssembly and browser tests are not added")
endif()

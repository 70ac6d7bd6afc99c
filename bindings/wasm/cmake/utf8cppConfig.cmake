# Stands in for Debian's utf8cpp package file in the WebAssembly build: its version file refuses
# any target that is not 64-bit, although utfcpp is headers only. bindings/wasm/build.sh points
# utf8cpp_DIR here; bindings/wasm/CMakeLists.txt then adds the folder with -idirafter.
find_path(NXKX_UTF8CPP_INCLUDE_DIR utf8.h PATHS /usr/include/utf8cpp NO_DEFAULT_PATH
          NO_CMAKE_FIND_ROOT_PATH)
if(NOT NXKX_UTF8CPP_INCLUDE_DIR)
  set(utf8cpp_FOUND FALSE)
  set(utf8cpp_NOT_FOUND_MESSAGE "no utf8.h in /usr/include/utf8cpp (apt-get install libutfcpp-dev)")
  return()
endif()
if(NOT TARGET utf8cpp)
  add_library(utf8cpp INTERFACE IMPORTED)
  set_target_properties(utf8cpp PROPERTIES INTERFACE_INCLUDE_DIRECTORIES
                                           "${NXKX_UTF8CPP_INCLUDE_DIR}")
endif()

# Installs the library, its headers, the command, the 2025 notice pack, a CMake package
# (find_package(nxkx CONFIG)) and a pkg-config file. Included by CMakeLists.txt when NXKX_INSTALL.
# Everything is relocatable: `cmake --install build --prefix /any/where` works.
include(CMakePackageConfigHelpers)

set(NXKX_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/nxkx
    CACHE STRING "Where to install the CMake package files of nxkx")
set(NXKX_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    CACHE STRING "Where to install nxkx.pc")
set(NXKX_INSTALL_PACKDIR ${CMAKE_INSTALL_DATADIR}/nxkx)

set(_nxkx_installed nxkx)
if(TARGET nxkx_office)
  list(APPEND _nxkx_installed nxkx_office)  # nxkx::office
endif()
install(TARGETS ${_nxkx_installed} EXPORT nxkxTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT nxkx_development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT nxkx_runtime
          NAMELINK_COMPONENT nxkx_development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT nxkx_runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/nxkx
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT nxkx_development
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
if(TARGET nxkx_cli)
  install(TARGETS nxkx_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT nxkx_runtime)
endif()
# The pack is compiled into the library; the file is installed as the model for the next notice.
install(FILES ${PROJECT_SOURCE_DIR}/data/notice-2025.json
  DESTINATION ${NXKX_INSTALL_PACKDIR} COMPONENT nxkx_runtime)

install(EXPORT nxkxTargets NAMESPACE nxkx:: FILE nxkx-targets.cmake
  DESTINATION ${NXKX_INSTALL_CMAKEDIR} COMPONENT nxkx_development)

# What a consumer's find_package must find again: the public dependencies always, and for a
# static library also what nxkx links privately ($<LINK_ONLY:…>: linked into the consumer, not
# into nxkx). Read from the target itself, so a dependency added in CMakeLists.txt is not
# forgotten here; $<BUILD_INTERFACE:…> entries (nxkx_warnings, header-only helpers) stay out.
get_target_property(_nxkx_type nxkx TYPE)
set(NXKX_STATIC OFF)
if(_nxkx_type STREQUAL "STATIC_LIBRARY")
  set(NXKX_STATIC ON)
endif()
set(_nxkx_links "")
foreach(_target IN LISTS _nxkx_installed)
  get_target_property(_links ${_target} INTERFACE_LINK_LIBRARIES)
  if(_links)
    list(APPEND _nxkx_links ${_links})
  endif()
endforeach()
set(_nxkx_dependencies "")
set(_nxkx_pkg_modules "")
foreach(_lib IN LISTS _nxkx_links)
  string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" _lib "${_lib}")
  if(_lib MATCHES "^\\$<BUILD_INTERFACE:" OR
     _lib MATCHES "^(Threads::Threads|nxkx)$")
    continue()  # not exported, or found by nxkx-config.cmake.in itself, or nxkx itself
  elseif(_lib MATCHES "^(utf8cpp|utf8::cpp)$")
    list(APPEND _nxkx_dependencies utf8cpp)
  elseif(_lib MATCHES "^pugixml(::pugixml|::static|::shared)?$")
    list(APPEND _nxkx_dependencies pugixml)
  elseif(_lib MATCHES "^PkgConfig::(.+)$")
    list(APPEND _nxkx_pkg_modules ${CMAKE_MATCH_1})  # nxkx::office: xlsxwriter, minizip
  elseif(TARGET "${_lib}")
    # The consumer test (tests/consumer.cmake) fails too: the installed package would be broken.
    message(WARNING "cmake/install.cmake: nxkx links ${_lib}; name the package that provides "
                    "it here, or link it as $<BUILD_INTERFACE:${_lib}>")
  endif()
endforeach()
list(REMOVE_DUPLICATES _nxkx_dependencies)
list(REMOVE_DUPLICATES _nxkx_pkg_modules)
set(NXKX_EXTRA_DEPENDENCIES "")
foreach(_dep IN LISTS _nxkx_dependencies)
  string(APPEND NXKX_EXTRA_DEPENDENCIES "find_dependency(${_dep})\n")
endforeach()
if(_nxkx_pkg_modules)
  # The imported targets PkgConfig::<module> that a static nxkx::office links, made again.
  string(APPEND NXKX_EXTRA_DEPENDENCIES "find_dependency(PkgConfig)\n")
  foreach(_module IN LISTS _nxkx_pkg_modules)
    string(APPEND NXKX_EXTRA_DEPENDENCIES
           "if(NOT TARGET PkgConfig::${_module})\n"
           "  pkg_check_modules(${_module} REQUIRED QUIET IMPORTED_TARGET ${_module})\n"
           "endif()\n")
  endforeach()
endif()

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/nxkx-config.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/nxkx-config.cmake
  INSTALL_DESTINATION ${NXKX_INSTALL_CMAKEDIR}
  PATH_VARS NXKX_INSTALL_PACKDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/nxkx-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/nxkx-config.cmake
              ${PROJECT_BINARY_DIR}/cmake/nxkx-config-version.cmake
  DESTINATION ${NXKX_INSTALL_CMAKEDIR} COMPONENT nxkx_development)

# pkg-config: paths relative to the .pc file's own folder (${pcfiledir}), so that installing
# with --prefix elsewhere still resolves. Absolute install dirs are kept as they are.
function(_nxkx_pc_path out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${NXKX_INSTALL_PKGCONFIGDIR}")
  set(NXKX_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  # ${pcfiledir}/../.. for lib/pkgconfig, one more ../ for lib/x86_64-linux-gnu/pkgconfig.
  set(_up "")
  set(_dir "${NXKX_INSTALL_PKGCONFIGDIR}")
  while(NOT _dir STREQUAL "" AND NOT _dir STREQUAL ".")
    string(APPEND _up "/..")
    get_filename_component(_dir "${_dir}" DIRECTORY)
  endwhile()
  set(NXKX_PC_PREFIX "\${pcfiledir}${_up}")
endif()
_nxkx_pc_path(NXKX_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
_nxkx_pc_path(NXKX_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
# A static library's private link needs (threads) must reach the consumer's link line.
if(NXKX_STATIC)
  set(NXKX_PC_LIBS_EXTRA " -pthread")
  set(NXKX_PC_LIBS_PRIVATE "")
else()
  set(NXKX_PC_LIBS_EXTRA "")
  set(NXKX_PC_LIBS_PRIVATE "Libs.private: -pthread\n")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/nxkx.pc.in ${PROJECT_BINARY_DIR}/nxkx.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/nxkx.pc
  DESTINATION ${NXKX_INSTALL_PKGCONFIGDIR} COMPONENT nxkx_development)
if(TARGET nxkx_office)
  # A static library's dependencies must reach the consumer's link line: Requires, not
  # Requires.private.
  if(NXKX_STATIC)
    set(NXKX_OFFICE_PC_REQUIRES "nxkx xlsxwriter minizip pugixml")
    set(NXKX_OFFICE_PC_REQUIRES_PRIVATE "")
  else()
    set(NXKX_OFFICE_PC_REQUIRES "nxkx")
    set(NXKX_OFFICE_PC_REQUIRES_PRIVATE "Requires.private: xlsxwriter minizip pugixml\n")
  endif()
  configure_file(${CMAKE_CURRENT_LIST_DIR}/nxkx-office.pc.in ${PROJECT_BINARY_DIR}/nxkx-office.pc
                 @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/nxkx-office.pc
    DESTINATION ${NXKX_INSTALL_PKGCONFIGDIR} COMPONENT nxkx_development)
endif()

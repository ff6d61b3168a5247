# sp_native_plugin(NAME SOURCES... [OUTPUT_DIR DIR] [NO_INSTALL]): a native plugin built
# the way a plugin author builds one — a MODULE library named NAME.so in a folder NAME/,
# with only the SDK header and hidden symbols except the entry point.
#   OUTPUT_DIR  the plugin folder the NAME/ folder goes into (default: the build tree's
#               built-in native plugin folder, <build>/<libdir>/stretchplan/plugins)
#   NO_INSTALL  for test plugins
set(SP_NATIVE_PLUGIN_DIR ${CMAKE_INSTALL_LIBDIR}/stretchplan/plugins)

function(sp_native_plugin name)
  cmake_parse_arguments(P "NO_INSTALL" "OUTPUT_DIR" "" ${ARGN})
  if(NOT P_OUTPUT_DIR)
    set(P_OUTPUT_DIR ${PROJECT_BINARY_DIR}/${SP_NATIVE_PLUGIN_DIR})
  endif()
  add_library(${name} MODULE ${P_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE sp_plugin_sdk sp_warnings)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR}/${name})
  if(NOT P_NO_INSTALL)
    install(TARGETS ${name} LIBRARY DESTINATION ${SP_NATIVE_PLUGIN_DIR}/${name})
  endif()
endfunction()

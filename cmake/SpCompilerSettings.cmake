# Project-wide compiler settings: C++20, warnings on, binaries gathered in build/bin.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

# __FILE__ (in wxWidgets' and our assertion messages) names sources relative to the
# project, so no binary holds a path of the build machine (the installed-tree test checks).
add_compile_options(-fmacro-prefix-map=${PROJECT_SOURCE_DIR}/= -fmacro-prefix-map=${PROJECT_BINARY_DIR}/=)

add_library(sp_warnings INTERFACE)
target_compile_options(sp_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${SP_WERROR}>:-Werror>
  # GCC 12 at -O3 reports std::string's operator+ as an overlapping memcpy (a false
  # positive, GCC bug 105651, fixed in GCC 13); Debian 12 ships GCC 12.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)

# Gives a project library its include root (app/) and the house warnings.
function(sp_library name)
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/app)
  target_link_libraries(${name} PRIVATE sp_warnings)
endfunction()

# hubgate_add_components(dir...): add each named sub-folder. A folder that is named but missing
# (or has no CMakeLists.txt) fails the configure step instead of vanishing from the build;
# optional parts are left out by their HUBGATE_WITH_* option, never by their absence.
function(hubgate_add_components)
  foreach(_dir IN LISTS ARGN)
    if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${_dir}/CMakeLists.txt)
      file(RELATIVE_PATH _where ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/${_dir})
      message(FATAL_ERROR "component folder '${_where}' is missing or has no CMakeLists.txt "
        "(named in ${CMAKE_CURRENT_LIST_FILE}); restore it or remove it from that list")
    endif()
    add_subdirectory(${_dir})
  endforeach()
endfunction()

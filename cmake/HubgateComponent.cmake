# hubgate_add_components(dir...): add each sub-folder that has a CMakeLists.txt.
function(hubgate_add_components)
  foreach(_dir IN LISTS ARGN)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${_dir}/CMakeLists.txt)
      add_subdirectory(${_dir})
    endif()
  endforeach()
endfunction()

# Checks a systemd unit or udev rules file for lines it must carry: the unit cannot be
# started in a test, so the file is read as text (systemd-analyze verify would also need the
# installed binary and the account). Run as cmake -DUNIT=<file> -DREQUIRED=<k=v;...> -P this.
file(STRINGS "${UNIT}" lines)
set(missing "")
foreach(required IN LISTS REQUIRED)
  list(FIND lines "${required}" at)
  if(at EQUAL -1)
    list(APPEND missing "${required}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "${UNIT} lacks: ${missing}")
endif()

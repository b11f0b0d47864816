#include "booking/domain/failure.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

namespace hubgate::domain {

failure field_failure(std::string field, std::string code, std::string message) {
  failure f(errc::validation_failed);
  f.fields.push_back({std::move(field), std::move(code), std::move(message)});
  return f;
}

void throw_exception_from_error(const failure& f, const boost::source_location& loc) {
  boost::throw_exception(boost::system::system_error(f.code, f.message), loc);
}

}  // namespace hubgate::domain

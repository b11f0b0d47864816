// Maps a refused domain or store operation to its problem document: domain codes keep their
// stable name and suggested status; anything else is an internal error, logged, without detail.
#pragma once
#include <string_view>

#include "booking/api/problem.hpp"
#include "booking/domain/failure.hpp"

namespace hubgate::api {

problem to_problem(const domain::failure& f, std::string_view request_id);

}  // namespace hubgate::api

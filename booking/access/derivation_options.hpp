// The tunables of access-list derivation: how far ahead windows are expanded and how much
// earlier / later than a booking its door opens. Tests shrink them; production uses defaults.
#pragma once
#include <chrono>

namespace hubgate::access {

struct derivation_options {
  std::chrono::seconds horizon{std::chrono::days{14}};
  std::chrono::seconds early_grace{std::chrono::minutes{15}};  // door opens before the start
  std::chrono::seconds late_grace{std::chrono::minutes{15}};   // and stays open after the end
  // The horizon's edges are rounded outwards to multiples of this step (UTC). Without it the
  // admin and standing windows would move with every second of `now`, and recomputing a list
  // to diff it would produce a delta for every board at every change. Zero: no rounding.
  std::chrono::seconds horizon_step{std::chrono::hours{1}};
};

}  // namespace hubgate::access

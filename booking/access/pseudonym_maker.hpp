// Card pseudonyms of one site made with one prepared HMAC key: the same bytes as
// protocol::make_pseudonym, without its per-call algorithm lookup, for lists of many cards.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "protocol/pseudonym.hpp"

namespace hubgate::access {

// Not thread-safe: one maker per derivation and site.
class pseudonym_maker {
 public:
  explicit pseudonym_maker(std::span<const std::uint8_t> list_key);
  ~pseudonym_maker();
  pseudonym_maker(pseudonym_maker&&) noexcept;
  pseudonym_maker& operator=(pseudonym_maker&&) noexcept;

  // Falls back to protocol::make_pseudonym whenever the prepared context cannot be used.
  protocol::pseudonym operator()(std::span<const std::uint8_t> card_id);

 private:
  struct context;
  std::vector<std::uint8_t> key_;
  std::unique_ptr<context> context_;
};

}  // namespace hubgate::access

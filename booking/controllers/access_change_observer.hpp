// Watches the API for writes that may change who opens which door (bookings, cards, users,
// groups, doors, spaces, sites) and tells the stream hub, in one place instead of in every
// handler: it wraps the API's request_handler.
#pragma once
#include <functional>
#include <optional>
#include <string_view>

#include "booking/http/http_message.hpp"

namespace hubgate::controllers {

// True for a successful (2xx) write to an API resource other than sign-in and tokens.
bool may_change_access(const http::http_request& request, const http::http_response& response);

class access_change_observer final : public http::request_handler {
 public:
  access_change_observer(http::request_handler& inner, std::function<void()> changed)
      : inner_(inner), changed_(std::move(changed)) {}

  http::http_response handle(const http::http_request& request) override {
    auto response = inner_.handle(request);
    if (may_change_access(request, response)) changed_();
    return response;
  }

  std::optional<http::http_response> answer_now(const http::http_request& request) override {
    auto response = inner_.answer_now(request);
    if (response && may_change_access(request, *response)) changed_();
    return response;
  }

  // The request outlives the reply (booking/net keeps it until the response is written).
  bool answer_later(const http::http_request& request, const http::reply_fn& reply) override {
    return inner_.answer_later(request, [this, &request, reply](http::http_response response) {
      if (may_change_access(request, response)) changed_();
      reply(std::move(response));
    });
  }

 private:
  http::request_handler& inner_;
  std::function<void()> changed_;
};

}  // namespace hubgate::controllers

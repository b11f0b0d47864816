// Password routes: a member changes their own (proving the current one), an admin sets
// anyone's. The rules are auth::auth_service's; either way the account's other sessions end.
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"

namespace hubgate::api::handlers {
namespace {

// The session a change made with this call's cookie keeps: the caller's own, else none.
std::string_view own_session(const call& c) {
  return c.who->kind == auth::auth_kind::session_cookie ? std::string_view(c.who->session_token)
                                                        : std::string_view();
}

http::http_response changed(std::size_t sessions_ended) {
  return json_response(
      200, boost::json::object{{"sessions_ended", static_cast<std::int64_t>(sessions_ended)}});
}

}  // namespace

http::http_response change_own_password(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto current = f.text("current_password", need::required, auth::max_password_length);
  auto replacement = new_password_field(f, "new_password");
  if (current && replacement && *current == *replacement)
    f.error("new_password", "unchanged", "must differ from the current password");
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));

  const auto& user = c.who->user;
  auto result =
      c.svc.sign_in.change_password({user.id, user.email, *current, *replacement, own_session(c),
                                     c.request.remote_address, c.request.request_id});
  if (!result) return respond(c, result.error());
  if (result->refusal == auth::login_refusal::rate_limited)
    return respond(c, rate_limited(result->retry_after.count()));
  if (result->refusal == auth::login_refusal::invalid_credentials) {
    problem p = forbidden("the current password is wrong");
    p.code = "wrong_password";
    return respond(c, p);
  }
  return changed(result->sessions_ended);
}

http::http_response set_user_password(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto replacement = new_password_field(f, "new_password");
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  const auto target = c.param("id");
  const auto kept = target == c.who->user.id ? own_session(c) : std::string_view();
  auto ended = c.svc.sign_in.set_password(target, *replacement, kept, c.request.request_id);
  if (!ended) return respond(c, ended.error());
  return changed(*ended);
}

}  // namespace hubgate::api::handlers

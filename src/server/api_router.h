#pragma once
// Dispatches /api/ requests to the endpoint table (endpoint.h), enforcing,
// in this order: a known path (404) and method (405); a live session
// (401) unless the endpoint is public; the caller's role (403); for
// state-changing methods the session's CSRF token in X-CSRF-Token and, when
// the browser sends one, a same-origin Origin header (403); a JSON object
// body of valid UTF-8 (400, 415). Errors become {"error": ...} with the
// right status; a handler's unexpected exception becomes a bare 500.

#include <nlohmann/json.hpp>

#include "server/app_state.h"
#include "server/http.h"

namespace uncounted::server {

void handle_api_request(AppState& app, const httplib::Request& request,
                        httplib::Response& response);

// The session token from the request's Cookie header; empty when none.
std::string session_cookie(const httplib::Request& request);
inline constexpr const char* kSessionCookieName = "uncounted_session";

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
// CODE, when given, goes beside the message as "code" (a word for programs).
void send_error(httplib::Response& response, int status, const std::string& message,
                const std::string& code = {});

}  // namespace uncounted::server

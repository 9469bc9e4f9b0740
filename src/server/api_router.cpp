#include "server/api_router.h"

#include <sodium.h>

#include <regex>

#include "io/json_depth.h"
#include "server/endpoint.h"
#include "server/http_error.h"
#include "server/server.h"
#include "store/user_table.h"

namespace uncounted::server {
namespace {

struct CompiledEndpoint {
  const Endpoint* endpoint;
  std::regex pattern;
};

// "/api/testimonies/{id}" -> ^/api/testimonies/([0-9]{1,18})$
std::regex compile(const std::string& path) {
  static const std::regex parameter(R"(\{[a-z_]+\})");
  return std::regex("^" + std::regex_replace(path, parameter, "([0-9]{1,18})") + "$");
}

const std::vector<CompiledEndpoint>& compiled() {
  static const std::vector<CompiledEndpoint> all = [] {
    std::vector<CompiledEndpoint> out;
    for (const Endpoint& e : api_endpoints()) out.push_back({&e, compile(e.path)});
    return out;
  }();
  return all;
}

bool state_changing(const std::string& method) { return method != "GET" && method != "HEAD"; }

bool same_token(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Browsers send Origin on cross-site POSTs; a page of another site must not
// act with our cookie even if SameSite were ignored.
bool origin_allowed(const httplib::Request& request) {
  if (!request.has_header("Origin")) return true;
  const std::string origin = request.get_header_value("Origin");
  const std::string host = request.get_header_value("Host");
  return origin == "http://" + host || origin == "https://" + host;
}

void check_body(RequestContext& ctx, const Endpoint& endpoint) {
  if (!endpoint.takes_body) return;
  const std::string type = ctx.request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    throw HttpError(415, "the body must be JSON (Content-Type: application/json)");
  }
  if (!valid_utf8(ctx.request.body)) throw HttpError(400, "the body is not valid UTF-8");
  if (io::json_nested_deeper_than(ctx.request.body)) {
    throw HttpError(
        400, "the body is nested more than " + std::to_string(io::kMaxJsonDepth) + " levels deep");
  }
  try {
    ctx.body = nlohmann::json::parse(ctx.request.body);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, "the body is not valid JSON (at byte " + std::to_string(e.byte) + ")");
  }
  if (!ctx.body.is_object()) throw HttpError(400, "the body must be a JSON object");
}

void run(AppState& app, const Endpoint& endpoint, const std::smatch& match,
         const httplib::Request& request, httplib::Response& response) {
  RequestContext ctx{request, response, app, std::nullopt, {}, {}, {}, 200};
  if (!endpoint.is_public) {
    ctx.session_token = session_cookie(request);
    ctx.session = app.sessions.find(ctx.session_token);
    if (!ctx.session) throw HttpError(401, "log in first");
    // The account as it is now: disabled, another role or another password
    // (also by the command line, in another process) end the session.
    {
      std::lock_guard lock(app.store_mutex);
      const std::optional<store::User> account =
          store::find_user(app.store.db(), ctx.session->user);
      if (!account || account->disabled || account->role != ctx.session->role ||
          account->generation != ctx.session->generation) {
        app.sessions.end(ctx.session_token);
        throw HttpError(401, "your session has ended (the account was changed); log in again");
      }
    }
    if (ctx.session->enrolment_only && !endpoint.during_enrolment) {
      throw HttpError(403, "an administrator must set up one-time codes before anything else",
                      "totp_enrollment_required");
    }
    if (!endpoint.roles.contains(ctx.session->role)) {
      throw HttpError(
          403, "your role (" + std::string(to_string(ctx.session->role)) + ") may not do this");
    }
    if (state_changing(endpoint.method)) {
      if (!origin_allowed(request)) throw HttpError(403, "cross-origin request refused");
      if (!same_token(request.get_header_value("X-CSRF-Token"), ctx.session->csrf_token)) {
        throw HttpError(403, "missing or wrong CSRF token (X-CSRF-Token)");
      }
    }
  } else if (state_changing(endpoint.method) && !origin_allowed(request)) {
    throw HttpError(403, "cross-origin request refused");
  }
  for (std::size_t i = 1; i < match.size(); ++i) ctx.ids.push_back(std::stoll(match[i].str()));
  for (const auto& [name, value] : request.params) {
    if (!valid_utf8(name) || !valid_utf8(value)) {
      throw HttpError(400, "a query parameter is not valid UTF-8");
    }
  }
  check_body(ctx, endpoint);
  const nlohmann::json answer = endpoint.handle(ctx);
  send_json(response, ctx.status, answer);
}

}  // namespace

std::string session_cookie(const httplib::Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  const std::string key = std::string(kSessionCookieName) + "=";
  std::size_t at = 0;
  while (at < cookies.size()) {
    std::size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    std::size_t start = cookies.find_first_not_of(' ', at);
    if (start != std::string::npos && start < end && cookies.compare(start, key.size(), key) == 0) {
      return cookies.substr(start + key.size(), end - start - key.size());
    }
    at = end + 1;
  }
  return {};
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& message,
                const std::string& code) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  if (code.empty()) {
    response.set_content(error_body(message), "application/json; charset=utf-8");
  } else {
    send_json(response, status, {{"error", message}, {"code", code}});
  }
}

// DNS rebinding: a page of another site whose name comes to resolve to
// 127.0.0.1 could drive a loopback server from the user's browser. Its
// requests carry that site's name in Host, so a server listening on
// loopback answers only requests addressed to a loopback name.
bool host_allowed(const AppState& app, const httplib::Request& request) {
  if (!is_loopback_host(app.options.host)) return true;
  std::string host = request.get_header_value("Host");
  if (host.empty()) return true;  // HTTP/1.0 clients send none
  if (host.front() == '[') {
    const std::size_t close = host.find(']');
    host = close == std::string::npos ? host : host.substr(1, close - 1);
  } else if (const std::size_t colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  return is_loopback_host(host);
}

void handle_api_request(AppState& app, const httplib::Request& request,
                        httplib::Response& response) {
  try {
    if (!host_allowed(app, request)) {
      throw HttpError(421, "this server answers only requests addressed to it on loopback");
    }
    bool path_known = false;
    for (const CompiledEndpoint& c : compiled()) {
      std::smatch match;
      if (!std::regex_match(request.path, match, c.pattern)) continue;
      path_known = true;
      if (c.endpoint->method != request.method) continue;
      run(app, *c.endpoint, match, request, response);
      return;
    }
    // Unknown paths answer 401 before login, so that they tell nobody what
    // exists; after login 404 or 405.
    if (!app.sessions.find(session_cookie(request))) throw HttpError(401, "log in first");
    if (path_known) throw HttpError(405, "method not allowed on this path");
    throw HttpError(404, "no such API endpoint");
  } catch (const HttpError& e) {
    send_error(response, e.status(), e.what(), e.code());
  } catch (const Error& e) {
    send_error(response, http_status(e), e.one_line());
  } catch (const nlohmann::json::exception& e) {
    // A handler read a field of the wrong type: the caller's fault.
    send_error(response, 400, "a field has the wrong type or is missing");
  } catch (const std::exception&) {
    send_error(response, 500, "internal error");
  }
}

}  // namespace uncounted::server

#pragma once
// An endpoint of the JSON API: its method and path, the roles that may call
// it, what the OpenAPI document says of it, and its handler. The router
// (api_router.h) enforces login, role and CSRF before the handler runs, so
// a handler never checks who is calling; the same table generates the
// OpenAPI document, so the document cannot drift from what is served.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/role.h"
#include "server/session_store.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace uncounted::server {

struct AppState;

struct RequestContext {
  const httplib::Request& request;
  httplib::Response& response;
  AppState& app;
  std::optional<Session> session;  // set for every endpoint but the public ones
  std::string session_token;
  std::vector<std::int64_t> ids;  // the path's {id} parameters, in order
  nlohmann::json body;            // the parsed JSON body (an object), when any
  int status = 200;

  // A query parameter (checked to be valid UTF-8 of at most MAX bytes),
  // or FALLBACK when absent.
  std::string query(const std::string& name, const std::string& fallback = "",
                    std::size_t max = 1000) const;
  std::int64_t query_int(const std::string& name, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;
  const std::string& user() const { return session->user; }
};

struct QueryParameter {
  std::string name;
  std::string description;
  bool required = false;
};

struct Endpoint {
  std::string method;      // GET, POST, PUT, DELETE
  std::string path;        // OpenAPI template: /api/testimonies/{id} ({...} are integer ids)
  bool is_public = false;  // reachable without login (login, health, openapi)
  RoleSet roles;           // who may call it when not public
  std::string summary;
  std::vector<QueryParameter> query;
  bool takes_body = false;  // a JSON object
  nlohmann::json body_example;
  std::function<nlohmann::json(RequestContext&)> handle;
  // Callable by an administrator who must enrol one-time codes first
  // (Session::enrolment_only): enrolment itself, the session, logout.
  bool during_enrolment = false;
};

// Every endpoint, in the order the OpenAPI document lists them.
const std::vector<Endpoint>& api_endpoints();

// The endpoint groups, one file each.
void add_account_endpoints(std::vector<Endpoint>& out);
void add_audit_endpoints(std::vector<Endpoint>& out);
void add_testimony_endpoints(std::vector<Endpoint>& out);
void add_record_endpoints(std::vector<Endpoint>& out);
void add_review_endpoints(std::vector<Endpoint>& out);
void add_estimate_endpoints(std::vector<Endpoint>& out);
void add_reference_endpoints(std::vector<Endpoint>& out);

// The OpenAPI 3 document of api_endpoints().
nlohmann::json openapi_document();

// Checks that TEXT is well-formed UTF-8.
bool valid_utf8(std::string_view text);

}  // namespace uncounted::server

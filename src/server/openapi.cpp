// The OpenAPI 3.0 document, generated from the endpoint table so that it
// lists exactly what the router serves, with the roles of each operation
// (x-roles) for people and for the authorization test.

#include <regex>

#include "server/endpoint.h"

namespace uncounted::server {

nlohmann::json openapi_document() {
  nlohmann::json paths = nlohmann::json::object();
  const nlohmann::json error_schema = {{"$ref", "#/components/schemas/Error"}};
  for (const Endpoint& e : api_endpoints()) {
    nlohmann::json op;
    op["summary"] = e.summary;
    op["operationId"] = e.method + std::regex_replace(e.path, std::regex("[^A-Za-z0-9]+"), "_");
    nlohmann::json roles = nlohmann::json::array();
    if (!e.is_public) {
      for (Role r : {Role::kAdministrator, Role::kDocumenter, Role::kAnalyst, Role::kReviewer}) {
        if (e.roles.contains(r)) roles.push_back(std::string(to_string(r)));
      }
      op["security"] = nlohmann::json::array({{{"session", nlohmann::json::array()}}});
    } else {
      op["security"] = nlohmann::json::array();
    }
    op["x-roles"] = e.is_public ? nlohmann::json("public") : roles;
    nlohmann::json parameters = nlohmann::json::array();
    std::smatch m;
    std::string rest = e.path;
    while (std::regex_search(rest, m, std::regex(R"(\{([a-z_]+)\})"))) {
      parameters.push_back({{"name", m[1].str()},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "integer"}, {"format", "int64"}}}});
      rest = m.suffix();
    }
    for (const QueryParameter& q : e.query) {
      parameters.push_back({{"name", q.name},
                            {"in", "query"},
                            {"required", q.required},
                            {"description", q.description},
                            {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) op["parameters"] = parameters;
    if (e.takes_body) {
      op["requestBody"] = {{"required", true},
                           {"content",
                            {{"application/json",
                              {{"schema", {{"type", "object"}}}, {"example", e.body_example}}}}}};
    }
    nlohmann::json responses = {
        {"200", {{"description", "success"}}},
        {"400",
         {{"description", "bad input"},
          {"content", {{"application/json", {{"schema", error_schema}}}}}}},
    };
    if (!e.is_public) {
      responses["401"] = {{"description", "not logged in"}};
      responses["403"] = {{"description", "role not allowed, or CSRF token missing"}};
    }
    op["responses"] = responses;
    std::string method = e.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[e.path][method] = op;
  }
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "uncounted web API"},
        {"version", "1"},
        {"description",
         "JSON API of the uncounted web application. Log in with POST /api/login; send the "
         "session cookie with every request and the CSRF token from the login answer in "
         "X-CSRF-Token with every POST, PUT and DELETE."}}},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "uncounted_session"}}}}},
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"properties", {{"error", {{"type", "string"}}}}},
            {"required", {"error"}}}}}}}},
  };
}

}  // namespace uncounted::server

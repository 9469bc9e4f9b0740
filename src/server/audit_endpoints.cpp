// The audit log for administrators: read it, filtered, newest first (what
// `uncounted audit list` prints), and check it (what `audit verify` does).

#include "server/app_state.h"
#include "server/endpoint.h"
#include "store/audit_log.h"

namespace uncounted::server {
namespace {

nlohmann::json list(RequestContext& ctx) {
  store::AuditFilter filter;
  filter.action = ctx.query("action", "", 64);
  filter.actor = ctx.query("actor", "", 64);
  filter.since = ctx.query("since", "", 32);
  filter.limit = static_cast<std::size_t>(ctx.query_int("limit", 100, 1, 1000));
  std::lock_guard lock(ctx.app.store_mutex);
  return store::to_json(store::read_audit(ctx.app.store.db(), filter));
}

nlohmann::json verify(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  return store::to_json(store::verify_audit(ctx.app.store.db()));
}

}  // namespace

void add_audit_endpoints(std::vector<Endpoint>& out) {
  out.push_back({"GET",
                 "/api/audit",
                 false,
                 {Role::kAdministrator},
                 "The audit log, newest first",
                 {{"action", "only this action (import, export, user_add, ...)"},
                  {"actor", "only this actor"},
                  {"since", "only from this date on (2026-12-01)"},
                  {"limit", "1-1000 (100)"}},
                 false,
                 {},
                 list});
  out.push_back({"GET",
                 "/api/audit/verify",
                 false,
                 {Role::kAdministrator},
                 "Recompute the audit chain and check it against its head",
                 {},
                 false,
                 {},
                 verify});
}

}  // namespace uncounted::server

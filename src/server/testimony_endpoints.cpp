// Testimonies: create, list, read, edit; and the documenter's draft.

#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http.h"
#include "server/http_error.h"
#include "server/session_store.h"
#include "store/draft_table.h"
#include "store/testimony_table.h"
#include "store/testimony_writer.h"

namespace uncounted::server {
namespace {

constexpr std::size_t kMaxDraftBytes = 1u << 20;

nlohmann::json saved_json(const store::SavedTestimony& s) {
  return {
      {"id", s.id}, {"source", s.source}, {"testimony_id", s.testimony_id}, {"records", s.records}};
}

nlohmann::json create(RequestContext& ctx) {
  nlohmann::json document = ctx.body;
  // A form has no natural id: the server gives one, unguessable and unique.
  if (!document.contains("testimony_id")) {
    document["testimony_id"] = "web-" + random_token().substr(0, 16);
  }
  std::lock_guard lock(ctx.app.store_mutex);
  const store::SavedTestimony saved =
      store::create_testimony(ctx.app.store.db(), document, ctx.user());
  ctx.status = 201;
  return saved_json(saved);
}

nlohmann::json update(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  return saved_json(store::update_testimony(ctx.app.store.db(), ctx.ids[0], ctx.body, ctx.user()));
}

nlohmann::json summary(const store::StoredTestimony& t) {
  const nlohmann::json d = nlohmann::json::parse(t.document);
  nlohmann::json names = nlohmann::json::array();
  for (const auto& p : d.value("people", nlohmann::json::array())) {
    if (p.contains("name") && p["name"].is_string()) names.push_back(p["name"]);
  }
  return {{"id", t.id},
          {"source", t.source},
          {"testimony_id", t.testimony_id},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at},
          {"people", names},
          {"events", d.value("events", nlohmann::json::array()).size()}};
}

nlohmann::json list(RequestContext& ctx) {
  const std::int64_t limit = ctx.query_int("limit", 50, 1, 500);
  const std::int64_t offset = ctx.query_int("offset", 0, 0, 1'000'000'000);
  std::lock_guard lock(ctx.app.store_mutex);
  store::Database& db = ctx.app.store.db();
  nlohmann::json items = nlohmann::json::array();
  for (const store::StoredTestimony& t : store::list_testimonies(db, limit, offset)) {
    items.push_back(summary(t));
  }
  return {{"total", store::count_testimonies(db)}, {"testimonies", items}};
}

nlohmann::json read(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  const std::optional<store::StoredTestimony> t =
      store::find_testimony(ctx.app.store.db(), ctx.ids[0]);
  if (!t) throw HttpError(404, "no such testimony");
  nlohmann::json out = summary(*t);
  out["document"] = nlohmann::json::parse(t->document);
  return out;
}

nlohmann::json read_draft(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  const auto draft = store::find_draft(ctx.app.store.db(), ctx.user());
  if (!draft) return {{"draft", nullptr}};
  return {{"draft", nlohmann::json::parse(*draft)}};
}

nlohmann::json save_draft(RequestContext& ctx) {
  if (!ctx.body.contains("draft")) throw HttpError(400, "'draft' is missing");
  const std::string text = ctx.body["draft"].dump();
  if (text.size() > kMaxDraftBytes) throw HttpError(413, "the draft is too large");
  std::lock_guard lock(ctx.app.store_mutex);
  store::put_draft(ctx.app.store.db(), ctx.user(), text);
  return {{"saved", true}};
}

nlohmann::json remove_draft(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  store::discard_draft(ctx.app.store.db(), ctx.user());
  return {{"discarded", true}};
}

const nlohmann::json kExample = {
    {"source", "NKDB"},
    {"consent", {{"given", true}, {"scope", "documentation"}}},
    {"people", {{{"ref", "p1"}, {"name", "리철호 (Ri Chol Ho)"}, {"sex", "M"}}}},
    {"events",
     {{{"ref", "e1"},
       {"event", "detention_kwanliso"},
       {"event_date", "2009년 봄"},
       {"event_place", "요덕"},
       {"participants", {{{"person", "p1"}, {"role", "victim"}}}}}}}};

}  // namespace

void add_testimony_endpoints(std::vector<Endpoint>& out) {
  const RoleSet documenters = {Role::kDocumenter};
  out.push_back({"GET",
                 "/api/testimonies",
                 false,
                 documenters,
                 "List testimonies, newest first",
                 {{"limit", "1-500 (50)"}, {"offset", "from 0"}},
                 false,
                 {},
                 list});
  out.push_back({"POST",
                 "/api/testimonies",
                 false,
                 documenters,
                 "Create a testimony (docs/testimony.schema.json; testimony_id is given when "
                 "absent); audited",
                 {},
                 true,
                 kExample,
                 create});
  out.push_back(
      {"GET", "/api/testimonies/{id}", false, documenters, "One testimony", {}, false, {}, read});
  out.push_back({"PUT",
                 "/api/testimonies/{id}",
                 false,
                 documenters,
                 "Replace a testimony (same source and testimony_id); audited",
                 {},
                 true,
                 kExample,
                 update});
  out.push_back({"GET",
                 "/api/draft",
                 false,
                 documenters,
                 "The caller's testimony draft (kept in the encrypted store)",
                 {},
                 false,
                 {},
                 read_draft});
  out.push_back({"PUT",
                 "/api/draft",
                 false,
                 documenters,
                 "Save the caller's draft",
                 {},
                 true,
                 {{"draft", {{"source", "NKDB"}}}},
                 save_draft});
  out.push_back({"DELETE",
                 "/api/draft",
                 false,
                 documenters,
                 "Discard the caller's draft",
                 {},
                 false,
                 {},
                 remove_draft});
}

}  // namespace uncounted::server

// Linkage review: the queue of uncertain pairs (both records and the
// waterfall of the match weight), reviewers' decisions, and running
// linkage again so that decisions take effect.

#include "pipeline/store_linkage.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"
#include "store/linkage_table.h"
#include "store/match_decision_table.h"

namespace uncounted::server {

std::optional<nlohmann::json> api_record(store::Database& db, std::int64_t id);

namespace {

nlohmann::json pair_json(store::Database& db, const store::ScoredPair& p) {
  nlohmann::json pair = {{"record_a", p.record_a},
                         {"record_b", p.record_b},
                         {"match_weight", p.match_weight},
                         {"match_probability", p.match_probability},
                         {"decision", nullptr}};
  pair["a"] = api_record(db, p.record_a).value_or(nullptr);
  pair["b"] = api_record(db, p.record_b).value_or(nullptr);
  const std::optional<std::string> why = store::pair_explanation(db, p.record_a, p.record_b);
  pair["explanation"] = why ? nlohmann::json::parse(*why, nullptr, false) : nlohmann::json(nullptr);
  return pair;
}

nlohmann::json queue(RequestContext& ctx) {
  const std::int64_t limit = ctx.query_int("limit", 20, 1, 200);
  const std::int64_t offset = ctx.query_int("offset", 0, 0, 1'000'000'000);
  std::lock_guard lock(ctx.app.store_mutex);
  store::Database& db = ctx.app.store.db();
  nlohmann::json pairs = nlohmann::json::array();
  for (const store::ScoredPair& p : store::review_queue(db, limit, offset)) {
    pairs.push_back(pair_json(db, p));
  }
  return {{"pairs", pairs}, {"remaining", store::review_queue_size(db)}};
}

std::int64_t id_field(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    throw HttpError(400, std::string("'") + name + "' must be a positive integer record id");
  }
  return it->get<std::int64_t>();
}

std::pair<std::int64_t, std::int64_t> pair_fields(const nlohmann::json& body) {
  std::int64_t a = id_field(body, "record_a");
  std::int64_t b = id_field(body, "record_b");
  if (a == b) throw HttpError(400, "a pair needs two different records");
  if (a > b) std::swap(a, b);
  return {a, b};
}

// A pair already decided is decided again only when the body says
// "replace": true, so that a key pressed twice, or a second click on a pair
// that has left the screen, cannot overwrite a decision unseen (the store
// refuses it: 409).
nlohmann::json decide(RequestContext& ctx) {
  const auto [a, b] = pair_fields(ctx.body);
  if (!ctx.body.contains("decision") || !ctx.body["decision"].is_string()) {
    throw HttpError(400, "'decision' must be match, non_match or unsure");
  }
  const store::Decision decision = store::parse_decision(ctx.body["decision"]);
  const bool replace = ctx.body.value("replace", false);
  std::lock_guard lock(ctx.app.store_mutex);
  store::Database& db = ctx.app.store.db();
  store::record_decision(db, a, b, decision, ctx.user(), replace);
  return {{"record_a", a},
          {"record_b", b},
          {"decision", store::to_string(decision)},
          {"remaining", store::review_queue_size(db)}};
}

nlohmann::json undo(RequestContext& ctx) {
  const auto [a, b] = pair_fields(ctx.body);
  std::lock_guard lock(ctx.app.store_mutex);
  store::Database& db = ctx.app.store.db();
  const std::optional<store::MatchDecision> taken = store::undo_decision(db, a, b, ctx.user());
  if (!taken) throw HttpError(404, "this pair has no decision to undo");
  return {{"record_a", a},
          {"record_b", b},
          {"undone", store::to_string(taken->decision)},
          {"remaining", store::review_queue_size(db)}};
}

nlohmann::json run_link(RequestContext& ctx) {
  pipeline::StoreLinkOptions options;
  options.actor = ctx.user();
  // One linkage at a time (it takes every core); the store is held only
  // while linkage reads and writes, not while it computes.
  std::unique_lock running(ctx.app.link_mutex, std::try_to_lock);
  if (!running.owns_lock()) {
    throw HttpError(409, "a linkage is already running; its result will be there shortly");
  }
  options.with_store = [&ctx](const std::function<void()>& fn) {
    std::lock_guard lock(ctx.app.store_mutex);
    fn();
  };
  return pipeline::link_store(ctx.app.store, options).summary;
}

}  // namespace

void add_review_endpoints(std::vector<Endpoint>& out) {
  out.push_back({"GET",
                 "/api/review/queue",
                 false,
                 {Role::kReviewer},
                 "Uncertain pairs, most uncertain first, with both records and the waterfall, "
                 "and how many remain",
                 {{"limit", "1-200 (20)"}, {"offset", "from 0"}},
                 false,
                 {},
                 queue});
  out.push_back({"POST",
                 "/api/review/decisions",
                 false,
                 {Role::kReviewer},
                 "Decide a pair: match, non_match or unsure (audited; later linkage runs "
                 "respect it). A pair already decided: 409 unless \"replace\": true",
                 {},
                 true,
                 {{"record_a", 1}, {"record_b", 2}, {"decision", "match"}},
                 decide});
  out.push_back({"POST",
                 "/api/review/undo",
                 false,
                 {Role::kReviewer},
                 "Take back the decision on a pair: it returns to the queue (audited)",
                 {},
                 true,
                 {{"record_a", 1}, {"record_b", 2}},
                 undo});
  out.push_back({"POST",
                 "/api/link",
                 false,
                 {Role::kReviewer, Role::kAnalyst},
                 "Run linkage over the store with the reviewers' decisions (audited)",
                 {},
                 false,
                 {},
                 run_link});
}

}  // namespace uncounted::server

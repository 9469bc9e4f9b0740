// Linkage review: the queue of uncertain pairs (both records and the
// waterfall of the match weight), reviewers' decisions, and running
// linkage again so that decisions take effect.

#include "pipeline/store_linkage.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"

namespace uncounted::server {

std::optional<nlohmann::json> api_record(store::Database& db, std::int64_t id);

namespace {

nlohmann::json queue(RequestContext& ctx) {
  const std::int64_t limit = ctx.query_int("limit", 20, 1, 200);
  std::lock_guard lock(ctx.app.store_mutex);
  store::Store& store = ctx.app.store;
  nlohmann::json pairs = nlohmann::json::array();
  for (const pipeline::ReviewPair& p :
       pipeline::review_queue(store, static_cast<std::size_t>(limit))) {
    nlohmann::json pair = {{"record_a", p.record_a},
                           {"record_b", p.record_b},
                           {"match_weight", p.match_weight},
                           {"match_probability", p.match_probability}};
    pair["decision"] = p.decision ? nlohmann::json(*p.decision) : nlohmann::json(nullptr);
    pair["a"] = api_record(store.db(), p.record_a).value_or(nullptr);
    pair["b"] = api_record(store.db(), p.record_b).value_or(nullptr);
    pair["explanation"] =
        pipeline::pair_explanation(store, p.record_a, p.record_b).value_or(nullptr);
    pairs.push_back(std::move(pair));
  }
  return {{"pairs", pairs}};
}

std::int64_t id_field(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    throw HttpError(400, std::string("'") + name + "' must be a positive integer record id");
  }
  return it->get<std::int64_t>();
}

nlohmann::json decide(RequestContext& ctx) {
  std::int64_t a = id_field(ctx.body, "record_a");
  std::int64_t b = id_field(ctx.body, "record_b");
  if (a == b) throw HttpError(400, "a pair needs two different records");
  if (a > b) std::swap(a, b);
  if (!ctx.body.contains("decision") || !ctx.body["decision"].is_string()) {
    throw HttpError(400, "'decision' must be match, non_match or unsure");
  }
  const pipeline::Decision decision = pipeline::parse_decision(ctx.body["decision"]);
  std::lock_guard lock(ctx.app.store_mutex);
  pipeline::record_decision(ctx.app.store, a, b, decision, ctx.user());
  return {{"record_a", a}, {"record_b", b}, {"decision", pipeline::to_string(decision)}};
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
                 "Uncertain pairs, most uncertain first, with both records and the waterfall",
                 {{"limit", "1-200 (20)"}},
                 false,
                 {},
                 queue});
  out.push_back({"POST",
                 "/api/review/decisions",
                 false,
                 {Role::kReviewer},
                 "Decide a pair: match, non_match or unsure (audited; later linkage runs "
                 "respect it)",
                 {},
                 true,
                 {{"record_a", 1}, {"record_b", 2}, {"decision", "match"}},
                 decide});
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

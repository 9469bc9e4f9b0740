// Records and persons: search by any spelling, the person page, and the
// pseudonymized view for analysts (store/partner_view.h, the same rule as
// the partner export).

#include <algorithm>
#include <unordered_map>

#include "io/optional_json.h"
#include "pipeline/person_search.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"
#include "store/audit_log.h"
#include "store/linkage_table.h"
#include "store/partner_view.h"

namespace uncounted::server {
namespace {

nlohmann::json record_json(const store::StoredRecord& stored,
                           const std::optional<std::string>& person) {
  const Record& r = stored.record;
  const std::string_view sex = to_code(r.sex);
  return {{"id", stored.id},
          {"source", r.source},
          {"record_id", r.record_id},
          {"name", io::or_null(r.name)},
          {"sex", sex.empty() ? nlohmann::json(nullptr) : nlohmann::json(sex)},
          {"birth_year", io::or_null(r.birth_year)},
          {"origin", io::or_null(r.origin)},
          {"event", r.event},
          {"event_date", io::or_null(r.event_date)},
          {"event_place", io::or_null(r.event_place)},
          {"testimony_id", io::or_null(r.testimony_id)},
          {"entity_id", io::or_null(person)}};
}

std::optional<nlohmann::json> record_by_id(store::Database& db, std::int64_t id) {
  const std::optional<store::StoredRecord> stored = store::find_record(db, id);
  if (!stored) return std::nullopt;
  return record_json(*stored, store::person_of_record(db, id));
}

// Persons whose records match the query, a page at a time; "records" lists
// the matching records of the persons on the page.
nlohmann::json search(RequestContext& ctx) {
  const std::string q = ctx.query("q", "", 200);
  if (q.find_first_not_of(" \t") == std::string::npos) throw HttpError(400, "'q' is empty");
  const std::int64_t limit = ctx.query_int("limit", 50, 1, 200);
  const std::int64_t offset = ctx.query_int("offset", 0, 0, 1'000'000'000);
  pipeline::SearchResult found;
  {
    std::lock_guard lock(ctx.app.store_mutex);
    found = ctx.app.person_search.search(ctx.app.store.db(), q, static_cast<std::size_t>(limit),
                                         static_cast<std::size_t>(offset));
  }
  nlohmann::json persons = nlohmann::json::array();
  nlohmann::json records = nlohmann::json::array();
  for (const pipeline::PersonHit& p : found.persons) {
    nlohmann::json members = nlohmann::json::array();
    for (const pipeline::RecordHit& hit : p.records) {
      nlohmann::json row = record_json(hit.stored, hit.person);
      row["score"] = hit.score;
      members.push_back(row);
      records.push_back(std::move(row));
    }
    persons.push_back({{"person", p.person},
                       {"score", p.score},
                       {"record", p.records.front().stored.id},
                       {"records", std::move(members)}});
  }
  return {
      {"query", q},       {"total", found.total_records}, {"total_persons", found.total_persons},
      {"offset", offset}, {"persons", persons},           {"records", records}};
}

nlohmann::json person(RequestContext& ctx) {
  const std::int64_t id = ctx.ids[0];
  std::lock_guard lock(ctx.app.store_mutex);
  store::Store& store = ctx.app.store;
  if (!record_by_id(store.db(), id)) throw HttpError(404, "no such record");
  std::vector<std::int64_t> members = store::person_records(store.db(), id);
  std::sort(members.begin(), members.end());
  nlohmann::json records = nlohmann::json::array();
  for (std::int64_t m : members) {
    if (auto r = record_by_id(store.db(), m)) records.push_back(*r);
  }
  // The explanation of every scored pair within the person (bounded: a
  // person with many records shows the first pairs).
  nlohmann::json pairs = nlohmann::json::array();
  for (std::size_t i = 0; i < members.size() && pairs.size() < 60; ++i) {
    for (std::size_t j = i + 1; j < members.size() && pairs.size() < 60; ++j) {
      if (auto w = store::pair_explanation(store.db(), members[i], members[j])) {
        pairs.push_back({{"record_a", members[i]},
                         {"record_b", members[j]},
                         {"explanation", nlohmann::json::parse(*w, nullptr, false)}});
      }
    }
  }
  return {{"record", id}, {"records", records}, {"pairs", pairs}};
}

// The partner view (store/partner_view.h), a page at a time.
nlohmann::json pseudonymized(RequestContext& ctx) {
  const std::int64_t limit = ctx.query_int("limit", 100, 1, 1000);
  const std::int64_t offset = ctx.query_int("offset", 0, 0, 1'000'000'000);
  std::shared_ptr<const store::PartnerView> cached;
  {
    std::lock_guard lock(ctx.app.store_mutex);
    const std::int64_t seq = store::last_audit_entry(ctx.app.store.db()).seq;
    if (!ctx.app.partner_view || ctx.app.partner_view_seq != seq) {
      ctx.app.partner_view =
          std::make_shared<const store::PartnerView>(store::partner_view(ctx.app.store));
      ctx.app.partner_view_seq = seq;
    }
    cached = ctx.app.partner_view;
  }
  const store::PartnerView& view = *cached;
  nlohmann::json rows = nlohmann::json::array();
  const std::size_t from = std::min(view.rows.size(), static_cast<std::size_t>(offset));
  const std::size_t to = std::min(view.rows.size(), from + static_cast<std::size_t>(limit));
  for (std::size_t i = from; i < to; ++i) {
    const store::PartnerRecord& r = view.rows[i];
    rows.push_back({{"source", r.source},
                    {"record", r.record},
                    {"entity", io::or_null(r.entity)},
                    {"sex", io::or_null(r.sex)},
                    {"birth_year", io::or_null(r.birth_years)},
                    {"event", r.event},
                    {"event_date", io::or_null(r.event_year)},
                    {"event_place", io::or_null(r.event_place)},
                    {"testimony", io::or_null(r.testimony)}});
  }
  return {{"total", view.rows.size()},
          {"records", rows},
          {"disclosure",
           {{"least_group", store::kLeastGroup},
            {"unique_share", view.unique_share},
            {"unique_share_as_stored", view.unique_share_as_stored},
            {"generalized_rows", view.generalized_rows},
            {"rows_under_least_group", view.rows_under_least_group}}}};
}

}  // namespace

// For review_endpoints.cpp: one record as the API shows it.
std::optional<nlohmann::json> api_record(store::Database& db, std::int64_t id) {
  return record_by_id(db, id);
}

void add_record_endpoints(std::vector<Endpoint>& out) {
  const RoleSet readers = {Role::kDocumenter, Role::kReviewer};
  out.push_back({"GET",
                 "/api/search",
                 false,
                 readers,
                 "Persons with a record whose name matches the query in any spelling (Hangul, "
                 "RR, MR, DPRK), or whose record_id is the query; best first, a page at a time",
                 {{"q", "a name or record id", true},
                  {"limit", "persons, 1-200 (50)"},
                  {"offset", "persons, from 0"}},
                 false,
                 {},
                 search});
  out.push_back({"GET",
                 "/api/persons/{id}",
                 false,
                 readers,
                 "The person of record {id}: every linked record, its source, and the match "
                 "explanation of each scored pair",
                 {},
                 false,
                 {},
                 person});
  out.push_back({"GET",
                 "/api/records/pseudonymized",
                 false,
                 {Role::kAnalyst},
                 "Records without identifying fields, with keyed pseudonyms (as the partner "
                 "export)",
                 {{"limit", "1-1000 (100)"}, {"offset", "from 0"}},
                 false,
                 {},
                 pseudonymized});
}

}  // namespace uncounted::server

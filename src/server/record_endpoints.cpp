// Records and persons: search by any spelling, the person page, and the
// pseudonymized view for analysts (store/partner_view.h, the same rule as
// the partner export).

#include <algorithm>
#include <unordered_map>

#include "korean/name_comparison.h"
#include "pipeline/store_linkage.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"
#include "store/partner_view.h"

namespace uncounted::server {
namespace {

constexpr const char* kRecordColumns =
    "r.id, r.source, r.record_id, r.name, r.sex, r.birth_year, r.origin, r.event, r.event_date, "
    "r.event_place, r.testimony_id, e.entity_id";

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json record_row(const store::Statement& s) {
  return {{"id", s.column_int(0)},
          {"source", s.column_text(1)},
          {"record_id", s.column_text(2)},
          {"name", opt(s.column_optional_text(3))},
          {"sex", opt(s.column_optional_text(4))},
          {"birth_year", opt(s.column_optional_text(5))},
          {"origin", opt(s.column_optional_text(6))},
          {"event", s.column_text(7)},
          {"event_date", opt(s.column_optional_text(8))},
          {"event_place", opt(s.column_optional_text(9))},
          {"testimony_id", opt(s.column_optional_text(10))},
          {"entity_id", opt(s.column_optional_text(11))}};
}

std::optional<nlohmann::json> record_by_id(store::Database& db, std::int64_t id) {
  store::Statement s = db.prepare(std::string("SELECT ") + kRecordColumns +
                                  " FROM records r LEFT JOIN entities e ON e.record = r.id "
                                  "WHERE r.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return record_row(s);
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Prepared names by record id, kept between searches: preparing is the
// costly part of a search, and names rarely change. Guarded by the store
// mutex, like the store itself.
struct NameCache {
  std::unordered_map<std::int64_t, std::pair<std::string, korean::PreparedName>> names;
  const korean::PreparedName& get(std::int64_t id, const std::string& name) {
    auto it = names.find(id);
    if (it == names.end() || it->second.first != name) {
      it = names.insert_or_assign(id, std::make_pair(name, korean::prepare(name))).first;
    }
    return it->second.second;
  }
};

nlohmann::json search(RequestContext& ctx) {
  const std::string q = ctx.query("q", "", 200);
  if (q.find_first_not_of(" \t") == std::string::npos) throw HttpError(400, "'q' is empty");
  const std::int64_t limit = ctx.query_int("limit", 50, 1, 200);
  const korean::PreparedName wanted = korean::prepare(q);
  const std::string needle = lower_ascii(q);
  static NameCache cache;
  struct Hit {
    double score;
    nlohmann::json row;
  };
  std::vector<Hit> hits;
  std::lock_guard lock(ctx.app.store_mutex);
  store::Statement s = ctx.app.store.db().prepare(
      std::string("SELECT ") + kRecordColumns +
      " FROM records r LEFT JOIN entities e ON e.record = r.id ORDER BY r.id");
  while (s.step()) {
    double score = 0;
    const auto name = s.column_optional_text(3);
    if (name) {
      if (!wanted.empty()) {
        score = korean::compare(wanted, cache.get(s.column_int(0), *name)).score;
        if (score < korean::kDefaultMatchThreshold) score = 0;
      }
      if (score == 0 && lower_ascii(*name).find(needle) != std::string::npos) score = 0.75;
    }
    if (score == 0 && (lower_ascii(s.column_text(2)) == needle)) score = 1.0;
    if (score > 0) {
      nlohmann::json row = record_row(s);
      row["score"] = std::round(score * 1000) / 1000;
      hits.push_back({score, std::move(row)});
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.score > b.score; });
  nlohmann::json out = nlohmann::json::array();
  for (const Hit& h : hits) {
    if (static_cast<std::int64_t>(out.size()) >= limit) break;
    out.push_back(h.row);
  }
  return {{"query", q}, {"total", hits.size()}, {"records", out}};
}

nlohmann::json person(RequestContext& ctx) {
  const std::int64_t id = ctx.ids[0];
  std::lock_guard lock(ctx.app.store_mutex);
  store::Store& store = ctx.app.store;
  if (!record_by_id(store.db(), id)) throw HttpError(404, "no such record");
  std::vector<std::int64_t> members = pipeline::person_records(store, id);
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
      if (auto w = pipeline::pair_explanation(store, members[i], members[j])) {
        pairs.push_back({{"record_a", members[i]}, {"record_b", members[j]}, {"explanation", *w}});
      }
    }
  }
  return {{"record", id}, {"records", records}, {"pairs", pairs}};
}

// The partner view (store/partner_view.h), a page at a time.
nlohmann::json pseudonymized(RequestContext& ctx) {
  const std::int64_t limit = ctx.query_int("limit", 100, 1, 1000);
  const std::int64_t offset = ctx.query_int("offset", 0, 0, 1'000'000'000);
  std::lock_guard lock(ctx.app.store_mutex);
  const store::PartnerView view = store::partner_view(ctx.app.store);
  nlohmann::json rows = nlohmann::json::array();
  const std::size_t from = std::min(view.rows.size(), static_cast<std::size_t>(offset));
  const std::size_t to = std::min(view.rows.size(), from + static_cast<std::size_t>(limit));
  for (std::size_t i = from; i < to; ++i) {
    const store::PartnerRecord& r = view.rows[i];
    rows.push_back({{"source", r.source},
                    {"record", r.record},
                    {"entity", opt(r.entity)},
                    {"sex", opt(r.sex)},
                    {"birth_year", opt(r.birth_years)},
                    {"event", r.event},
                    {"event_date", opt(r.event_year)},
                    {"event_place", opt(r.event_place)},
                    {"testimony", opt(r.testimony)}});
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
                 "Records whose name matches the query in any spelling (Hangul, RR, MR, DPRK), "
                 "or whose record_id is the query",
                 {{"q", "a name or record id", true}, {"limit", "1-200 (50)"}},
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

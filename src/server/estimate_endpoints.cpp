// Estimates for the dashboard: per stratum, the documented count and each
// method's estimate with its interval (the spec's `estimates` document),
// and the overlap between sources (the capture histories).

#include "estimate/estimate_output.h"
#include "pipeline/store_estimation.h"
#include "report/warning_text.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"

namespace uncounted::server {
namespace {

std::vector<std::string> string_list(const nlohmann::json& body, const char* name,
                                     const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  if (!body.contains(name)) return out;
  const nlohmann::json& v = body[name];
  if (!v.is_array() || v.size() > 16) {
    throw HttpError(400, std::string("'") + name + "' must be a short array of strings");
  }
  for (const auto& item : v) {
    if (!item.is_string() || item.get_ref<const std::string&>().size() > 64) {
      throw HttpError(400, std::string("'") + name + "' must be a short array of strings");
    }
    const std::string& s = item.get_ref<const std::string&>();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
      throw HttpError(400, std::string("'") + name + "' has an unknown value");
    }
    out.push_back(s);
  }
  return out;
}

std::int64_t bounded(const nlohmann::json& body, const char* name, std::int64_t fallback,
                     std::int64_t min, std::int64_t max) {
  if (!body.contains(name)) return fallback;
  const nlohmann::json& v = body[name];
  if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max) {
    throw HttpError(400, std::string("'") + name + "' must be a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max));
  }
  return v.get<std::int64_t>();
}

bool flag(const nlohmann::json& body, const char* name) {
  if (!body.contains(name)) return false;
  if (!body[name].is_boolean())
    throw HttpError(400, std::string("'") + name + "' must be true or false");
  return body[name].get<bool>();
}

nlohmann::json overlap_json(const estimate::CaptureTable& table) {
  nlohmann::json strata = nlohmann::json::array();
  for (const estimate::Stratum& s : table.strata) {
    nlohmann::json cells = nlohmann::json::array();
    for (std::size_t pattern = 1; pattern < s.counts.size(); ++pattern) {
      if (s.counts[pattern] == 0) continue;
      nlohmann::json lists = nlohmann::json::array();
      for (std::size_t j = 0; j < table.lists.size(); ++j) {
        if (pattern & (std::size_t{1} << j)) lists.push_back(table.lists[j]);
      }
      cells.push_back({{"lists", lists}, {"count", s.counts[pattern]}});
    }
    strata.push_back({{"stratum", s.label()}, {"observed", s.observed()}, {"cells", cells}});
  }
  return {{"lists", table.lists}, {"strata", strata}};
}

// What one request asks for, checked before anything runs.
struct EstimateRequest {
  pipeline::StoreEstimateOptions options;
  bool sensitivity = false, sensitivity_only = false;
};

EstimateRequest parse_request(RequestContext& ctx) {
  EstimateRequest request;
  pipeline::StoreEstimateOptions& options = request.options;
  options.strata = string_list(ctx.body, "strata", {"event_place", "year", "sex", "event"});
  options.lists = string_list(ctx.body, "lists", {});
  options.events = string_list(ctx.body, "events", {});
  const std::string method = ctx.body.value("method", std::string("all"));
  options.estimate.method = estimate::parse_method(method);
  // Bounded so that one request cannot hold a core for long.
  options.estimate.lcmcr.iterations = bounded(ctx.body, "iterations", 10000, 1000, 200000);
  options.estimate.lcmcr.burn_in = bounded(ctx.body, "burn_in", 2000, 100, 50000);
  options.estimate.lcmcr.chains = static_cast<int>(bounded(ctx.body, "chains", 2, 1, 4));
  options.estimate.lcmcr.seed = static_cast<std::uint64_t>(bounded(ctx.body, "seed", 1, 0, 1e9));
  // Fewer plausible linkages than the command line's 20 by default, so
  // that the screen answers in seconds; the analyst can ask for more.
  options.linkage_draws = static_cast<int>(bounded(ctx.body, "linkage_draws", 10, 1, 50));
  options.linkage_seed = options.estimate.lcmcr.seed;
  options.min_observed = bounded(ctx.body, "min_observed", pipeline::kWebLeastObserved, 0, 1000000);
  options.min_list_records =
      bounded(ctx.body, "min_list_records", pipeline::kWebLeastListRecords, 0, 1000000000);
  // {"sensitivity": true, "sensitivity_only": true}: the sensitivity alone,
  // which the dashboard asks for after showing the estimates.
  request.sensitivity = flag(ctx.body, "sensitivity");
  request.sensitivity_only = flag(ctx.body, "sensitivity_only");
  return request;
}

nlohmann::json compute(AppState& app, EstimateRequest request) {
  const pipeline::StoreEstimateOptions& options = request.options;
  const bool sensitivity = request.sensitivity, only = request.sensitivity_only;
  std::optional<pipeline::LinkedRecords> linked;
  std::optional<nlohmann::json> quality;
  {
    // Only reading the store needs the lock; the estimators run without it.
    std::lock_guard lock(app.store_mutex);
    linked.emplace(app.store);
    quality = linked->quality();
  }
  nlohmann::json out = nlohmann::json::object();
  if (!only) {
    const estimate::CaptureTable table = linked->stored_table(options);
    const auto estimates = linked->estimate(options);
    out = nlohmann::json::parse(estimate::estimates_to_json(estimates, options.estimate).dump());
    // The dashboard shows each method's figures, not every fitted model:
    // the model lists made the demo's answer 12 MB (`estimate --json` has
    // them).
    for (auto& e : out["estimates"]) {
      if (e.contains("models") && e["method"] == "loglinear") e.erase("models");
      if (e.contains("models") && e["models"].size() > 5) {
        nlohmann::json top = nlohmann::json::array();
        for (std::size_t i = 0; i < 5; ++i) top.push_back(e["models"][i]);
        e["models"] = std::move(top);
      }
    }
    // Each stratum's warnings in Korean beside the English
    // (report/warning_text.h); null where no Korean text is known yet, and
    // the page shows the English.
    for (auto& st : out["stratum_warnings"]) {
      nlohmann::json korean = nlohmann::json::array();
      for (const auto& w : st["warnings"]) {
        const auto ko = report::known_korean_warning(w.get<std::string>());
        korean.push_back(ko ? nlohmann::json(*ko) : nlohmann::json(nullptr));
      }
      st["ko"] = std::move(korean);
    }
    out["overlap"] = overlap_json(table);
    // The linkage's own estimate of its accuracy, as `link --json` gave it.
    if (quality) out["linkage_quality"] = *quality;
    // Which records made the capture histories (pipeline CountedRecords).
    const auto counted = linked->counted_records(options.counted);
    out["records"] = pipeline::counted_records_to_json(counted);
  }
  if (sensitivity || only) {
    out["sensitivity"] = pipeline::sensitivity_to_json(linked->sensitivity(options));
  }
  return out;
}

// {"background": true}: 202 with a job to poll (GET /api/estimates/{id})
// and cancel (DELETE); else the answer itself.
nlohmann::json start_estimate(RequestContext& ctx) {
  EstimateRequest request = parse_request(ctx);
  if (!flag(ctx.body, "background")) return compute(ctx.app, std::move(request));
  AppState& app = ctx.app;
  const std::int64_t id = app.estimate_jobs.start(
      ctx.user(), [&app, request](const std::function<void(int, int)>& progress) {
        EstimateRequest with_progress = request;
        with_progress.options.progress = progress;
        return compute(app, std::move(with_progress));
      });
  ctx.status = 202;
  return {{"job", id}, {"state", "running"}};
}

nlohmann::json job_status(RequestContext& ctx) {
  const auto status = ctx.app.estimate_jobs.status(ctx.user(), ctx.ids[0]);
  if (!status) throw HttpError(404, "no such estimate");
  return *status;
}

nlohmann::json job_cancel(RequestContext& ctx) {
  if (!ctx.app.estimate_jobs.cancel(ctx.user(), ctx.ids[0])) {
    throw HttpError(404, "no such estimate");
  }
  return {{"job", ctx.ids[0]}, {"cancelling", true}};
}

}  // namespace

void add_estimate_endpoints(std::vector<Endpoint>& out) {
  out.push_back({"POST",
                 "/api/estimates",
                 false,
                 {Role::kAnalyst},
                 "Estimate the population per stratum (loglinear, lcmcr or all) and the "
                 "overlap between sources",
                 {},
                 true,
                 {{"method", "all"},
                  {"strata", {"event_place"}},
                  {"iterations", 10000},
                  {"linkage_draws", 10}},
                 start_estimate});
  out.push_back({"GET",
                 "/api/estimates/{id}",
                 false,
                 {Role::kAnalyst},
                 "An estimate started with \"background\": true: running (plausible linkages "
                 "done of total, seconds), done (with its result), failed or cancelled; the "
                 "starting user's only",
                 {},
                 false,
                 {},
                 job_status});
  out.push_back({"DELETE",
                 "/api/estimates/{id}",
                 false,
                 {Role::kAnalyst},
                 "Cancel a background estimate (it stops after the linkage being estimated)",
                 {},
                 false,
                 {},
                 job_cancel});
}

}  // namespace uncounted::server

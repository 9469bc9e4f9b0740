#pragma once
// The whole estimation job for one capture table: every stratum, every
// requested method, Chao's lower bound beside each. This is what the command
// line (`estimate --table`) and, later, the store-backed path call; it
// returns plain results, and estimate_output.h turns them into the spec's
// JSON or a readable table.

#include <optional>
#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/chao_lower_bound.h"
#include "estimate/dga.h"
#include "estimate/lcmcr.h"
#include "estimate/loglinear.h"

namespace uncounted::estimate {

enum class Method { kLoglinear, kLcmcr, kDga, kAll };

// "loglinear", "lcmcr", "dga" or "all"; throws usage_error otherwise.
Method parse_method(const std::string& text);
// Whether a run asked for METHOD runs WHICH (kAll runs every one).
inline bool runs(Method method, Method which) { return method == Method::kAll || method == which; }

struct EstimateOptions {
  Method method = Method::kAll;
  LoglinearOptions loglinear;
  LcmcrOptions lcmcr;
  DgaOptions dga;
};

// How much of an estimate comes from the linkage, when it was pooled over
// several plausible linkages (estimate/linkage_pooling.h).
struct LinkageSpread {
  int draws = 1;  // linkages pooled
  // By method: the share of the pooled interval's width that comes from
  // the linkage, 1 - (mean width over linkages) / (pooled width), in [0, 1].
  double loglinear = 0, lcmcr = 0, dga = 0;
};

struct StratumEstimate {
  std::vector<std::pair<std::string, std::string>> stratum;
  std::vector<std::string> lists;
  std::int64_t observed = 0;
  ChaoBound chao;
  std::optional<LoglinearResult> loglinear;
  std::optional<LcmcrResult> lcmcr;
  std::optional<DgaResult> dga;
  std::vector<std::string> warnings;  // sparsity and method warnings
  // Set for estimates made from linked records (the store).
  std::optional<LinkageSpread> linkage;
  // Set when no estimate was possible for this stratum, saying why.
  std::optional<std::string> skipped;
};

// Under this share of the estimate documented (more people unseen than
// seen) a stratum's estimate carries a warning: it then rests most on the
// assumption that the unseen are as easy to reach as the seen. Where the
// same people are hard to reach for every organization, every estimator is
// low, the more so the more of it they share and the fewer are documented
// (docs/estimation.md, "Why the camps are low": with a third to a half
// documented, 4-6% low when none of it is shared, 19-23% when half is).
inline constexpr double kDocumentedShareWarning = 0.5;

// The warning for E when under kDocumentedShareWarning of its estimate
// (LCMCR's, else the log-linear model's, else dga's) is documented.
std::optional<std::string> more_unseen_than_seen(const StratumEstimate& e);

// Estimates every stratum of TABLE. A stratum that cannot be estimated is
// returned with `skipped` set; when no stratum can be, throws invalid_input
// with the reason (for one stratum, its reason).
std::vector<StratumEstimate> estimate_population(const CaptureTable& table,
                                                 const EstimateOptions& options);

}  // namespace uncounted::estimate

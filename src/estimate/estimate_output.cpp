#include "estimate/estimate_output.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace uncounted::estimate {
namespace {

// ordered_json keeps the fields in the order of spec/cli.md's example.
using json = nlohmann::ordered_json;

// A number, or null when it is not finite (JSON has no NaN or infinity).
json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
json number(const std::optional<double>& x) { return x ? number(*x) : json(nullptr); }

json stratum_json(const StratumEstimate& e) {
  json s = json::object();
  for (const auto& [column, value] : e.stratum) s[column] = value;
  return s;
}

// A model whose N is more than this many times the people seen says
// nothing usable about the unobserved (LCMCR caps its draws at 21 times).
constexpr double kImplausibleMultiple = 20;

json model_json(const ModelFit& f, std::int64_t observed) {
  json m = {{"name", f.name},
            {"label", f.label},
            {"family", f.family},
            {"N", number(f.N)},
            {"se", number(f.se)},
            {"lower", number(f.lower)},
            {"upper", number(f.upper)},
            {"N_multinomial", number(f.N_multinomial)},
            {"deviance", number(f.deviance)},
            {"df", f.df},
            {"aic", number(f.aic)},
            {"bic", number(f.bic)},
            {"converged", f.converged},
            {"mle_exists", !f.boundary}};
  m["implausible"] =
      std::isfinite(f.N) && f.N > kImplausibleMultiple * static_cast<double>(observed);
  if (!f.removed.empty()) m["removed_terms"] = f.removed;
  if (!f.warnings.empty()) m["warnings"] = f.warnings;
  return m;
}

// "linkage": {"draws": M, "width_share": S} for estimates from linked records.
void add_linkage(json& entry, const StratumEstimate& e, double share) {
  if (e.linkage) entry["linkage"] = {{"draws", e.linkage->draws}, {"width_share", number(share)}};
}

json chao_json(const ChaoBound& c) {
  return {{"N", number(c.N)},
          {"lower", number(c.lower)},
          {"upper", number(c.upper)},
          {"f1", c.f1},
          {"f2", c.f2}};
}

std::string stratum_text(const StratumEstimate& e) {
  if (e.stratum.empty()) return "all records";
  std::string s;
  for (const auto& [column, value] : e.stratum) s += (s.empty() ? "" : ", ") + column + "=" + value;
  return s;
}

std::string fixed(double x, int decimals = 0) {
  if (!std::isfinite(x)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string fixed(const std::optional<double>& x) { return x ? fixed(*x) : "open"; }

}  // namespace

json estimates_to_json(const std::vector<StratumEstimate>& estimates,
                       const EstimateOptions& options) {
  json list = json::array();
  json skipped = json::array();
  json stratum_warnings = json::array();
  for (const StratumEstimate& e : estimates) {
    if (e.skipped) {
      skipped.push_back(
          {{"stratum", stratum_json(e)}, {"observed", e.observed}, {"reason", *e.skipped}});
      continue;
    }
    // Every warning of the stratum, whichever method said it (an entry's
    // own `warnings` are its method's).
    if (!e.warnings.empty())
      stratum_warnings.push_back({{"stratum", stratum_json(e)}, {"warnings", e.warnings}});
    if (e.loglinear) {
      const LoglinearResult& r = *e.loglinear;
      json entry = {{"stratum", stratum_json(e)},
                    {"lists", e.lists},
                    {"observed", e.observed},
                    {"method", "loglinear"}};
      if (r.selected) {
        const ModelFit& f = r.hierarchical[*r.selected];
        entry["model"] = f.label;
        entry["model_generators"] = f.name;
        entry["N"] = number(f.N);
        entry["se"] = number(f.se);
        entry["lower"] = number(f.lower);
        entry["upper"] = number(f.upper);
      } else {
        entry["model"] = nullptr;
        entry["N"] = entry["lower"] = entry["upper"] = nullptr;
      }
      entry["interval"] = options.loglinear.interval;
      entry["selection"] = "BIC";
      entry["search"] = r.search;
      if (r.averaged)
        entry["model_averaged"] = {{"weights", "BIC"},
                                   {"N", number(r.averaged->N)},
                                   {"se", number(r.averaged->se)},
                                   {"lower", number(r.averaged->lower)},
                                   {"upper", number(r.averaged->upper)},
                                   {"models_with_weight", r.averaged->models}};
      add_linkage(entry, e, e.linkage ? e.linkage->loglinear : 0);
      entry["chao_lower_bound"] = chao_json(e.chao);
      entry["warnings"] = e.warnings;
      json models = json::array();
      for (const ModelFit& f : r.hierarchical) models.push_back(model_json(f, e.observed));
      for (const ModelFit& f : r.closed) models.push_back(model_json(f, e.observed));
      entry["models"] = std::move(models);
      list.push_back(std::move(entry));
    }
    if (e.lcmcr) {
      const LcmcrResult& r = *e.lcmcr;
      const LcmcrOptions& o = options.lcmcr;
      json entry = {{"stratum", stratum_json(e)},
                    {"lists", e.lists},
                    {"observed", e.observed},
                    {"method", "lcmcr"},
                    {"model", describe(o)},
                    {"N", number(r.median)},
                    {"lower", number(r.lower)},
                    {"upper", number(r.upper)},
                    {"interval", o.interval},
                    {"mean", number(r.mean)},
                    {"sd", number(r.sd)},
                    {"diagnostics",
                     {{"rhat", number(r.rhat)},
                      {"ess", number(r.ess)},
                      {"chains", o.chains},
                      {"burn_in", o.burn_in},
                      {"iterations", o.iterations},
                      {"iterations_run", r.iterations_run},
                      {"stopped", r.stopped.empty() ? json("fixed length") : json(r.stopped)},
                      {"max_seconds", o.max_seconds},
                      {"thinning", o.thinning},
                      {"seed", o.seed},
                      {"seconds", number(r.seconds)},
                      {"sweeps_per_second_per_chain", number(r.sweeps_per_second_per_chain)}}},
                    {"chao_lower_bound", chao_json(e.chao)},
                    {"warnings", r.warnings}};
      add_linkage(entry, e, e.linkage ? e.linkage->lcmcr : 0);
      list.push_back(std::move(entry));
    }
    if (e.dga) {
      const DgaResult& r = *e.dga;
      json models = json::array();
      for (const DgaModel& m : r.models) {
        if (m.probability < 1e-6 && models.size() >= 10) break;
        models.push_back(
            {{"graph", m.label}, {"probability", number(m.probability)}, {"N", number(m.median)}});
      }
      json entry = {{"stratum", stratum_json(e)},
                    {"lists", e.lists},
                    {"observed", e.observed},
                    {"method", "dga"},
                    {"model", r.models.empty() ? "" : r.models.front().label},
                    {"N", number(r.median)},
                    {"lower", number(r.lower)},
                    {"upper", number(r.upper)},
                    {"interval", options.lcmcr.interval},
                    {"mean", number(r.mean)},
                    {"mode", number(r.mode)},
                    {"delta", r.delta},
                    {"prior", options.dga.log_prior.empty() ? "1/N" : "given"},
                    {"grid", {r.missing_from, r.missing_to}},
                    {"grid_step", r.missing_step},
                    {"models", std::move(models)},
                    {"seconds", number(r.seconds)},
                    {"chao_lower_bound", chao_json(e.chao)},
                    {"warnings", r.warnings}};
      add_linkage(entry, e, e.linkage ? e.linkage->dga : 0);
      list.push_back(std::move(entry));
    }
  }
  json doc = {{"estimates", std::move(list)}};
  if (!skipped.empty()) doc["skipped"] = std::move(skipped);
  doc["stratum_warnings"] = std::move(stratum_warnings);
  return doc;
}

std::string estimates_to_text(const std::vector<StratumEstimate>& estimates,
                              const EstimateOptions& options) {
  std::ostringstream out;
  const int pct = static_cast<int>(std::lround(options.loglinear.interval * 100));
  for (const StratumEstimate& e : estimates) {
    out << "Stratum: " << stratum_text(e) << "   lists: ";
    for (std::size_t j = 0; j < e.lists.size(); ++j) out << (j ? "," : "") << e.lists[j];
    out << "   observed: " << e.observed << "\n";
    if (e.skipped) {
      out << "  no estimate: " << *e.skipped << "\n\n";
      continue;
    }
    char line[256];
    std::snprintf(line, sizeof line, "  %-10s %-48s %10s %10s %10s\n", "method", "model", "N",
                  (std::to_string(pct) + "% low").c_str(), "high");
    out << line;
    auto row = [&](const char* method, const std::string& model, const std::string& n,
                   const std::string& lo, const std::string& hi) {
      std::snprintf(line, sizeof line, "  %-10s %-48s %10s %10s %10s\n", method,
                    model.substr(0, 48).c_str(), n.c_str(), lo.c_str(), hi.c_str());
      out << line;
    };
    if (e.loglinear) {
      const LoglinearResult& r = *e.loglinear;
      if (r.selected) {
        const ModelFit& f = r.hierarchical[*r.selected];
        row("loglinear", f.label + " (best BIC)", fixed(f.N), fixed(f.lower), fixed(f.upper));
      }
      if (r.averaged)
        row("loglinear", "BIC-weighted average", fixed(r.averaged->N), fixed(r.averaged->lower),
            fixed(r.averaged->upper));
    }
    if (e.lcmcr)
      row("lcmcr", describe(options.lcmcr) + " (median)", fixed(e.lcmcr->median),
          fixed(e.lcmcr->lower), fixed(e.lcmcr->upper));
    if (e.dga && !e.dga->models.empty())
      row("dga", "averaged over graphs, top " + e.dga->models.front().label + " (median)",
          fixed(e.dga->median), fixed(e.dga->lower), fixed(e.dga->upper));
    row("chao", "lower bound n + (t-1)/t f1^2/(2 f2)", fixed(e.chao.N), fixed(e.chao.lower),
        fixed(e.chao.upper));
    if (e.loglinear) {
      const LoglinearResult& r = *e.loglinear;
      out << "\n  Best log-linear models by BIC (" << r.hierarchical.size() << " fitted, "
          << r.search << " search):\n";
      std::snprintf(line, sizeof line, "    %-44s %10s %9s %9s %4s %10s %10s\n", "model", "N", "se",
                    "deviance", "df", "AIC", "BIC");
      out << line;
      auto model_row = [&](const ModelFit& f) {
        // A model can put nearly everyone among the unobserved (N in the
        // hundreds of billions from a few thousand people seen): flagged,
        // so that no one reads it as an estimate.
        const bool implausible =
            std::isfinite(f.N) && f.N > kImplausibleMultiple * static_cast<double>(e.observed);
        std::snprintf(line, sizeof line, "    %-44s %10s %9s %9s %4d %10s %10s%s\n",
                      f.label.substr(0, 44).c_str(), fixed(f.N, 1).c_str(), fixed(f.se, 1).c_str(),
                      fixed(f.deviance, 2).c_str(), f.df, fixed(f.aic, 2).c_str(),
                      fixed(f.bic, 2).c_str(),
                      !f.usable()   ? "  (no MLE)"
                      : implausible ? "  (implausible: over 20x the people seen)"
                                    : "");
        out << line;
      };
      for (std::size_t i = 0; i < r.hierarchical.size() && i < 5; ++i) model_row(r.hierarchical[i]);
      if (!r.closed.empty()) {
        out << "  Closed-population models (Rcapture closedp):\n";
        for (const ModelFit& f : r.closed) model_row(f);
      }
    }
    if (e.lcmcr)
      out << "\n  LCMCR diagnostics: R-hat " << fixed(e.lcmcr->rhat, 3) << ", ESS "
          << fixed(e.lcmcr->ess) << ", " << options.lcmcr.chains << " chains, "
          << fixed(e.lcmcr->seconds, 1) << " s"
          << (e.lcmcr->stopped == "converged"  ? " (ran until converged)"
              : e.lcmcr->stopped == "time cap" ? " (stopped at the time cap, not converged)"
                                               : "")
          << "\n";
    if (e.dga) {
      out << "\n  dga (delta " << e.dga->delta
          << ", prior on N 1/N): graphs by posterior probability\n";
      for (std::size_t i = 0; i < e.dga->models.size() && i < 5; ++i) {
        const DgaModel& m = e.dga->models[i];
        std::snprintf(line, sizeof line, "    %-24s %8.4f   N given the graph %s\n",
                      m.label.c_str(), m.probability, fixed(m.median).c_str());
        out << line;
      }
    }
    if (e.linkage && e.linkage->draws > 1) {
      out << "\n  Linkage: pooled over " << e.linkage->draws
          << " plausible linkages drawn from the scored pairs; share of each interval's width "
             "that comes from the linkage:";
      const auto share = [](double s) {
        return std::isfinite(s) ? fixed(100 * s) + "%" : std::string("not known");
      };
      if (e.loglinear) out << " loglinear " << share(e.linkage->loglinear);
      if (e.lcmcr) out << " lcmcr " << share(e.linkage->lcmcr);
      if (e.dga) out << " dga " << share(e.linkage->dga);
      out << "\n";
    } else if (e.linkage) {
      out << "\n  Linkage: no uncertain pair; the estimate is of one linkage\n";
    }
    for (const auto& w : e.warnings) out << "  warning: " << w << "\n";
    out << "\n";
  }
  return out.str();
}

}  // namespace uncounted::estimate

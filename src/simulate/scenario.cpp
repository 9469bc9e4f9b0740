#include "simulate/scenario.h"

#include <cmath>
#include <functional>
#include <set>

#include "data/embedded_file.h"
#include "model/error.h"
#include "model/event_type.h"
#include "places/gazetteer.h"

namespace uncounted::simulate {
namespace {

using nlohmann::json;

// Reads the fields of one JSON object, checking each, and rejects fields it
// was never asked about (a misspelt field would otherwise silently keep its
// default).
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) throw invalid_input("must be a JSON object", label());
  }

  std::string field(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
  }

  bool has(const std::string& key) {
    seen_.insert(key);
    return object_.contains(key) && !object_.at(key).is_null();
  }

  double number(const std::string& key, double fallback, double lo, double hi, const char* range) {
    if (!has(key)) return fallback;
    const json& v = object_.at(key);
    if (!v.is_number()) throw invalid_input("must be a number", field(key));
    const double x = v.get<double>();
    if (!std::isfinite(x) || x < lo || x > hi)
      throw invalid_input(std::string("must be ") + range, field(key));
    return x;
  }

  double probability(const std::string& key, double fallback) {
    return number(key, fallback, 0, 1, "a probability in [0, 1]");
  }

  int integer(const std::string& key, int fallback, int lo, int hi) {
    if (!has(key)) return fallback;
    const json& v = object_.at(key);
    if (!v.is_number_integer()) throw invalid_input("must be a whole number", field(key));
    const auto x = v.get<std::int64_t>();
    if (x < lo || x > hi)
      throw invalid_input("must be between " + std::to_string(lo) + " and " + std::to_string(hi),
                          field(key));
    return static_cast<int>(x);
  }

  std::string text(const std::string& key, const std::string& fallback) {
    if (!has(key)) return fallback;
    const json& v = object_.at(key);
    if (!v.is_string()) throw invalid_input("must be a string", field(key));
    return v.get<std::string>();
  }

  // An object of name -> non-negative weight; CHECK_NAME throws for a name
  // that is not allowed. REQUIRE_POSITIVE: the weights must not all be 0.
  Weights weights(const std::string& key, const Weights& fallback,
                  const std::function<void(const std::string&, const std::string&)>& check_name,
                  bool require_positive = true) {
    if (!has(key)) return fallback;
    const json& v = object_.at(key);
    if (!v.is_object()) throw invalid_input("must be an object of name: weight", field(key));
    Weights out;
    double total = 0;
    for (auto item = v.begin(); item != v.end(); ++item) {
      const std::string f = field(key) + "." + item.key();
      check_name(item.key(), f);
      const json& weight = item.value();
      const double x = weight.is_number() ? weight.get<double>() : -1;
      if (!std::isfinite(x) || x < 0) throw invalid_input("must be a non-negative number", f);
      out.emplace_back(item.key(), x);
      total += x;
    }
    if (require_positive && !(total > 0))
      throw invalid_input("needs at least one positive weight", field(key));
    return out;
  }

  const json& at(const std::string& key) const { return object_.at(key); }

  void reject_unknown() const {
    for (const auto& [key, value] : object_.items())
      if (!seen_.count(key)) throw invalid_input("unknown field", field(key));
  }

  std::string label() const { return path_.empty() ? "scenario" : path_; }

 private:
  const json& object_;
  std::string path_;
  std::set<std::string> seen_;
};

void check_in(const std::set<std::string>& allowed, const std::string& name,
              const std::string& where) {
  if (!allowed.count(name)) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw invalid_input("unknown name; expected one of " + list, where);
  }
}

void check_event(const std::string& code, const std::string& where) {
  if (!find_event_type(code)) throw invalid_input("unknown event code", where);
}

void check_place(const std::string& id, const std::string& where) {
  if (!places::gazetteer().find(id)) throw invalid_input("unknown gazetteer id", where);
}

void check_facility(const std::string& id, const std::string& where) {
  const places::Place* p = places::gazetteer().find(id);
  if (!p) throw invalid_input("unknown gazetteer id", where);
  if (!places::is_facility(p->kind)) throw invalid_input("not a detention facility", where);
}

const std::set<std::string> kCauses = {"foreign_media",        "smuggled_goods",
                                       "appearance_violation", "family_punishment",
                                       "forced_repatriation",  "other"};
const std::set<std::string> kNameStyles = {"hangul", "hangul_south", "dprk", "mr",
                                           "rr",     "press",        "both"};
const std::set<std::string> kDateStyles = {"day",         "month",  "season", "year",
                                           "approximate", "decade", "missing"};
const std::set<std::string> kPlaceStyles = {"name", "hangul", "alias", "county", "missing"};
const std::set<std::string> kStrata = {"event_place", "year", "sex", "event"};

PopulationSpec read_population(const json& j, const std::string& path) {
  ObjectReader r(j, path);
  PopulationSpec p;
  p.size = r.integer("size", 0, 1, 2'000'000);
  if (!r.has("size")) throw invalid_input("is required (the number of people)", r.field("size"));
  p.first_year = r.integer("first_year", p.first_year, 1950, 2100);
  p.last_year = r.integer("last_year", p.last_year, 1950, 2100);
  if (p.last_year < p.first_year)
    throw invalid_input("must not be before first_year", r.field("last_year"));
  p.birth_first = r.integer("birth_first", p.birth_first, 1900, 2100);
  p.birth_last = r.integer("birth_last", p.birth_last, 1900, 2100);
  if (p.birth_last < p.birth_first)
    throw invalid_input("must not be before birth_first", r.field("birth_last"));
  if (p.birth_last >= p.last_year)
    throw invalid_input("people must be born before the last arrest year", r.field("birth_last"));
  p.female_share = r.probability("female_share", p.female_share);
  p.causes = r.weights("causes", {{"other", 1}},
                       [](const std::string& n, const std::string& w) { check_in(kCauses, n, w); });
  p.facilities = r.weights("facilities", {}, check_facility);
  if (p.facilities.empty())
    throw invalid_input("is required (detention facilities and their weights)",
                        r.field("facilities"));
  p.interrogation = r.probability("interrogation", p.interrogation);
  p.transfer = r.probability("transfer", p.transfer);
  p.death_in_custody = r.probability("death_in_custody", p.death_in_custody);
  p.execution = r.probability("execution", p.execution);
  if (p.death_in_custody + p.execution > 1)
    throw invalid_input("death_in_custody + execution must not exceed 1", r.field("execution"));
  if (r.has("names")) {
    const json& v = r.at("names");
    if (!v.is_string() || !parse_name_concentration(v.get<std::string>(), p.names)) {
      throw invalid_input("must be \"diverse\", \"realistic\" or \"extreme\"", r.field("names"));
    }
  }
  r.reject_unknown();
  return p;
}

WritingSpec read_writing(const json& j, const std::string& path) {
  ObjectReader r(j, path);
  WritingSpec w;
  w.names = r.weights("names", {{"hangul", 1}}, [](const std::string& n, const std::string& f) {
    check_in(kNameStyles, n, f);
  });
  w.dates = r.weights("dates", {{"day", 1}}, [](const std::string& n, const std::string& f) {
    check_in(kDateStyles, n, f);
  });
  w.korean_dates = r.probability("korean_dates", w.korean_dates);
  w.places = r.weights("places", {{"name", 1}}, [](const std::string& n, const std::string& f) {
    check_in(kPlaceStyles, n, f);
  });
  w.sex_style = r.text("sex_style", w.sex_style);
  if (w.sex_style != "code" && w.sex_style != "korean") {
    throw invalid_input("must be \"code\" (M/F) or \"korean\" (남/여)", r.field("sex_style"));
  }
  w.name_typo = r.probability("name_typo", w.name_typo);
  w.place_typo = r.probability("place_typo", w.place_typo);
  w.date_error = r.probability("date_error", w.date_error);
  w.birth_year_error = r.probability("birth_year_error", w.birth_year_error);
  w.missing_name = r.probability("missing_name", w.missing_name);
  w.missing_sex = r.probability("missing_sex", w.missing_sex);
  w.missing_birth_year = r.probability("missing_birth_year", w.missing_birth_year);
  w.missing_origin = r.probability("missing_origin", w.missing_origin);
  r.reject_unknown();
  return w;
}

bool valid_source_code(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

OrganizationSpec read_organization(const json& j, const std::string& path,
                                   const std::vector<OrganizationSpec>& earlier) {
  ObjectReader r(j, path);
  OrganizationSpec o;
  o.code = r.text("code", "");
  if (!valid_source_code(o.code))
    throw invalid_input("must be 1-64 of A-Z a-z 0-9 _ -", r.field("code"));
  for (const auto& e : earlier)
    if (e.code == o.code) throw invalid_input("is used by two organizations", r.field("code"));
  o.capture = r.probability("capture", o.capture);
  o.heterogeneity = r.number("heterogeneity", -1, -1, 5, "between 0 and 5");
  o.first_year = r.integer("first_year", 0, 0, 2100);
  o.last_year = r.integer("last_year", 0, 0, 2100);
  if (o.last_year != 0 && o.last_year < o.first_year)
    throw invalid_input("must not be before first_year", r.field("last_year"));
  o.place_odds = r.weights("place_odds", {}, check_place, false);
  o.event_odds = r.weights("event_odds", {}, check_event, false);
  if (r.has("referrals")) {
    const json& refs = r.at("referrals");
    if (!refs.is_array()) throw invalid_input("must be an array", r.field("referrals"));
    for (std::size_t i = 0; i < refs.size(); ++i) {
      ObjectReader rr(refs[i], r.field("referrals") + "[" + std::to_string(i) + "]");
      Referral ref;
      ref.from = rr.text("from", "");
      bool known = false;
      for (const auto& e : earlier) known = known || e.code == ref.from;
      if (!known)
        throw invalid_input("must name an organization listed before this one", rr.field("from"));
      ref.odds_ratio = rr.number("odds_ratio", 1, 0.01, 100, "between 0.01 and 100");
      rr.reject_unknown();
      o.referrals.push_back(ref);
    }
  }
  o.writing = r.has("writing") ? read_writing(r.at("writing"), r.field("writing"))
                               : read_writing(json::object(), r.field("writing"));
  r.reject_unknown();
  return o;
}

}  // namespace

Scenario parse_scenario(const json& document, const std::string& where) {
  try {
    ObjectReader r(document, "");
    Scenario s;
    s.name = r.text("name", s.name);
    if (!r.has("population")) throw invalid_input("is required", "population");
    s.population = read_population(r.at("population"), "population");
    s.heterogeneity = r.number("heterogeneity", s.heterogeneity, 0, 5, "between 0 and 5");
    s.shared_heterogeneity = r.probability("shared_heterogeneity", s.shared_heterogeneity);
    if (!r.has("organizations") || !r.at("organizations").is_array() ||
        r.at("organizations").empty())
      throw invalid_input("needs at least one organization (a non-empty array)", "organizations");
    const json& orgs = r.at("organizations");
    if (orgs.size() > 16) throw invalid_input("at most 16 organizations", "organizations");
    for (std::size_t i = 0; i < orgs.size(); ++i)
      s.organizations.push_back(
          read_organization(orgs[i], "organizations[" + std::to_string(i) + "]", s.organizations));
    if (r.has("estimation")) {
      ObjectReader e(r.at("estimation"), "estimation");
      if (e.has("events")) {
        s.estimation.events = e.at("events").get<std::vector<std::string>>();
        for (const auto& code : s.estimation.events) check_event(code, e.field("events"));
      }
      if (e.has("strata")) {
        s.estimation.strata = e.at("strata").get<std::vector<std::string>>();
        for (const auto& c : s.estimation.strata) check_in(kStrata, c, e.field("strata"));
      }
      e.reject_unknown();
    }
    r.reject_unknown();
    return s;
  } catch (const Error& e) {
    throw Error(e.kind(), e.what(), where.empty() ? e.where() : where + ": " + e.where());
  } catch (const nlohmann::json::exception&) {
    throw invalid_input("a field has the wrong JSON type", where);
  }
}

std::string default_scenario_text() {
  const auto text = data::embedded_file("scenario_default.json");
  if (!text) throw runtime_error("embedded scenario missing", "data/scenario_default.json");
  return std::string(*text);
}

Scenario default_scenario() {
  return parse_scenario(json::parse(default_scenario_text()), "data/scenario_default.json");
}

}  // namespace uncounted::simulate

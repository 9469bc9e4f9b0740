#include "simulate/record_writer.h"

#include "places/gazetteer.h"
#include "simulate/name_writer.h"

namespace uncounted::simulate {
namespace {

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::vector<double> weights_of(const Weights& w) {
  std::vector<double> out;
  for (const auto& [name, weight] : w) out.push_back(weight);
  return out;
}

}  // namespace

std::string format_date(CivilDate d, const std::string& style, bool korean) {
  const std::string y = std::to_string(d.year);
  if (style == "day")
    return korean ? y + "년 " + std::to_string(d.month) + "월 " + std::to_string(d.day) + "일"
                  : y + "-" + two_digits(d.month) + "-" + two_digits(d.day);
  if (style == "month")
    return korean ? y + "년 " + std::to_string(d.month) + "월"
                  : (d.day % 2 ? y + "-" + two_digits(d.month)
                               : std::string(kMonths[d.month - 1]) + " " + y);
  if (style == "season") {
    // Winter runs from December into the next year and is named for its first year.
    static const char* const kSeasons[] = {"winter", "spring", "summer", "autumn"};
    static const char* const kKorean[] = {"겨울", "봄", "여름", "가을"};
    const int season = (d.month % 12) / 3;
    const int year = d.month <= 2 ? d.year - 1 : d.year;
    return korean ? std::to_string(year) + "년 " + kKorean[season]
                  : std::string(kSeasons[season]) + " " + std::to_string(year);
  }
  if (style == "year") return korean ? y + "년" : y;
  if (style == "approximate") return korean ? y + "년경" : "c. " + y;
  if (style == "decade") {
    const std::string decade = std::to_string(d.year / 10 * 10);
    return korean ? decade + "년대" : decade + "s";
  }
  return "";
}

RecordWriter::RecordWriter(std::string source, const WritingSpec& spec)
    : source_(std::move(source)),
      spec_(spec),
      name_weights_(weights_of(spec.names)),
      date_weights_(weights_of(spec.dates)),
      place_weights_(weights_of(spec.places)) {}

const std::vector<std::string>& RecordWriter::spellings(const std::string& id) {
  auto found = spellings_.find(id);
  if (found != spellings_.end()) return found->second;
  const auto& g = places::gazetteer();
  std::vector<std::string> out;
  if (const places::Place* p = g.find(id)) {
    std::vector<std::string> candidates = {p->name, p->hangul, p->rr, p->mr, p->dprk};
    candidates.insert(candidates.end(), p->aliases.begin(), p->aliases.end());
    for (const std::string& c : candidates) {
      if (c.empty()) continue;
      const places::PlaceMatch m = g.lookup(c);
      if (m.place && m.place->id == id) out.push_back(c);
    }
    if (out.empty()) out.push_back(p->name);
  }
  return spellings_.emplace(id, std::move(out)).first->second;
}

std::string RecordWriter::write_place(const std::string& id, RandomStream& random) {
  const places::Place* p = places::gazetteer().find(id);
  if (!p) return "";
  const std::string& style = spec_.places[random.categorical(place_weights_)].first;
  std::string text;
  if (style == "missing") return "";
  if (style == "county" && places::is_facility(p->kind) && !p->parent.empty()) {
    // The county's name alone, as witnesses often name the camp ("Yodok").
    if (const places::Place* county = places::gazetteer().find(p->parent)) {
      std::string text = county->name;
      if (random.bernoulli(spec_.place_typo)) text = with_typo(text, random);
      return text;
    }
  }
  const auto& ok = spellings(id);
  if (style == "name" || style == "hangul") {
    const std::string& wanted = style == "name" ? p->name : p->hangul;
    // The canonical spelling when the gazetteer reads it back, else any.
    text = ok.front();
    for (const std::string& s : ok)
      if (s == wanted) text = s;
  } else {
    text = ok[random.between(0, static_cast<int>(ok.size()) - 1)];
  }
  if (random.bernoulli(spec_.place_typo)) text = with_typo(text, random);
  return text;
}

std::string RecordWriter::write_date(CivilDate date, RandomStream& random) const {
  const std::string& style = spec_.dates[random.categorical(date_weights_)].first;
  if (random.bernoulli(spec_.date_error)) date.year += random.bernoulli(0.5) ? 1 : -1;
  if (date.month == 2 && date.day == 29) date.day = 28;
  return format_date(date, style, random.bernoulli(spec_.korean_dates));
}

std::string RecordWriter::write_birth_year(int year, RandomStream& random) const {
  if (random.bernoulli(spec_.birth_year_error))
    year += random.bernoulli(0.5) ? random.between(1, 2) : -random.between(1, 2);
  const double u = random.uniform();
  const std::string y = std::to_string(year);
  if (u < 0.7) return y;
  if (u < 0.85) return "c." + y;
  if (u < 0.95) return std::to_string(year / 10 * 10) + "s";
  return "Juche " + std::to_string(year - 1911);
}

Record RecordWriter::write(const TruePerson& person, const TrueEvent& event, std::string record_id,
                           RandomStream& random) {
  Record r;
  r.source = source_;
  r.record_id = std::move(record_id);
  r.event = event.code;
  r.true_id = person.id;
  if (!random.bernoulli(spec_.missing_name)) {
    const std::string& style = spec_.names[random.categorical(name_weights_)].first;
    std::string name = write_name(person.name, style, random);
    if (random.bernoulli(spec_.name_typo)) name = with_typo(name, random);
    r.name = name;
  }
  if (!random.bernoulli(spec_.missing_sex)) r.sex = person.female ? Sex::kFemale : Sex::kMale;
  if (!random.bernoulli(spec_.missing_birth_year))
    r.birth_year = write_birth_year(person.birth_year, random);
  if (!random.bernoulli(spec_.missing_origin)) {
    std::string origin = write_place(person.origin_id, random);
    if (!origin.empty()) r.origin = origin;
  }
  if (std::string date = write_date(event.date, random); !date.empty()) r.event_date = date;
  if (std::string place = write_place(event.place_id, random); !place.empty())
    r.event_place = place;
  return r;
}

}  // namespace uncounted::simulate

#include "simulate/hidden_population.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "korean/surname_table.h"
#include "korean/syllable_prior.h"
#include "model/error.h"
#include "places/gazetteer.h"

namespace uncounted::simulate {
namespace {

// Family and given names as they are distributed, drawn by weight.
class NameSampler {
 public:
  NameSampler() {
    for (const korean::Surname& s : korean::SurnameTable::instance().all()) {
      if (s.north.empty() || s.north.size() > 2) continue;
      surnames_.push_back(&s);
      surname_weights_.push_back(s.share);
    }
    // Listed given-name syllables with Sino-Korean finals cost at most 1.6
    // (syllable_prior.cpp); exp(-2 cost) makes the most usual syllables about
    // 25 times likelier than the rare listed ones.
    for (int s = 0; s < korean::kSyllableCount; ++s) {
      const float cost = korean::given_syllable_cost(static_cast<korean::SyllableIndex>(s));
      if (cost > 1.7f) continue;
      syllables_.push_back(static_cast<korean::SyllableIndex>(s));
      syllable_weights_.push_back(std::exp(-2.0 * cost));
    }
    if (surnames_.empty() || syllables_.empty())
      throw runtime_error("the name tables are empty", "simulate");
  }

  korean::HangulName draw(RandomStream& random) const {
    korean::HangulName name;
    const korean::Surname& surname = *surnames_[random.categorical(surname_weights_)];
    for (char32_t cp : surname.north) name.syllables[name.length++] = korean::syllable_index(cp);
    name.surname_length = name.length;
    // About one given name in ten has a single syllable.
    const int given = random.bernoulli(0.1) ? 1 : 2;
    for (int i = 0; i < given; ++i) {
      korean::SyllableIndex s;
      do {
        s = syllables_[random.categorical(syllable_weights_)];
      } while (i > 0 && s == name.syllables[name.length - 1]);  // 철철 is rare
      name.syllables[name.length++] = s;
    }
    return name;
  }

 private:
  std::vector<const korean::Surname*> surnames_;
  std::vector<double> surname_weights_;
  std::vector<korean::SyllableIndex> syllables_;
  std::vector<double> syllable_weights_;
};

// The gazetteer's places by role in a person's path.
struct PlacePools {
  std::vector<const places::Place*> origins;     // cities and counties
  std::vector<const places::Place*> border;      // holding centres for returnees
  std::vector<const places::Place*> security;    // State Security detention centres
  std::vector<const places::Place*> facilities;  // the scenario's facilities
  std::vector<double> facility_weights;

  explicit PlacePools(const PopulationSpec& spec) {
    const auto& g = places::gazetteer();
    for (const places::Place& p : g.places()) {
      if (p.kind == places::PlaceKind::kCity || p.kind == places::PlaceKind::kCounty)
        origins.push_back(&p);
      if (p.kind == places::PlaceKind::kJipkyulso) border.push_back(&p);
      if (p.kind == places::PlaceKind::kSsdDetention) security.push_back(&p);
    }
    for (const auto& [id, weight] : spec.facilities) {
      facilities.push_back(g.find(id));
      facility_weights.push_back(weight);
    }
    if (origins.empty() || border.empty() || security.empty())
      throw runtime_error("the gazetteer lacks places the simulator needs", "simulate");
  }
};

template <typename T>
const T& pick(const std::vector<T>& items, RandomStream& random) {
  return items[random.between(0, static_cast<int>(items.size()) - 1)];
}

CivilDate later(const CivilDate& date, int min_days, int max_days, RandomStream& random) {
  return from_days(to_days(date) + random.between(min_days, max_days));
}

std::string detention_code(places::PlaceKind kind) {
  switch (kind) {
    case places::PlaceKind::kKwanliso:
      return "detention_kwanliso";
    case places::PlaceKind::kKyohwaso:
      return "detention_kyohwaso";
    default:
      return "detention_other";
  }
}

// One person's path: the act or circumstance that led to arrest, arrest,
// interrogation, detention, perhaps a transfer, perhaps death.
std::vector<TrueEvent> draw_path(const PopulationSpec& spec, const PlacePools& pools,
                                 const std::string& origin, std::vector<double>& cause_weights,
                                 RandomStream& random) {
  std::vector<TrueEvent> events;
  const CivilDate arrested{random.between(spec.first_year, spec.last_year), random.between(1, 12),
                           random.between(1, 28)};
  const std::string& cause = spec.causes[random.categorical(cause_weights)].first;
  std::string arrest_place = origin;
  const places::Place* security = pick(pools.security, random);
  if (cause == "forced_repatriation") {
    const places::Place* centre = pick(pools.border, random);
    events.push_back({"forced_repatriation", arrested, centre->id});
    arrest_place = centre->parent.empty() ? centre->id : centre->parent;
    // Returnees are questioned by State Security where they were handed over.
    for (const places::Place* s : pools.security)
      if (s->parent == centre->parent) security = s;
  } else if (cause != "other") {
    const CivilDate act = from_days(to_days(arrested) - random.between(0, 120));
    events.push_back({cause, cause == "family_punishment" ? arrested : act, origin});
  }
  events.push_back({"arrest", arrested, arrest_place});
  CivilDate when = arrested;
  if (random.bernoulli(spec.interrogation)) {
    when = later(when, 1, 30, random);
    events.push_back({"interrogation", when, security->id});
  }
  const places::Place* facility = pools.facilities[random.categorical(pools.facility_weights)];
  when = later(when, 20, 180, random);
  events.push_back({detention_code(facility->kind), when, facility->id});
  if (random.bernoulli(spec.transfer) && pools.facilities.size() > 1) {
    const places::Place* next = facility;
    while (next == facility) next = pools.facilities[random.categorical(pools.facility_weights)];
    facility = next;
    when = later(when, 180, 5 * 365, random);
    events.push_back({detention_code(facility->kind), when, facility->id});
  }
  const double fate = random.uniform();
  if (fate < spec.death_in_custody) {
    events.push_back({"death_in_custody", later(when, 30, 8 * 365, random), facility->id});
  } else if (fate < spec.death_in_custody + spec.execution) {
    events.push_back({"execution", later(when, 10, 3 * 365, random), facility->id});
  }
  return events;
}

}  // namespace

std::vector<TruePerson> draw_population(const PopulationSpec& spec, RandomStream& random) {
  static const NameSampler names;
  const PlacePools pools(spec);
  std::vector<double> cause_weights;
  for (const auto& [cause, weight] : spec.causes) cause_weights.push_back(weight);
  std::vector<TruePerson> people;
  people.reserve(static_cast<std::size_t>(spec.size));
  for (int i = 0; i < spec.size; ++i) {
    TruePerson p;
    char id[16];
    std::snprintf(id, sizeof id, "P%06d", i + 1);
    p.id = id;
    p.name = names.draw(random);
    p.female = random.bernoulli(spec.female_share);
    p.birth_year = random.between(spec.birth_first, spec.birth_last);
    p.origin_id = pick(pools.origins, random)->id;
    p.events = draw_path(spec, pools, p.origin_id, cause_weights, random);
    // Nobody is arrested before the age of 14: such people are born earlier.
    for (const auto& e : p.events) p.birth_year = std::min(p.birth_year, e.date.year - 14);
    people.push_back(std::move(p));
  }
  return people;
}

}  // namespace uncounted::simulate

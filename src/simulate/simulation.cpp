#include "simulate/simulation.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "simulate/capture_process.h"
#include "simulate/record_writer.h"

namespace uncounted::simulate {
namespace {

using Key = std::vector<std::pair<std::string, std::string>>;

bool counts_for_estimation(const Scenario& s, const TrueEvent& e) {
  return s.estimation.events.empty() ||
         std::find(s.estimation.events.begin(), s.estimation.events.end(), e.code) !=
             s.estimation.events.end();
}

// The stratum an event falls into, valued as the store's estimation names
// strata (pipeline/store_estimation.h): gazetteer id, year, M/F, event code.
Key stratum_key(const Scenario& s, const TruePerson& p, const TrueEvent& e) {
  Key key;
  for (const std::string& column : s.estimation.strata) {
    if (column == "event_place") key.emplace_back(column, e.place_id);
    if (column == "year") key.emplace_back(column, std::to_string(e.date.year));
    if (column == "sex") key.emplace_back(column, p.female ? "F" : "M");
    if (column == "event") key.emplace_back(column, e.code);
  }
  return key;
}

std::vector<TrueStratum> true_strata(const Scenario& s, const std::vector<TruePerson>& people,
                                     const Documentation& doc) {
  const std::size_t orgs = s.organizations.size();
  std::map<Key, TrueStratum> strata;
  std::vector<std::pair<Key, std::uint32_t>> patterns;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const TruePerson& p = people[i];
    // The person's capture pattern in each stratum their events fall into
    // (a person has a handful of events: a vector, not a map).
    patterns.clear();
    for (std::size_t e = 0; e < p.events.size(); ++e) {
      if (!counts_for_estimation(s, p.events[e])) continue;
      Key key = stratum_key(s, p, p.events[e]);
      auto found = std::find_if(patterns.begin(), patterns.end(),
                                [&](const auto& kp) { return kp.first == key; });
      if (found == patterns.end()) found = patterns.emplace(patterns.end(), std::move(key), 0u);
      std::uint32_t& pattern = found->second;
      for (std::size_t o = 0; o < orgs; ++o) {
        const auto& seen = doc.documented[o][i];
        if (std::find(seen.begin(), seen.end(), static_cast<int>(e)) != seen.end())
          pattern |= 1u << o;
      }
    }
    for (const auto& [key, pattern] : patterns) {
      TrueStratum& t = strata[key];
      if (t.counts.empty()) {
        t.key = key;
        t.counts.assign(std::size_t{1} << orgs, 0);
      }
      ++t.total;
      if (pattern != 0) ++t.documented;
      ++t.counts[pattern];
    }
  }
  std::vector<TrueStratum> out;
  for (auto& [key, t] : strata) out.push_back(std::move(t));
  return out;
}

std::string record_id(const std::string& source, std::size_t n) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06zu", n);
  return source + "-" + digits;
}

// Fisher-Yates on the records' indices, then the records moved once each
// along the permutation's cycles: the order of swapping the records
// themselves, for a third of the moves.
void shuffle(std::vector<Record>& list, RandomStream& random) {
  std::vector<std::size_t> from(list.size());
  for (std::size_t k = 0; k < from.size(); ++k) from[k] = k;
  for (std::size_t k = from.size(); k > 1; --k)
    std::swap(from[k - 1],
              from[static_cast<std::size_t>(random.between(0, static_cast<int>(k) - 1))]);
  // list[k] takes the record at from[k]; from[k] = k marks a placed one.
  for (std::size_t start = 0; start < list.size(); ++start) {
    if (from[start] == start) continue;
    Record first = std::move(list[start]);
    std::size_t k = start;
    while (from[k] != start) {
      list[k] = std::move(list[from[k]]);
      const std::size_t next = from[k];
      from[k] = k;
      k = next;
    }
    list[k] = std::move(first);
    from[k] = k;
  }
}

}  // namespace

Simulation run_simulation(const Scenario& scenario, std::uint64_t seed,
                          const std::function<void(std::size_t, std::size_t)>& progress) {
  Simulation sim;
  sim.scenario = scenario;
  sim.seed = seed;
  const RandomStream root(seed);
  RandomStream population_random = root.fork(1);
  sim.people = draw_population(scenario.population, population_random);
  if (progress) progress(sim.people.size() / 3, sim.people.size());
  RandomStream capture_random = root.fork(2);
  Documentation doc = draw_documentation(scenario, sim.people, capture_random);
  if (progress) progress(sim.people.size() / 2, sim.people.size());

  for (std::size_t o = 0; o < scenario.organizations.size(); ++o) {
    const OrganizationSpec& org = scenario.organizations[o];
    RandomStream random = root.fork(100 + o);
    RecordWriter writer(org.code, org.writing);
    std::vector<Record> list;
    std::size_t records = 0;
    for (const auto& events : doc.documented[o]) records += events.size();
    list.reserve(records);
    for (std::size_t i = 0; i < sim.people.size(); ++i)
      for (int e : doc.documented[o][i])
        list.push_back(writer.write(sim.people[i], sim.people[i].events[e], "", random));
    // A list is not ordered by person: shuffle, then number, so that record
    // ids say nothing about who is who.
    shuffle(list, random);
    for (std::size_t k = 0; k < list.size(); ++k) list[k].record_id = record_id(org.code, k + 1);
    sim.lists.push_back(std::move(list));
    if (progress)
      progress(
          sim.people.size() / 2 + sim.people.size() / 2 * (o + 1) / scenario.organizations.size(),
          sim.people.size());
  }
  sim.strata = true_strata(scenario, sim.people, doc);
  sim.documented = std::move(doc.documented);
  return sim;
}

std::vector<EventPlaceTruth> truth_by_event_place(const Simulation& sim) {
  // Counted person by person (each person once per key, however many of
  // their events share it); the keys view the people's own strings.
  using PlaceKey = std::pair<std::string_view, std::string_view>;
  std::map<PlaceKey, EventPlaceTruth> truth;
  std::vector<std::pair<PlaceKey, bool>> keys;  // one person's keys, documented or not
  for (std::size_t i = 0; i < sim.people.size(); ++i) {
    const auto& events = sim.people[i].events;
    keys.clear();
    for (std::size_t e = 0; e < events.size(); ++e) {
      const PlaceKey key{events[e].code, events[e].place_id};
      bool seen = false;
      for (const auto& org : sim.documented)
        seen = seen || std::find(org[i].begin(), org[i].end(), static_cast<int>(e)) != org[i].end();
      auto same =
          std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == key; });
      if (same == keys.end())
        keys.emplace_back(key, seen);
      else
        same->second = same->second || seen;
    }
    for (const auto& [key, seen] : keys) {
      EventPlaceTruth& t = truth[key];
      ++t.total;
      if (seen) ++t.documented;
    }
  }
  std::vector<EventPlaceTruth> out;
  out.reserve(truth.size());
  for (auto& [key, t] : truth) {
    t.event = key.first;
    t.place_id = key.second;
    out.push_back(std::move(t));
  }
  return out;
}

nlohmann::ordered_json truth_to_json(const Simulation& sim) {
  nlohmann::ordered_json j;
  j["scenario"] = sim.scenario.name;
  j["seed"] = sim.seed;
  j["people"] = sim.people.size();
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (std::size_t o = 0; o < sim.lists.size(); ++o)
    lists.push_back(
        {{"source", sim.scenario.organizations[o].code}, {"records", sim.lists[o].size()}});
  j["lists"] = lists;
  j["estimation"] = {{"events", sim.scenario.estimation.events},
                     {"strata", sim.scenario.estimation.strata}};
  nlohmann::ordered_json strata = nlohmann::ordered_json::array();
  for (const TrueStratum& t : sim.strata) {
    nlohmann::ordered_json key = nlohmann::ordered_json::object();
    for (const auto& [column, value] : t.key) key[column] = value;
    strata.push_back({{"stratum", key},
                      {"true_total", t.total},
                      {"documented", t.documented},
                      {"captures", t.counts}});
  }
  j["strata"] = strata;
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const EventPlaceTruth& t : truth_by_event_place(sim))
    events.push_back({{"event", t.event},
                      {"event_place", t.place_id},
                      {"true_total", t.total},
                      {"documented", t.documented}});
  j["events"] = events;
  return j;
}

}  // namespace uncounted::simulate

#include "simulate/simulation.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

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
  for (std::size_t i = 0; i < people.size(); ++i) {
    const TruePerson& p = people[i];
    // The person's capture pattern in each stratum their events fall into.
    std::map<Key, std::uint32_t> patterns;
    for (std::size_t e = 0; e < p.events.size(); ++e) {
      if (!counts_for_estimation(s, p.events[e])) continue;
      std::uint32_t& pattern = patterns[stratum_key(s, p, p.events[e])];
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
    for (std::size_t i = 0; i < sim.people.size(); ++i)
      for (int e : doc.documented[o][i])
        list.push_back(writer.write(sim.people[i], sim.people[i].events[e], "", random));
    // A list is not ordered by person: shuffle, then number, so that record
    // ids say nothing about who is who.
    for (std::size_t k = list.size(); k > 1; --k)
      std::swap(list[k - 1],
                list[static_cast<std::size_t>(random.between(0, static_cast<int>(k) - 1))]);
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
  std::map<std::pair<std::string, std::string>, std::set<std::size_t>> people, documented;
  for (std::size_t i = 0; i < sim.people.size(); ++i) {
    const auto& events = sim.people[i].events;
    for (std::size_t e = 0; e < events.size(); ++e) {
      const std::pair<std::string, std::string> key{events[e].code, events[e].place_id};
      people[key].insert(i);
      for (const auto& org : sim.documented)
        if (std::find(org[i].begin(), org[i].end(), static_cast<int>(e)) != org[i].end())
          documented[key].insert(i);
    }
  }
  std::vector<EventPlaceTruth> out;
  for (const auto& [key, ids] : people) {
    EventPlaceTruth t{key.first, key.second, static_cast<std::int64_t>(ids.size()), 0};
    if (auto d = documented.find(key); d != documented.end())
      t.documented = static_cast<std::int64_t>(d->second.size());
    out.push_back(t);
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

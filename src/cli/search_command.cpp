// uncounted search NAME: the persons with a record whose name matches NAME
// in any spelling (Hangul, romanizations, press spellings), or whose
// record_id is NAME; best first, a page at a time (pipeline/person_search.h,
// as the web application's search).

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "io/optional_json.h"
#include "pipeline/person_search.h"

namespace uncounted::cli {
namespace {

struct SearchArgs {
  std::string query;
  std::size_t limit = 20;
  std::size_t offset = 0;
};

nlohmann::json to_json(const pipeline::SearchResult& found) {
  nlohmann::json persons = nlohmann::json::array();
  for (const pipeline::PersonHit& p : found.persons) {
    nlohmann::json records = nlohmann::json::array();
    for (const pipeline::RecordHit& hit : p.records) {
      const Record& r = hit.stored.record;
      records.push_back({{"id", hit.stored.id},
                         {"source", r.source},
                         {"record_id", r.record_id},
                         {"name", io::or_null(r.name)},
                         {"event", r.event},
                         {"event_date", io::or_null(r.event_date)},
                         {"event_place", io::or_null(r.event_place)},
                         {"score", hit.score}});
    }
    persons.push_back({{"person", p.person}, {"score", p.score}, {"records", records}});
  }
  return {{"query", found.query},
          {"total_records", found.total_records},
          {"total_persons", found.total_persons},
          {"persons", persons}};
}

void print(const pipeline::SearchResult& found, std::size_t offset) {
  std::cout << found.total_persons << " person(s), " << found.total_records << " record(s) match";
  if (found.persons.empty()) {
    std::cout << "\n";
    return;
  }
  std::cout << "; persons " << offset + 1 << "-" << offset + found.persons.size() << ":\n";
  for (const pipeline::PersonHit& p : found.persons) {
    std::cout << p.person << "  (score " << p.score << ")\n";
    for (const pipeline::RecordHit& hit : p.records) {
      const Record& r = hit.stored.record;
      std::cout << "  #" << hit.stored.id << "  " << r.source << "/" << r.record_id << "  "
                << r.name.value_or("(no name)") << "  " << r.event;
      if (r.event_date) std::cout << " " << *r.event_date;
      if (r.event_place) std::cout << " " << *r.event_place;
      std::cout << "\n";
    }
  }
}

void add_search(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand(
      "search",
      "Find a person by name in any spelling (리철호, Ri Chol Ho, Lee Cheol-ho) or by record id");
  cmd->add_option("NAME", args->query, "A name, part of one, or a record id")->required();
  cmd->add_option("--limit", args->limit, "Persons to show (default 20)")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--offset", args->offset, "Skip this many persons (the next page)")
      ->check(CLI::Range(0, 1'000'000'000));
  cmd->callback([&global, args] {
    auto store = open_store(global);
    pipeline::PersonSearch search;
    const pipeline::SearchResult found =
        search.search(store->db(), args->query, args->limit, args->offset);
    if (global.json) {
      std::cout << to_json(found).dump() << "\n";
    } else {
      print(found, args->offset);
    }
  });
}

const CommandRegistration search_registration("search", add_search);

}  // namespace
}  // namespace uncounted::cli

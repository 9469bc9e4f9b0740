#include "pipeline/person_search.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "model/error.h"
#include "store/linkage_table.h"

namespace uncounted::pipeline {
namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A part of a name found as typed ("Chol" in "Ri Chol Ho") scores below a
// spelling match; a record id typed exactly scores as a perfect match.
constexpr double kSubstringScore = 0.75;

}  // namespace

const korean::PreparedName& PersonSearch::prepared(std::int64_t id, const std::string& name) {
  auto it = names_.find(id);
  if (it == names_.end() || it->second.first != name) {
    it = names_.insert_or_assign(id, std::make_pair(name, korean::prepare(name))).first;
  }
  return it->second.second;
}

SearchResult PersonSearch::search(store::Database& db, const std::string& query, std::size_t limit,
                                  std::size_t offset) {
  if (query.find_first_not_of(" \t") == std::string::npos) {
    throw invalid_input("the search is empty", "search");
  }
  const korean::PreparedName wanted = korean::prepare(query);
  const std::string needle = lower_ascii(query);
  std::vector<RecordHit> hits;
  {
    std::lock_guard lock(mutex_);
    store::for_each_record_with_person(
        db, [&](const store::StoredRecord& stored, const std::string* person) {
          double score = 0;
          const std::optional<std::string>& name = stored.record.name;
          if (name) {
            if (!wanted.empty()) {
              score = korean::compare(wanted, prepared(stored.id, *name)).score;
              if (score < korean::kDefaultMatchThreshold) score = 0;
            }
            if (score == 0 && lower_ascii(*name).find(needle) != std::string::npos) {
              score = kSubstringScore;
            }
          }
          if (score == 0 && lower_ascii(stored.record.record_id) == needle) score = 1.0;
          if (score == 0) return;
          hits.push_back({stored, person ? std::optional<std::string>(*person) : std::nullopt,
                          std::round(score * 1000) / 1000});
        });
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const RecordHit& a, const RecordHit& b) { return a.score > b.score; });
  // Group by person, in order of each person's best record.
  std::vector<PersonHit> persons;
  std::unordered_map<std::string, std::size_t> index;
  for (RecordHit& hit : hits) {
    const std::string key = hit.person ? *hit.person : "record-" + std::to_string(hit.stored.id);
    const auto [at, added] = index.try_emplace(key, persons.size());
    if (added) persons.push_back({key, hit.score, {}});
    persons[at->second].records.push_back(std::move(hit));
  }
  SearchResult result;
  result.query = query;
  result.total_records = hits.size();
  result.total_persons = persons.size();
  const std::size_t from = std::min(offset, persons.size());
  const std::size_t to = std::min(persons.size(), from + limit);
  result.persons.assign(
      std::make_move_iterator(persons.begin() + static_cast<std::ptrdiff_t>(from)),
      std::make_move_iterator(persons.begin() + static_cast<std::ptrdiff_t>(to)));
  return result;
}

}  // namespace uncounted::pipeline

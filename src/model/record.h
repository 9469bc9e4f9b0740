#pragma once
// A record: one documenting source's report that one person suffered (or
// did) one thing. The row of a record list (../shared/spec/lists.md §1) as a
// plain value. Fields are kept as the source wrote them; parsed forms
// (fuzzy dates, gazetteer ids, Hangul candidates) are derived from them by
// the modules that understand them.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace uncounted {

enum class Sex { kUnknown, kMale, kFemale };

// "M", "F" or "" (unknown).
std::string_view to_code(Sex sex);

struct Record {
  std::string source;     // 1-64 of A-Z a-z 0-9 _ -
  std::string record_id;  // unique within its source
  std::optional<std::string> name;
  Sex sex = Sex::kUnknown;
  std::optional<std::string> birth_year;  // as written: "1962", "c.1962", "Juche 51"
  std::optional<std::string> origin;
  std::string event;  // a code of the event taxonomy
  std::optional<std::string> event_date;
  std::optional<std::string> event_place;
  std::optional<std::string> notes;
  std::optional<std::string> true_id;       // simulated data only; read by evaluation only
  std::optional<std::string> testimony_id;  // set when the record comes from a testimony
  // Columns the schema does not know, in file order: kept, never dropped.
  std::vector<std::pair<std::string, std::string>> extra;
};

}  // namespace uncounted

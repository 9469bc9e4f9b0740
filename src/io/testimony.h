#pragma once
// Testimonies (../shared/spec/lists.md §2; the schema is
// docs/testimony.schema.json): one JSON object per line, with the source's
// metadata, the people it mentions, the events, and who was what in each
// event. A testimony flattens into record rows for linkage: one record per
// (event, victim), with record_id "<testimony_id>/<event ref>/<person ref>".

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"

namespace uncounted::io {

struct Testimony {
  std::string source;
  std::string testimony_id;
  nlohmann::json document;      // the whole object, as given
  std::vector<Record> records;  // its victims' records, flattened
};

// Parses and validates one line. Returns the reason when the line is
// invalid (never quoting its values), else fills TESTIMONY and returns "".
std::string parse_testimony(std::string_view line, Testimony& testimony);

// The fields that identify a person in a testimony document, as JSON
// pointers' last components: the export profile 'partner' drops them.
const std::vector<std::string>& identifying_testimony_fields();

}  // namespace uncounted::io

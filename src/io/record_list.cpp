#include "io/record_list.h"

#include <algorithm>

#include "dates/fuzzy_date_parser.h"
#include "model/error.h"
#include "model/event_type.h"

namespace uncounted::io {
namespace {

constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A blank cell is "unknown", not "empty string" (lists.md §1).
std::optional<std::string> cell(const std::vector<std::string>& fields, std::size_t column) {
  if (column == kAbsent) return std::nullopt;
  const std::string_view value = trim(fields[column]);
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

}  // namespace

std::string check_source_code(std::string_view source) {
  if (source.empty()) return "source is blank";
  if (source.size() > 64) return "source is longer than 64 characters";
  for (char c : source) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return "source may contain only A-Z a-z 0-9 _ -";
  }
  return {};
}

std::string check_record_id(std::string_view id) {
  if (id.empty()) return "record_id is blank";
  if (id.size() > 256) return "record_id is longer than 256 bytes";
  for (unsigned char c : id) {
    if (c < 0x20 || c == 0x7f) return "record_id contains a control character";
  }
  return {};
}

std::optional<Sex> parse_sex(std::string_view text) {
  const std::string lower = ascii_lower(trim(text));
  if (lower.empty()) return Sex::kUnknown;
  if (lower == "m" || lower == "male" || lower == "남" || lower == "남성" || lower == "남자") {
    return Sex::kMale;
  }
  if (lower == "f" || lower == "female" || lower == "여" || lower == "여성" || lower == "여자") {
    return Sex::kFemale;
  }
  return std::nullopt;
}

std::string check_event_code(std::string_view code) {
  if (code.empty()) return "event is blank";
  if (find_event_type(code) == nullptr) return "unknown event code (see the event taxonomy)";
  return {};
}

std::string check_fuzzy_year(std::string_view text) {
  try {
    dates::parse_fuzzy_date(text);
    return {};
  } catch (const Error& e) {
    return std::string("birth_year: ") + e.what();
  }
}

std::string check_fuzzy_date(std::string_view text) {
  try {
    dates::parse_fuzzy_date(text);
    return {};
  } catch (const Error& e) {
    return std::string("event_date: ") + e.what();
  }
}

RecordListReader::RecordListReader(const std::string& path)
    : csv_(path, CsvOptions{',', false, 64u << 20, true}) {
  auto find = [this](const char* name) { return csv_.column(name).value_or(kAbsent); };
  source_ = find("source");
  record_id_ = find("record_id");
  name_ = find("name");
  sex_ = find("sex");
  birth_year_ = find("birth_year");
  origin_ = find("origin");
  event_ = find("event");
  event_date_ = find("event_date");
  event_place_ = find("event_place");
  notes_ = find("notes");
  true_id_ = find("true_id");
  std::string missing;
  for (auto [index, name] : {std::pair{source_, "source"}, std::pair{record_id_, "record_id"},
                             std::pair{event_, "event"}}) {
    if (index == kAbsent) missing += missing.empty() ? name : std::string(", ") + name;
  }
  if (!missing.empty()) {
    throw invalid_input("missing required column(s): " + missing, path + ":1");
  }
  // A column under another common name for a list column (gender for sex)
  // would be kept as an extra column and the real one left blank in every
  // row: refused, naming the column to rename. Only when the list column
  // itself is absent, so that a file may carry both.
  static const std::pair<const char*, const char*> kOtherNames[] = {
      {"gender", "sex"},
      {"sexe", "sex"},
      {"full_name", "name"},
      {"fullname", "name"},
      {"victim_name", "name"},
      {"person_name", "name"},
      {"dob", "birth_year"},
      {"date_of_birth", "birth_year"},
      {"birth_date", "birth_year"},
      {"birthyear", "birth_year"},
      {"year_of_birth", "birth_year"},
      {"born", "birth_year"},
      {"hometown", "origin"},
      {"place_of_origin", "origin"},
      {"home_county", "origin"},
      {"event_type", "event"},
      {"date", "event_date"},
      {"eventdate", "event_date"},
      {"place", "event_place"},
      {"location", "event_place"},
      {"eventplace", "event_place"},
      {"facility", "event_place"},
  };
  for (const auto& [other, column] : kOtherNames) {
    if (!csv_.column(other) || csv_.column(column)) continue;
    throw invalid_input(std::string("column ") + other + " looks like the list column " + column +
                            ", which is missing; rename it to " + column +
                            " (an unknown column is kept as extra data, not read as " + column +
                            ")",
                        path + ":1");
  }
  const std::vector<std::size_t> known = {source_,      record_id_, name_,   sex_,
                                          birth_year_,  origin_,    event_,  event_date_,
                                          event_place_, notes_,     true_id_};
  for (std::size_t i = 0; i < csv_.header().size(); ++i) {
    if (std::find(known.begin(), known.end(), i) == known.end()) extra_columns_.push_back(i);
  }
}

std::string RecordListReader::validate(const std::vector<std::string>& fields,
                                       Record& record) const {
  if (fields.size() != csv_.header().size()) {
    return "row has " + std::to_string(fields.size()) + " fields, the header has " +
           std::to_string(csv_.header().size());
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].size() > kMaxFieldBytes) {
      return "column " + csv_.header()[i] + " is longer than 1 MiB";
    }
  }
  record.source = cell(fields, source_).value_or("");
  if (auto why = check_source_code(record.source); !why.empty()) return why;
  record.record_id = cell(fields, record_id_).value_or("");
  if (auto why = check_record_id(record.record_id); !why.empty()) return why;
  record.event = cell(fields, event_).value_or("");
  if (auto why = check_event_code(record.event); !why.empty()) return why;
  record.name = cell(fields, name_);
  const auto sex = parse_sex(sex_ == kAbsent ? "" : fields[sex_]);
  if (!sex) return "sex must be M, F, male, female, 남 or 여";
  record.sex = *sex;
  record.birth_year = cell(fields, birth_year_);
  if (record.birth_year) {
    if (auto why = check_fuzzy_year(*record.birth_year); !why.empty()) return why;
  }
  record.origin = cell(fields, origin_);
  record.event_date = cell(fields, event_date_);
  if (record.event_date) {
    if (auto why = check_fuzzy_date(*record.event_date); !why.empty()) return why;
  }
  record.event_place = cell(fields, event_place_);
  record.notes = cell(fields, notes_);
  record.true_id = cell(fields, true_id_);
  record.testimony_id.reset();
  record.extra.clear();
  for (std::size_t i : extra_columns_) {
    if (auto value = cell(fields, i)) record.extra.emplace_back(csv_.header()[i], *value);
  }
  return {};
}

bool RecordListReader::next(std::optional<Record>& record, std::optional<RowError>& error,
                            std::vector<std::string>& raw) {
  if (!csv_.next(raw, /*check_count=*/false)) return false;
  Record parsed;
  std::string why = validate(raw, parsed);
  if (why.empty()) {
    record = std::move(parsed);
    error.reset();
  } else {
    record.reset();
    error = RowError{csv_.path(), csv_.line(), std::move(why)};
  }
  return true;
}

}  // namespace uncounted::io

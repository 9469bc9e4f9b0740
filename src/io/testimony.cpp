#include "io/testimony.h"

#include <map>
#include <set>

#include "io/csv_reader.h"
#include "io/json_depth.h"
#include "io/record_list.h"

namespace uncounted::io {
namespace {

using nlohmann::json;

// Optional string member: absent or null is unknown; a non-string is an error.
std::string optional_string(const json& object, const char* key, std::optional<std::string>& out,
                            const std::string& path) {
  out.reset();
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) return path + key + " must be a string";
  const std::string& value = it->get_ref<const std::string&>();
  if (value.size() > kMaxFieldBytes) return path + key + " is longer than 1 MiB";
  if (!value.empty()) out = value;
  return {};
}

std::string required_string(const json& object, const char* key, std::string& out,
                            const std::string& path) {
  std::optional<std::string> value;
  if (auto why = optional_string(object, key, value, path); !why.empty()) return why;
  if (!value) return path + key + " is required";
  out = *value;
  return {};
}

std::string parse_person(const json& person, const std::string& path, Record& r) {
  if (!person.is_object()) return path + " must be an object";
  if (auto why = optional_string(person, "name", r.name, path); !why.empty()) return why;
  std::optional<std::string> sex;
  if (auto why = optional_string(person, "sex", sex, path); !why.empty()) return why;
  const auto parsed = parse_sex(sex.value_or(""));
  if (!parsed) return path + "sex must be M, F, male, female, 남 or 여";
  r.sex = *parsed;
  if (auto why = optional_string(person, "birth_year", r.birth_year, path); !why.empty()) {
    return why;
  }
  if (r.birth_year) {
    if (auto why = check_fuzzy_year(*r.birth_year); !why.empty()) return path + why;
  }
  if (auto why = optional_string(person, "origin", r.origin, path); !why.empty()) return why;
  if (auto why = optional_string(person, "true_id", r.true_id, path); !why.empty()) return why;
  return {};
}

std::string parse_event_fields(const json& event, const std::string& path, Record& r) {
  if (auto why = required_string(event, "event", r.event, path); !why.empty()) return why;
  if (auto why = check_event_code(r.event); !why.empty()) return path + why;
  if (auto why = optional_string(event, "event_date", r.event_date, path); !why.empty()) {
    return why;
  }
  if (r.event_date) {
    if (auto why = check_fuzzy_date(*r.event_date); !why.empty()) return path + why;
  }
  if (auto why = optional_string(event, "event_place", r.event_place, path); !why.empty()) {
    return why;
  }
  return optional_string(event, "notes", r.notes, path);
}

std::string flatten(const json& doc, Testimony& t) {
  // By ref: the person's index (messages name the index, never the ref,
  // which a documenter may have written as the person's name) and entry.
  std::map<std::string, std::pair<std::size_t, const json*>> people;
  if (auto it = doc.find("people"); it != doc.end()) {
    if (!it->is_array()) return "people must be an array";
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& p = (*it)[i];
      const std::string path = "people[" + std::to_string(i) + "].";
      std::string ref;
      if (!p.is_object()) return "people[" + std::to_string(i) + "] must be an object";
      if (auto why = required_string(p, "ref", ref, path); !why.empty()) return why;
      if (!people.emplace(ref, std::make_pair(i, &p)).second) {
        return path + "ref repeats another person's ref";
      }
    }
  }
  auto events = doc.find("events");
  if (events == doc.end() || !events->is_array() || events->empty()) {
    return "events must be a non-empty array";
  }
  std::set<std::string> event_refs;
  for (std::size_t i = 0; i < events->size(); ++i) {
    const json& e = (*events)[i];
    const std::string path = "events[" + std::to_string(i) + "].";
    if (!e.is_object()) return "events[" + std::to_string(i) + "] must be an object";
    std::string ref;
    if (auto why = required_string(e, "ref", ref, path); !why.empty()) return why;
    if (!event_refs.insert(ref).second) return path + "ref repeats another event's ref";
    Record base;
    base.source = t.source;
    base.testimony_id = t.testimony_id;
    if (auto why = parse_event_fields(e, path, base); !why.empty()) return why;
    auto parts = e.find("participants");
    if (parts == e.end() || !parts->is_array()) return path + "participants must be an array";
    for (std::size_t k = 0; k < parts->size(); ++k) {
      const json& part = (*parts)[k];
      const std::string ppath = path + "participants[" + std::to_string(k) + "].";
      if (!part.is_object()) return ppath + " must be an object";
      std::string person, role;
      if (auto why = required_string(part, "person", person, ppath); !why.empty()) return why;
      if (auto why = required_string(part, "role", role, ppath); !why.empty()) return why;
      if (role != "victim" && role != "perpetrator" && role != "witness") {
        return ppath + "role must be victim, perpetrator or witness";
      }
      std::optional<std::string> knowledge;
      if (auto why = optional_string(part, "knowledge", knowledge, ppath); !why.empty()) {
        return why;
      }
      if (knowledge && *knowledge != "direct" && *knowledge != "hearsay") {
        return ppath + "knowledge must be direct or hearsay";
      }
      auto found = people.find(person);
      if (found == people.end()) return ppath + "person names no entry of people";
      if (role != "victim") continue;
      Record r = base;
      r.record_id = t.testimony_id + "/" + ref + "/" + person;
      if (auto why = check_record_id(r.record_id); !why.empty()) return ppath + why;
      const std::string person_path = "people[" + std::to_string(found->second.first) + "].";
      if (auto why = parse_person(*found->second.second, person_path, r); !why.empty()) {
        return why;
      }
      if (knowledge) r.extra.emplace_back("knowledge", *knowledge);
      t.records.push_back(std::move(r));
    }
  }
  return {};
}

}  // namespace

const std::vector<std::string>& identifying_testimony_fields() {
  static const std::vector<std::string> fields = {"name",      "birth_year",  "origin", "contact",
                                                  "narrative", "interviewer", "notes",  "true_id",
                                                  "address",   "phone",       "email"};
  return fields;
}

std::string parse_testimony(std::string_view line, Testimony& t) {
  if (!is_valid_utf8(line)) return not_utf8_message(line);
  if (json_nested_deeper_than(line)) {
    return "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
  }
  json doc = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return "not valid JSON";
  if (!doc.is_object()) return "a testimony must be a JSON object";
  t = Testimony{};
  if (auto why = required_string(doc, "source", t.source, ""); !why.empty()) return why;
  if (auto why = check_source_code(t.source); !why.empty()) return why;
  if (auto why = required_string(doc, "testimony_id", t.testimony_id, ""); !why.empty()) {
    return why;
  }
  if (auto why = check_record_id(t.testimony_id); !why.empty()) {
    return "testimony_id: " + why;
  }
  auto consent = doc.find("consent");
  if (consent == doc.end() || !consent->is_object() || !consent->contains("given") ||
      !(*consent)["given"].is_boolean()) {
    return "consent.given (true or false) is required";
  }
  if (!(*consent)["given"].get<bool>())
    return "consent.given is false: the testimony may not be stored";
  if (auto why = flatten(doc, t); !why.empty()) return why;
  t.document = std::move(doc);
  return {};
}

}  // namespace uncounted::io

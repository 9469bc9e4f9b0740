#pragma once
// The event taxonomy of ../shared/spec/lists.md: what happened to (or was
// done by) the person a record is about.

#include <span>
#include <string_view>

namespace uncounted {

struct EventType {
  std::string_view code;     // e.g. "detention_kwanliso"
  std::string_view english;  // short label
  std::string_view korean;   // short label in Korean
};

// Every event type, in the order of the taxonomy table.
std::span<const EventType> event_types();
// The event type with this code, or nullptr when the code is unknown.
const EventType* find_event_type(std::string_view code);

}  // namespace uncounted

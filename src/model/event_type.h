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
  // Where the event falls on the path the regime's punishment takes, in
  // order of time: 1 the act or the handover (foreign media, smuggled
  // goods, appearance, forced repatriation, family punishment), 2 arrest,
  // 3 interrogation, 4 detention, 5 death (execution, death in custody);
  // 0 for events with no place on it (disappearance, escape, other). One
  // person's events of two stages come in this order (docs/linkage.md).
  int path_stage = 0;
};

// Every event type, in the order of the taxonomy table.
std::span<const EventType> event_types();
// The event type with this code, or nullptr when the code is unknown.
const EventType* find_event_type(std::string_view code);

}  // namespace uncounted

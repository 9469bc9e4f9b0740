#include "model/event_type.h"

#include <array>

namespace uncounted {
namespace {

constexpr std::array<EventType, 15> kEventTypes{{
    {"arrest", "Arrest", "체포", 2},
    {"interrogation", "Interrogation", "심문", 3},
    {"detention_kwanliso", "Political prison camp (kwanliso)", "관리소 구금", 4},
    {"detention_kyohwaso", "Reform-through-labour prison (kyohwaso)", "교화소 구금", 4},
    {"detention_other", "Other detention (holding centre, labour camp, cell)",
     "기타 구금 (집결소, 노동단련대, 구류장)", 4},
    {"forced_repatriation", "Forced repatriation", "강제송환", 1},
    {"execution", "Execution", "처형", 5},
    {"death_in_custody", "Death in custody", "구금 중 사망", 5},
    {"disappearance", "Disappearance", "실종"},
    {"family_punishment", "Family punishment (guilt by association)", "연좌제 처벌", 1},
    {"foreign_media", "Foreign media", "외부 영상물 시청·유포", 1},
    {"smuggled_goods", "Smuggled goods", "밀수품 거래·사용", 1},
    {"appearance_violation", "Appearance violation (hair, clothing, make-up)",
     "옷차림·머리·화장 단속", 1},
    {"escape", "Escape", "탈북"},
    {"other", "Other", "기타"},
}};

}  // namespace

std::span<const EventType> event_types() { return kEventTypes; }

const EventType* find_event_type(std::string_view code) {
  for (const EventType& type : kEventTypes) {
    if (type.code == code) return &type;
  }
  return nullptr;
}

}  // namespace uncounted

#include "model/role.h"

namespace uncounted {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kAdministrator:
      return "administrator";
    case Role::kDocumenter:
      return "documenter";
    case Role::kAnalyst:
      return "analyst";
    case Role::kReviewer:
      return "reviewer";
  }
  return "unknown";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (Role r : {Role::kAdministrator, Role::kDocumenter, Role::kAnalyst, Role::kReviewer}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

}  // namespace uncounted

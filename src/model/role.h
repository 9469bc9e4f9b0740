#pragma once
// The four roles of the web application and who may do what with them
// (docs/web.md has the table). A user has exactly one role; an endpoint
// names the set of roles allowed to call it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace uncounted {

enum class Role : std::uint8_t { kAdministrator, kDocumenter, kAnalyst, kReviewer };

// "administrator", "documenter", "analyst", "reviewer".
std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

// A set of roles as a bitmask.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  static constexpr RoleSet all() {
    return {Role::kAdministrator, Role::kDocumenter, Role::kAnalyst, Role::kReviewer};
  }
  constexpr bool contains(Role role) const { return (bits_ & bit(role)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }

 private:
  static constexpr std::uint8_t bit(Role r) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
  }
  std::uint8_t bits_ = 0;
};

}  // namespace uncounted

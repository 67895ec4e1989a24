#include "services/actor.hpp"

namespace ecogov {

std::string_view role_id(Role r) noexcept {
    switch (r) {
        case Role::admin: return "admin";
        case Role::bureau: return "bureau";
        case Role::unit: return "unit";
        case Role::leader: return "leader";
    }
    return "leader";
}

std::optional<Role> parse_role(std::string_view id) noexcept {
    if (id == "admin") return Role::admin;
    if (id == "bureau") return Role::bureau;
    if (id == "unit") return Role::unit;
    if (id == "leader") return Role::leader;
    return std::nullopt;
}

Actor command_line_actor() { return Actor{0, "cli", Role::admin, 0}; }

bool can_write_unit(const Actor& a, std::int64_t unit_id) noexcept {
    return a.role == Role::admin || a.role == Role::bureau || (a.role == Role::unit && a.unit_id == unit_id);
}

bool can_write_campaign(const Actor& a) noexcept { return a.role == Role::admin || a.role == Role::bureau; }

bool can_manage_accounts(const Actor& a) noexcept { return a.role == Role::admin; }

}  // namespace ecogov

#pragma once
// Who is acting, and what their role lets them write (issue 3 item 3). The server resolves the
// session to an Actor; every service that writes takes one and checks it (authorisation is the
// server's, the UI only hides what the server forbids).
//
// Roles: admin (accounts and everything), bureau (runs the campaign: writes everything except
// accounts), unit (a township's or department's clerk: reads all, writes only what belongs to
// their unit), leader (reads everything, writes nothing).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecogov {

enum class Role : unsigned char { admin, bureau, unit, leader };

std::string_view role_id(Role r) noexcept;  // "admin", "bureau", "unit", "leader"
std::optional<Role> parse_role(std::string_view id) noexcept;

struct Actor {
    std::int64_t user_id = 0;  // 0 = the command line (ecogov init/import/user ...)
    std::string username;      // "cli" for the command line
    Role role = Role::leader;
    std::int64_t unit_id = 0;
};

/// The command line acts as an administrator named "cli".
Actor command_line_actor();

/// May `a` write data owned by unit `unit_id`? admin and bureau: any unit; unit: its own; leader: no.
bool can_write_unit(const Actor& a, std::int64_t unit_id) noexcept;
/// May `a` write campaign-wide data (stations, targets of any unit, units)? admin and bureau.
bool can_write_campaign(const Actor& a) noexcept;
/// May `a` manage accounts (users)? admin only.
bool can_manage_accounts(const Actor& a) noexcept;

}  // namespace ecogov

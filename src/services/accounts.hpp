#pragma once
// Accounts (issue 3 item 3): the users who sign in, their role and unit.
//
// Contract:
// - Only admin lists and writes users (else `forbidden`); the command line acts as admin "cli".
// - Passwords are stored only as argon2id hashes (services/auth.hpp); a password change or
//   disabling an account ends that user's sessions.
// - Every write runs in one transaction with its audit row; the audit JSON never holds a hash.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// The API's `User`.
struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::leader;
    std::int64_t unit_id = 0;
    std::string unit_name;
    bool disabled = false;
};

struct NewUser {
    std::string username;
    std::string display_name;
    std::string role;
    std::int64_t unit_id = 0;
    std::string password;
};

struct UserPatch {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<std::int64_t> unit_id;
    std::optional<bool> disabled;
    std::optional<std::string> password;
};

boost::json::object to_json(const User& u);
Actor actor_of(const User& u);

Result<User> get_user(storage::Connection& c, std::int64_t id);
Result<std::optional<User>> find_user_by_username(storage::Connection& c,
                                                  const std::string& username);
Result<std::vector<User>> list_users(storage::Connection& c, const Actor& who);
Result<User> create_user(storage::Connection& c, const Clock& clock, const Actor& who,
                         const NewUser& u);
Result<User> update_user(storage::Connection& c, const Clock& clock, const Actor& who,
                         std::int64_t id, const UserPatch& patch);
/// Is there an enabled or disabled account with role admin?
Result<bool> admin_exists(storage::Connection& c);

}  // namespace ecogov

#pragma once
// Migration: one numbered schema change, and the loop that applies the missing ones.
// Contract: versions start at 1 and increase by 1; a released migration is never edited (add a new
// one instead). apply_migrations() creates `schema_migrations` if missing, then applies each
// missing version in its own transaction (script + bookkeeping row commit together or not at all)
// and returns the highest version applied. `lock_sql`, when not empty, is run first in every
// transaction to serialise concurrent migrators (PostgreSQL advisory lock).
#include <functional>
#include <span>
#include <string_view>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace ecogov::storage {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;  // one or more statements, no parameters
};

/// Runs a multi-statement script without parameters on the connection's open transaction.
using ScriptRunner = std::function<Result<void>(std::string_view script)>;

Result<int> apply_migrations(Connection& c, std::span<const Migration> migrations,
                             const ScriptRunner& run_script, std::string_view lock_sql = {});

}  // namespace ecogov::storage

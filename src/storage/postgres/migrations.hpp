#pragma once
// The PostgreSQL backend's numbered migrations (docs/schema.md); same numbers as SQLite's.
#include <span>

#include "storage/migration.hpp"

namespace ecogov::storage::postgres {

std::span<const Migration> migrations();

}  // namespace ecogov::storage::postgres

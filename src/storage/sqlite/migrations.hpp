#pragma once
// The SQLite backend's numbered migrations (docs/schema.md); same numbers as PostgreSQL's.
#include <span>

#include "storage/migration.hpp"

namespace ecogov::storage::sqlite {

std::span<const Migration> migrations();

}  // namespace ecogov::storage::sqlite

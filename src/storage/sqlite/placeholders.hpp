#pragma once
// Placeholder rewriting for SQLite: the project writes SQL once with PostgreSQL's `$1, $2, ...`.
// Contract: every `$N` outside string literals ('...'), quoted identifiers ("..."), and comments
// (-- ..., /* ... */) becomes `?N`, which SQLite binds by number exactly like PostgreSQL does
// (`$2 ... $1` keeps its meaning). Everything else is copied byte for byte.
#include <string>
#include <string_view>

namespace ecogov::storage::sqlite {

std::string rewrite_placeholders(std::string_view sql);

}  // namespace ecogov::storage::sqlite

// Converting PostgreSQL results and errors into the storage layer's values.
#include <charconv>
#include <cstdlib>

#include "storage/postgres/pg_connection.hpp"

namespace ecogov::storage::postgres {
namespace {

// Type oids from PostgreSQL's pg_type.dat (stable across versions).
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

/// "ERROR:  duplicate key ...\nDETAIL:  Key (code)=(x) already exists.\n" → one line.
std::string one_line(std::string_view what) {
    std::string out;
    for (char c : what) {
        if (c == '\n') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            continue;
        }
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.rfind("ERROR:  ", 0) == 0) out.erase(0, 8);
    return out;
}

bool is_io_state(const std::string& state) {
    // 08 connection exception, 53 insufficient resources, 57 operator intervention, 58 system.
    const std::string_view cls = std::string_view(state).substr(0, 2);
    return cls == "08" || cls == "53" || cls == "57" || cls == "58";
}

SqlValue integer_cell(const pqxx::field& f) {
    std::int64_t n = 0;
    const char* s = f.c_str();
    const auto r = std::from_chars(s, s + f.size(), n);
    if (r.ec != std::errc{}) return std::string(s, f.size());
    return n;
}

SqlValue cell(const pqxx::field& f, pqxx::oid type) {
    if (f.is_null()) return nullptr;
    switch (type) {
        case kInt2:
        case kInt4:
        case kInt8:
            return integer_cell(f);
        case kFloat4:
        case kFloat8:
            return std::strtod(f.c_str(), nullptr);
        case kBool:
            return std::int64_t{f.c_str()[0] == 't' ? 1 : 0};
        default:
            return std::string(f.c_str(), f.size());
    }
}

}  // namespace

Error current_pg_error() {
    try {
        throw;
    } catch (const pqxx::integrity_constraint_violation& e) {
        return Error{ErrorCode::conflict, one_line(e.what()), {}};
    } catch (const pqxx::broken_connection& e) {
        return Error{ErrorCode::io, "PostgreSQL connection: " + one_line(e.what()), {}};
    } catch (const pqxx::in_doubt_error& e) {
        return Error{ErrorCode::io, "PostgreSQL commit outcome unknown: " + one_line(e.what()), {}};
    } catch (const pqxx::sql_error& e) {
        const ErrorCode code = is_io_state(e.sqlstate()) ? ErrorCode::io : ErrorCode::internal;
        return Error{code, one_line(e.what()) + " [" + e.query() + "]", {}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::internal, one_line(e.what()), {}};
    }
}

Rows to_rows(const pqxx::result& r) {
    const auto columns = static_cast<pqxx::row::size_type>(r.columns());
    std::vector<pqxx::oid> types(static_cast<std::size_t>(columns));
    for (pqxx::row::size_type c = 0; c < columns; ++c)
        types[static_cast<std::size_t>(c)] = r.column_type(c);
    Rows rows;
    rows.reserve(r.size());
    for (const pqxx::row& row : r) {
        Row out;
        out.cells.reserve(types.size());
        for (pqxx::row::size_type c = 0; c < columns; ++c)
            out.cells.push_back(cell(row[c], types[static_cast<std::size_t>(c)]));
        rows.push_back(std::move(out));
    }
    return rows;
}

}  // namespace ecogov::storage::postgres

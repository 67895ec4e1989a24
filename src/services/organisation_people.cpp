// People of a unit (责任人 and contacts): the part of organisation.hpp about `people`.
#include <boost/json/serialize.hpp>

#include "services/audit.hpp"
#include "services/organisation.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kPersonColumns = "SELECT id, unit_id, name, post, phone FROM people";

Person to_person(const storage::Row& r) {
    return Person{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)};
}

Result<Person> get_person(storage::Connection& c, std::int64_t id) {
    const std::vector<SqlValue> params{id};
    auto rows = c.query(std::string(kPersonColumns) + " WHERE id = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no person with id " + std::to_string(id), "id");
    return to_person(rows->front());
}

Result<void> check_person_fields(const Person& p) {
    if (auto r = check_text(p.name, "name", 200, true); !r) return r;
    if (auto r = check_text(p.post, "post", 200, false); !r) return r;
    return check_text(p.phone, "phone", 64, false);
}

Result<void> check_may_write(const Actor& who, std::int64_t unit_id) {
    if (!can_write_unit(who, unit_id))
        return fail(ErrorCode::forbidden, "you may only write people of your own unit");
    return {};
}

std::string json_text(const Person& p) {
    return boost::json::serialize(to_json(p));
}

}  // namespace

boost::json::object to_json(const Person& p) {
    boost::json::object o;
    o["id"] = p.id;
    o["unit_id"] = p.unit_id;
    o["name"] = p.name;
    o["post"] = p.post;
    o["phone"] = p.phone;
    return o;
}

Result<std::vector<Person>> list_people(storage::Connection& c,
                                        std::optional<std::int64_t> unit_id) {
    std::vector<SqlValue> params;
    std::string sql(kPersonColumns);
    if (unit_id) {
        sql += " WHERE unit_id = $1";
        params.emplace_back(*unit_id);
    }
    auto rows = c.query(sql + " ORDER BY id", params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Person> out;
    for (const auto& r : *rows) out.push_back(to_person(r));
    return out;
}

Result<Person> create_person(storage::Connection& c, const Clock& clock, const Actor& who,
                             const Person& p) {
    if (auto ok = check_may_write(who, p.unit_id); !ok) return std::unexpected(ok.error());
    if (auto ok = check_person_fields(p); !ok) return std::unexpected(ok.error());
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<Person, AuditEntry>> {
            if (auto u = get_unit(tx, p.unit_id); !u)
                return fail(ErrorCode::invalid_argument,
                            "no unit with id " + std::to_string(p.unit_id), "unit_id");
            const std::vector<SqlValue> params{p.unit_id, p.name, p.post, p.phone,
                                               iso_utc(clock.now())};
            auto rows = tx.query(
                "INSERT INTO people (unit_id, name, post, phone, created_at) VALUES ($1, $2, $3, "
                "$4, $5) RETURNING id",
                params);
            if (!rows) return std::unexpected(rows.error());
            Person made = p;
            made.id = rows->at(0).integer(0);
            return std::pair{made, AuditEntry{"create", "people", std::to_string(made.id),
                                              std::nullopt, json_text(made)}};
        });
}

Result<Person> update_person(storage::Connection& c, const Clock& clock, const Actor& who,
                             std::int64_t id, const PersonPatch& patch) {
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<Person, AuditEntry>> {
            auto before = get_person(tx, id);
            if (!before) return std::unexpected(before.error());
            if (auto ok = check_may_write(who, before->unit_id); !ok)
                return std::unexpected(ok.error());
            Person after = *before;
            if (patch.name) after.name = *patch.name;
            if (patch.post) after.post = *patch.post;
            if (patch.phone) after.phone = *patch.phone;
            if (auto ok = check_person_fields(after); !ok) return std::unexpected(ok.error());
            const std::vector<SqlValue> params{after.name, after.post, after.phone, id};
            auto n = tx.execute("UPDATE people SET name = $1, post = $2, phone = $3 WHERE id = $4",
                                params);
            if (!n) return std::unexpected(n.error());
            return std::pair{after, AuditEntry{"update", "people", std::to_string(id),
                                               json_text(*before), json_text(after)}};
        });
}

Result<void> delete_person(storage::Connection& c, const Clock& clock, const Actor& who,
                           std::int64_t id) {
    auto done = audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<bool, AuditEntry>> {
            auto before = get_person(tx, id);
            if (!before) return std::unexpected(before.error());
            if (auto ok = check_may_write(who, before->unit_id); !ok)
                return std::unexpected(ok.error());
            const std::vector<SqlValue> params{id};
            if (auto n =
                    tx.execute("UPDATE users SET person_id = NULL WHERE person_id = $1", params);
                !n)
                return std::unexpected(n.error());
            if (auto n = tx.execute("DELETE FROM people WHERE id = $1", params); !n)
                return std::unexpected(n.error());
            return std::pair{true, AuditEntry{"delete", "people", std::to_string(id),
                                              json_text(*before), std::nullopt}};
        });
    if (!done) return std::unexpected(done.error());
    return {};
}

}  // namespace ecogov

// Water sample import (services/water_import.hpp).
#include "services/water_import.hpp"

#include <array>
#include <map>
#include <tuple>

#include "services/sample_import.hpp"
#include "services/stations.hpp"
#include "services/water_csv.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kUpsert =
    "INSERT INTO water_samples (section_id, sampled_on, item, value, batch_id) VALUES ($1, $2, $3, "
    "$4, $5) "
    "ON CONFLICT (section_id, sampled_on, item) DO UPDATE SET value = excluded.value, batch_id = "
    "excluded.batch_id "
    "WHERE water_samples.value <> excluded.value";

struct SectionRef {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string body;
};

struct Checked {
    std::int64_t section_id;
    WaterCsvRow row;
};

class WaterCheck : public sample_batch::Tally {
  public:
    WaterCheck(const Actor& who, std::map<std::string, SectionRef> sections)
        : who_(who), sections_(std::move(sections)) {}

    void line(int number, std::string_view text) {
        auto row = parse_water_line(number, text);
        if (!row) return error(row.error());
        const auto it = sections_.find(row->section);
        if (it == sections_.end())
            return error({number, 1, "section", "unknown section " + row->section});
        if (who_.role == Role::unit && it->second.unit_id != who_.unit_id) {
            ++foreign;
            return error(
                {number, 1, "section", "section " + row->section + " belongs to another unit"});
        }
        ++own;
        if (water::water_body_id(row->body) != it->second.body)
            return error(
                {number, 2, "water_body", "section " + row->section + " is a " + it->second.body});
        const auto key = std::make_tuple(it->second.id, row->date.days, row->item);
        const auto [seen, fresh] = lines_.emplace(key, number);
        if (!fresh)
            return error({number, 4, "item",
                          "duplicate of line " + std::to_string(seen->second) +
                              " (same section, date and item)"});
        rows.push_back(Checked{it->second.id, std::move(*row)});
    }

    std::vector<Checked> rows;

  private:
    const Actor& who_;
    std::map<std::string, SectionRef> sections_;
    std::map<std::tuple<std::int64_t, std::int32_t, water::WaterItem>, int> lines_;
};

Result<std::map<std::string, SectionRef>> load_sections(storage::Connection& c) {
    auto rows = c.query("SELECT code, id, unit_id, water_body FROM water_sections");
    if (!rows) return std::unexpected(rows.error());
    std::map<std::string, SectionRef> out;
    for (const auto& r : *rows)
        out.emplace(r.text(0), SectionRef{r.integer(1), r.integer(2), r.text(3)});
    return out;
}

/// The parameters of kUpsert for one row.
std::array<SqlValue, 5> row_params(const Checked& k, std::int64_t batch_id) {
    return {k.section_id, std::int64_t{k.row.date.days}, std::string(water::info(k.row.item).id),
            k.row.value_text, batch_id};
}

}  // namespace

Result<SampleImportReport> import_water_samples(storage::Connection& c, const Actor& who,
                                                const std::string& source, std::string_view text,
                                                const std::string& at_iso) {
    return sample_batch::import_file<WaterCheck>(c, who, source, text, at_iso,
                                                 {"water", "sections", kWaterCsvHeader, kUpsert},
                                                 load_sections, row_params);
}

}  // namespace ecogov

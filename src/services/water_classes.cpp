// Classes of stored water samples (services/water_classes.hpp).
#include "services/water_classes.hpp"

#include <algorithm>
#include <map>

namespace ecogov {

namespace {

using namespace ecogov::water;
using storage::SqlValue;

struct StoredSample {
    std::int64_t section_id = 0;
    Date date;
    WaterItem item = WaterItem::ph;
    WaterValue value;
};

/// Samples with first <= date <= last, of one section when given. Stored rows are valid (the
/// import checked them); a row the engine no longer reads is skipped.
Result<std::vector<StoredSample>> load(storage::Connection& c, DateRange range,
                                       std::optional<std::int64_t> section) {
    const std::array<SqlValue, 3> p{std::int64_t{range.first.days}, std::int64_t{range.last.days},
                                    section.value_or(0)};
    std::string sql =
        "SELECT section_id, sampled_on, item, value FROM water_samples WHERE sampled_on BETWEEN $1 "
        "AND $2";
    if (section) sql += " AND section_id = $3";
    auto rows =
        c.query(sql + " ORDER BY section_id, sampled_on", std::span(p).first(section ? 3 : 2));
    if (!rows) return std::unexpected(rows.error());
    std::vector<StoredSample> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) {
        const auto item = find_item(r.text(2));
        if (!item) continue;
        auto v = parse_value(*item, r.text(3));
        if (!v) continue;
        out.push_back({r.integer(0), Date{static_cast<std::int32_t>(r.integer(1))}, *item, *v});
    }
    return out;
}

std::string month_of(Date d) {
    return d.iso().substr(0, 7);
}

PeriodClass make_period(const WaterSection& s, std::string period, const PeriodSamples& samples) {
    PeriodClass p{std::move(period), assess_period(body_of(s), samples), false};
    p.attains = p.assessment.cls && attains(*p.assessment.cls, target_of(s));
    return p;
}

SectionYear section_year(const WaterSection& s, const std::vector<StoredSample>& samples,
                         int year) {
    SectionYear out{s, {}, std::nullopt, {}};
    std::map<std::string, PeriodSamples> months;
    PeriodSamples whole;
    for (const StoredSample& x : samples) {
        if (x.section_id != s.id) continue;
        months[month_of(x.date)][index_of(x.item)].push_back(x.value);
        whole[index_of(x.item)].push_back(x.value);
    }
    for (const auto& [period, m] : months) {
        PeriodClass p = make_period(s, period, m);
        if (p.assessment.cls) out.months.push_back(std::move(p));
    }
    PeriodClass annual = make_period(s, std::to_string(year), whole);
    if (annual.assessment.cls) {
        out.annual = std::move(annual);
        out.annual_values = period_values(whole);
    }
    return out;
}

}  // namespace

WaterBody body_of(const WaterSection& s) noexcept {
    return s.water_body == "lake" ? WaterBody::lake : WaterBody::river;
}

WaterClass target_of(const WaterSection& s) noexcept {
    return parse_class(s.target_class).value_or(WaterClass::iii);
}

ItemValues period_values(const PeriodSamples& samples) {
    ItemValues values;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (!samples[k].empty()) values[k] = period_value(static_cast<WaterItem>(k), samples[k]);
    return values;
}

SectionAssessment assess_period(WaterBody body, const PeriodSamples& samples) {
    return assess_section(body, period_values(samples));
}

Result<std::vector<SectionYear>> water_classes(storage::Connection& c, DateRange range) {
    auto sections = list_water_sections(c);
    if (!sections) return std::unexpected(sections.error());
    auto samples = load(c, range, std::nullopt);
    if (!samples) return std::unexpected(samples.error());
    std::vector<SectionYear> out;
    out.reserve(sections->size());
    for (const WaterSection& s : *sections)
        out.push_back(section_year(s, *samples, range.first.year()));
    return out;
}

Result<std::optional<int>> latest_water_year(storage::Connection& c) {
    auto rows = c.query("SELECT MAX(sampled_on) FROM water_samples");
    if (!rows) return std::unexpected(rows.error());
    const auto days = rows->empty() ? std::nullopt : rows->front().opt_integer(0);
    if (!days) return std::optional<int>{};
    return std::optional<int>{Date{static_cast<std::int32_t>(*days)}.year()};
}

Result<std::vector<ItemSample>> section_items(storage::Connection& c, const WaterSection& s,
                                              std::optional<Date> from, std::optional<Date> to,
                                              std::optional<WaterItem> item) {
    const DateRange range{from.value_or(Date{INT32_MIN / 2}), to.value_or(Date{INT32_MAX / 2})};
    auto samples = load(c, range, s.id);
    if (!samples) return std::unexpected(samples.error());
    std::vector<ItemSample> out;
    for (const StoredSample& x : *samples) {
        if (item && x.item != *item) continue;
        out.push_back({x.date, x.item, x.value, class_of(x.item, body_of(s), x.value)});
    }
    std::stable_sort(out.begin(), out.end(), [](const ItemSample& a, const ItemSample& b) {
        return a.date != b.date ? a.date < b.date : a.item < b.item;
    });
    return out;
}

}  // namespace ecogov

#pragma once
// Classes of the stored water samples (issue 8 items 3 and 5; docs/api.md "Water and soil").
// Every class, label, CWQI and main pollutant comes from the GB 3838 engine (src/standards/water);
// this service only loads, groups and hands values to it.
//
// Contract:
// - A period (a month, or the year) of one section: for each item, the period value of its
//   samples (water::period_value: means after detection-limit handling), then
//   water::assess_section on them with the section's water body. Exactly what
//   `ecogov water classify` computes for the same rows.
// - `attains` = the period class is the section's target class or better (water::attains).
// - Months without a routine item measured are left out; the annual value is absent then too.
// - Items over time: every stored sample of the section in [from, to] (either end open), of one
//   item or all, by date then GB 3838 table order, with its single-value class (class_of; none
//   for temperature and the Table 2 items).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/water_sections.hpp"
#include "standards/water/section.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// Samples of one section in one period, by item.
using PeriodSamples = std::array<std::vector<water::WaterValue>, water::kWaterItemCount>;

/// The period value of each item of `samples` (water::period_value; absent without samples).
water::ItemValues period_values(const PeriodSamples& samples);

/// Period values of `samples` then the engine's assessment.
water::SectionAssessment assess_period(water::WaterBody body, const PeriodSamples& samples);

struct PeriodClass {
    std::string period;  // "2026-01" or "2026"
    water::SectionAssessment assessment;
    bool attains = false;
};

struct SectionYear {
    WaterSection section;
    std::vector<PeriodClass> months;    // ascending, only months with a class
    std::optional<PeriodClass> annual;  // over `range`
    water::ItemValues annual_values{};  // the period values `annual` was assessed from
};

/// Every section (by code) with its monthly and whole-range classes from the samples in `range`
/// (a calendar year, or a year to date). `period` of the annual value is the range's year.
Result<std::vector<SectionYear>> water_classes(storage::Connection& c, DateRange range);

/// The year of the latest stored sample, nullopt when there is none.
Result<std::optional<int>> latest_water_year(storage::Connection& c);

struct ItemSample {
    Date date;
    water::WaterItem item = water::WaterItem::ph;
    water::WaterValue value;
    std::optional<water::WaterClass> cls;
};

Result<std::vector<ItemSample>> section_items(storage::Connection& c, const WaterSection& s,
                                              std::optional<Date> from, std::optional<Date> to,
                                              std::optional<water::WaterItem> item);

water::WaterBody body_of(const WaterSection& s) noexcept;
water::WaterClass target_of(const WaterSection& s) noexcept;

}  // namespace ecogov

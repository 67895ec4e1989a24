#include "standards/evaluation/period_evaluation.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/decimal.hpp"
#include "standards/aqi/category.hpp"
#include "standards/evaluation/percentile.hpp"

namespace ecogov {

namespace {

constexpr int kMinYearDays = 324;     // GB 3095 Table 4, HJ 663-2013 §6.1.3
constexpr int kMinMonthDays = 27;     // likewise, per month
constexpr int kMinFebruaryDays = 25;  // likewise, February
constexpr int kGoodAqiMax = 100;      // 优 + 良
constexpr int kHeavyAqiMin = 201;     // 重度 + 严重

/// What a period statistic is computed from and compared with.
struct StatisticSpec {
    DailyIndicator source;
    int percentile;  // 0: arithmetic mean
    std::int32_t AmbientLimits::*limit;
};

constexpr std::array<StatisticSpec, kPeriodStatisticCount> kSpecs = {{
    {DailyIndicator::so2_24h, 0, &AmbientLimits::so2_annual},
    {DailyIndicator::no2_24h, 0, &AmbientLimits::no2_annual},
    {DailyIndicator::pm10_24h, 0, &AmbientLimits::pm10_annual},
    {DailyIndicator::pm25_24h, 0, &AmbientLimits::pm25_annual},
    {DailyIndicator::so2_24h, 98, &AmbientLimits::so2_24h},
    {DailyIndicator::no2_24h, 98, &AmbientLimits::no2_24h},
    {DailyIndicator::pm10_24h, 95, &AmbientLimits::pm10_24h},
    {DailyIndicator::pm25_24h, 95, &AmbientLimits::pm25_24h},
    {DailyIndicator::co_24h, 95, &AmbientLimits::co_24h},
    {DailyIndicator::o3_8h_max, 90, &AmbientLimits::o3_8h},
}};

bool is_whole_year(DateRange r) noexcept {
    return r.first.month() == 1 && r.first.day() == 1 &&
           r.last == Date::from_ymd(r.first.year(), 12, 31);
}

/// Valid days required in the part `part` of calendar month (year, month).
int required_in_month(int year, int month, DateRange part) noexcept {
    const int length = days_in_month(year, month);
    if (part.day_count() < length)
        return static_cast<int>(ceil_div(std::int64_t{part.day_count()} * kMinMonthDays, 31));
    return month == 2 ? kMinFebruaryDays : kMinMonthDays;
}

int count_in(const std::vector<bool>& valid, DateRange period, DateRange part) noexcept {
    int n = 0;
    for (Date d = part.first; d <= part.last; d = d + 1)
        if (valid[static_cast<std::size_t>(d - period.first)]) ++n;
    return n;
}

Statistic make_statistic(std::vector<std::int32_t> values, int days_in_period, bool valid,
                         const StatisticSpec& spec, const AmbientLimits& limits) {
    Statistic out;
    out.coverage = {static_cast<std::uint16_t>(values.size()),
                    static_cast<std::uint16_t>(days_in_period)};
    out.valid = valid;
    if (values.empty()) return out;
    if (spec.percentile == 0) {
        std::int64_t sum = 0;
        for (std::int32_t v : values) sum += v;
        out.value = static_cast<std::int32_t>(
            round_half_even(sum, static_cast<std::int64_t>(values.size())));
    } else {
        out.value = percentile(std::move(values), spec.percentile);
    }
    const std::int32_t limit = limits.*spec.limit;
    out.attained = *out.value <= limit;
    if (*out.value > limit)
        out.exceedance = static_cast<std::int32_t>(
            round_half_even((std::int64_t{*out.value} - limit) * 100, limit));
    return out;
}

void count_days(std::span<const DailyValues* const> days, PeriodEvaluation& out) {
    for (const DailyValues* d : days) {
        if (!d->aqi.aqi) continue;
        const int aqi = *d->aqi.aqi;
        ++out.valid_days;
        if (aqi <= kGoodAqiMax) ++out.good_days;
        if (aqi >= kHeavyAqiMin) ++out.heavy_days;
        ++out.days_per_category[static_cast<std::size_t>(category_for(aqi).level - 1)];
    }
    if (out.valid_days > 0)
        out.good_ratio = static_cast<std::int32_t>(
            round_half_even(std::int64_t{out.good_days} * 1000, out.valid_days));
}

ConcSet composite_statistics(const PeriodEvaluation& e) noexcept {
    ConcSet s{};
    s[index_of(Pollutant::so2)] = e[PeriodStatistic::so2_mean].value;
    s[index_of(Pollutant::no2)] = e[PeriodStatistic::no2_mean].value;
    s[index_of(Pollutant::co)] = e[PeriodStatistic::co_p95].value;
    s[index_of(Pollutant::o3)] = e[PeriodStatistic::o3_8h_p90].value;
    s[index_of(Pollutant::pm10)] = e[PeriodStatistic::pm10_mean].value;
    s[index_of(Pollutant::pm25)] = e[PeriodStatistic::pm25_mean].value;
    return s;
}

}  // namespace

bool period_days_sufficient(DateRange period, std::span<const Date> valid_dates) noexcept {
    if (period.last < period.first) return false;
    std::vector<bool> valid(static_cast<std::size_t>(period.day_count()), false);
    for (Date d : valid_dates)
        if (period.contains(d)) valid[static_cast<std::size_t>(d - period.first)] = true;
    if (is_whole_year(period) && std::count(valid.begin(), valid.end(), true) < kMinYearDays)
        return false;
    for (Date start = period.first; start <= period.last;) {
        const int y = start.year();
        const int m = start.month();
        const Date month_last = Date::from_ymd(y, m, days_in_month(y, m));
        const DateRange part{start, std::min(month_last, period.last)};
        if (count_in(valid, period, part) < required_in_month(y, m, part)) return false;
        start = part.last + 1;
    }
    return true;
}

PeriodEvaluation evaluate_period(std::span<const DailyValues> days, DateRange period,
                                 const EvaluationConfig& config) {
    PeriodEvaluation out;
    out.period = period;
    out.limits = edition_in_force(period.last);
    const AmbientLimits& limits = grade2_limits(out.limits);

    std::vector<const DailyValues*> in_period;
    for (const DailyValues& d : days) {
        if (!period.contains(d.date)) continue;
        in_period.push_back(&d);
        (d.rules == RuleSet::hj633_2012 ? out.has_2012_days : out.has_2026_days) = true;
    }

    out.valid = true;
    for (std::size_t i = 0; i < kSpecs.size(); ++i) {
        std::vector<std::int32_t> values;
        std::vector<Date> dates;
        for (const DailyValues* d : in_period) {
            if (const Conc& v = (*d)[kSpecs[i].source].value) {
                values.push_back(*v);
                dates.push_back(d->date);
            }
        }
        const bool valid = period_days_sufficient(period, dates);
        out.statistics[i] =
            make_statistic(std::move(values), period.day_count(), valid, kSpecs[i], limits);
        out.valid = out.valid && valid;
    }
    count_days(in_period, out);
    out.composite_index = composite_index(composite_statistics(out), config.composite);
    return out;
}

}  // namespace ecogov

#include "services/air_queries.hpp"

#include <algorithm>
#include <chrono>

#include "services/observations.hpp"

namespace ecogov {

namespace {

DateRange year_range(int year) { return DateRange{Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)}; }

Result<std::int64_t> latest_batch(storage::Connection& c) {
    auto rows = c.query("SELECT MAX(id) FROM import_batches");
    if (!rows) return std::unexpected(rows.error());
    return rows->empty() ? 0 : rows->front().integer(0);
}

/// SO2 24-hour moving mean ending at hour `i` of `hours` (labels i-23 ... i), >= 20 values.
Conc so2_moving_mean(const std::vector<StoredHour>& hours, std::size_t i) {
    std::array<Conc, 24> window{};
    const std::int64_t end = hours[i].label.hours;
    for (std::size_t k = i + 1; k-- > 0;) {
        const std::int64_t back = end - hours[k].label.hours;
        if (back >= 24) break;
        window[static_cast<std::size_t>(back)] = hours[k].values[index_of(Pollutant::so2)];
    }
    return covered_mean(window, 20).value;
}

}  // namespace

std::optional<DateRange> clip_to_year(DateRange range, int year) {
    const DateRange y = year_range(year);
    const DateRange out{std::max(range.first, y.first), std::min(range.last, y.last)};
    if (out.last < out.first) return std::nullopt;
    return out;
}

void AirQueries::data_changed() {
    std::lock_guard lock(mutex_);
    ++counter_;
}

std::uint64_t AirQueries::version() const {
    std::lock_guard lock(mutex_);
    return counter_;
}

Result<void> AirQueries::check_version(storage::Connection& c) {
    const auto now = std::chrono::steady_clock::now();
    {
        // Writes through this server call data_changed() at once; only imports by another process
        // (the command line) are found by asking the database, at most every kBatchCheckInterval.
        std::lock_guard lock(mutex_);
        if (cached_counter_ == counter_ && now - last_batch_check_ < kBatchCheckInterval) return {};
    }
    auto batch = latest_batch(c);
    if (!batch) return std::unexpected(batch.error());
    std::lock_guard lock(mutex_);
    last_batch_check_ = now;
    if (cached_counter_ != counter_ || cached_batch_ != *batch) {
        cache_.clear();
        answers_.clear();
        ++generation_;
        cached_counter_ = counter_;
        cached_batch_ = *batch;
    }
    return {};
}

Result<std::uint64_t> AirQueries::generation(storage::Connection& c) {
    if (auto ok = check_version(c); !ok) return std::unexpected(ok.error());
    std::lock_guard lock(mutex_);
    return generation_;
}

std::optional<std::string> AirQueries::cached_answer(const std::string& key, std::uint64_t generation) const {
    std::lock_guard lock(mutex_);
    auto it = answers_.find(key);
    if (it == answers_.end() || it->second.first != generation) return std::nullopt;
    return it->second.second;
}

void AirQueries::store_answer(const std::string& key, std::uint64_t generation, std::string body) {
    std::lock_guard lock(mutex_);
    if (generation == generation_) answers_[key] = {generation, std::move(body)};
}

Result<AirQueries::Days> AirQueries::station_year(storage::Connection& c, const Station& s, int year) {
    const auto key = std::make_pair(s.id, year);
    {
        std::lock_guard lock(mutex_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    const DateRange y = year_range(year);
    auto hours = load_hours(c, s.id, HourLabel::of(y.first, 1), HourLabel::of(y.last, 24));
    if (!hours) return std::unexpected(hours.error());
    StationIndex names;
    const int id = names.id_of(s.code);
    DailyBuilder builder;
    for (const StoredHour& h : *hours) builder.add(id, h.label, h.values);
    auto series = builder.finish(names);
    Days days = std::make_shared<const std::vector<DailyValues>>(
        series.empty() ? std::vector<DailyValues>{} : std::move(series.front().days));
    std::lock_guard lock(mutex_);
    cache_.emplace(key, days);
    return days;
}

Result<std::vector<DailyValues>> AirQueries::station_daily(storage::Connection& c, const Station& s,
                                                           DateRange days) {
    if (auto ok = check_version(c); !ok) return std::unexpected(ok.error());
    std::vector<DailyValues> out;
    for (int year = days.first.year(); year <= days.last.year(); ++year) {
        auto cached = station_year(c, s, year);
        if (!cached) return std::unexpected(cached.error());
        for (const DailyValues& d : **cached)
            if (days.contains(d.date)) out.push_back(d);
    }
    return out;
}

Result<std::vector<DailyValues>> AirQueries::group_daily(storage::Connection& c,
                                                         const std::vector<Station>& stations, DateRange days) {
    std::vector<DailySeries> series;
    std::vector<StationInfo> infos;
    for (const Station& s : stations) {
        infos.push_back(StationInfo{s.code, s.name, "group", s.control});
        if (s.control) continue;
        auto d = station_daily(c, s, days);
        if (!d) return std::unexpected(d.error());
        series.push_back(DailySeries{s.code, std::move(*d)});
    }
    CityGrouping grouped = by_city(series, infos, std::nullopt);
    if (grouped.cities.empty()) return std::vector<DailyValues>{};
    return std::move(grouped.cities.front().days);
}

Result<std::vector<DailyValues>> AirQueries::city_daily(storage::Connection& c, const std::string& city,
                                                        DateRange days) {
    auto all = list_stations(c);
    if (!all) return std::unexpected(all.error());
    std::vector<Station> members;
    for (Station& s : *all)
        if (s.city == city) members.push_back(std::move(s));
    if (members.empty()) return fail(ErrorCode::not_found, "no station lies in city " + city, "city");
    return group_daily(c, members, days);
}

Result<std::vector<HourlyAqiRow>> AirQueries::hourly(storage::Connection& c, const Station& s, DateRange days) {
    const HourLabel first = HourLabel::of(days.first, 1);
    auto hours = load_hours(c, s.id, first - 23, HourLabel::of(days.last, 24));
    if (!hours) return std::unexpected(hours.error());
    std::vector<HourlyAqiRow> out;
    for (std::size_t i = 0; i < hours->size(); ++i) {
        const StoredHour& h = (*hours)[i];
        if (h.label < first) continue;
        const HourlyInput in{h.values, so2_moving_mean(*hours, i), {}};
        out.push_back(HourlyAqiRow{h.label, h.values, hourly_aqi(in, rules_for_hour(h.label))});
    }
    return out;
}

std::vector<SeriesEvaluation> AirQueries::evaluation(const std::string& name, std::vector<DailyValues> days,
                                                     const PeriodSpec& spec) const {
    const std::vector<DailySeries> series{DailySeries{name, std::move(days)}};
    return evaluate(series, spec, EvaluationConfig{});
}

}  // namespace ecogov

// Classes of stored soil samples (services/soil_assessment.hpp).
#include "services/soil_assessment.hpp"

#include <map>

namespace ecogov {

namespace {

using storage::SqlValue;

struct Loaded {
    std::vector<Date> dates;
    std::vector<SoilSample> samples;
};

Result<SoilSample> sample_of(const storage::Row& r, const SoilPlot& plot) {
    SoilSample s;
    s.plot_id = plot.code;
    s.sample_id = r.text(1);
    s.land_use = parse_land_use(plot.land_use).value_or(LandUse::other);
    auto ph = parse_ph(r.text(3));
    if (!ph) return std::unexpected(ph.error());
    s.ph_centi = *ph;
    for (std::size_t i = 0; i < kMetalCount; ++i) {
        auto m = parse_measurement(r.text(4 + i));
        if (!m) return std::unexpected(m.error());
        s.metals[i] = *m;
    }
    return s;
}

/// The samples of every plot (plot id → samples), by date then code.
Result<std::map<std::int64_t, Loaded>> load(storage::Connection& c,
                                            const std::vector<SoilPlot>& plots,
                                            std::optional<std::int64_t> only) {
    std::map<std::int64_t, const SoilPlot*> by_id;
    for (const SoilPlot& p : plots) by_id.emplace(p.id, &p);
    const std::array<SqlValue, 1> p{only.value_or(0)};
    std::string sql =
        "SELECT plot_id, sample_code, sampled_on, ph, cd, hg, as_, pb, cr, cu, ni, zn FROM "
        "soil_samples";
    if (only) sql += " WHERE plot_id = $1";
    auto rows = c.query(sql + " ORDER BY plot_id, sampled_on, sample_code",
                        std::span(p).first(only ? 1 : 0));
    if (!rows) return std::unexpected(rows.error());
    std::map<std::int64_t, Loaded> out;
    for (const auto& r : *rows) {
        const auto plot = by_id.find(r.integer(0));
        if (plot == by_id.end()) continue;
        auto s = sample_of(r, *plot->second);
        if (!s) return std::unexpected(s.error());
        Loaded& l = out[plot->first];
        l.dates.push_back(Date{static_cast<std::int32_t>(r.integer(2))});
        l.samples.push_back(std::move(*s));
    }
    return out;
}

Result<std::optional<PlotAssessment>> assess(const SoilPlot& plot, const Loaded* loaded) {
    if (!loaded || loaded->samples.empty()) return std::optional<PlotAssessment>{};
    auto a = assess_plot(plot.code, loaded->samples);
    if (!a) return std::unexpected(a.error());
    return std::optional<PlotAssessment>{std::move(*a)};
}

}  // namespace

Result<std::vector<PlotSummary>> soil_plot_summaries(storage::Connection& c) {
    auto plots = list_soil_plots(c);
    if (!plots) return std::unexpected(plots.error());
    auto samples = load(c, *plots, std::nullopt);
    if (!samples) return std::unexpected(samples.error());
    std::vector<PlotSummary> out;
    for (const SoilPlot& p : *plots) {
        const auto it = samples->find(p.id);
        auto a = assess(p, it == samples->end() ? nullptr : &it->second);
        if (!a) return std::unexpected(a.error());
        out.push_back({p, *a ? (*a)->soil_class() : std::nullopt,
                       *a ? static_cast<int>((*a)->samples.size()) : 0});
    }
    return out;
}

Result<PlotDetail> soil_plot_detail(storage::Connection& c, std::int64_t plot_id) {
    auto plot = get_soil_plot(c, plot_id);
    if (!plot) return std::unexpected(plot.error());
    const std::vector<SoilPlot> one{*plot};
    auto samples = load(c, one, plot_id);
    if (!samples) return std::unexpected(samples.error());
    const auto it = samples->find(plot_id);
    auto a = assess(*plot, it == samples->end() ? nullptr : &it->second);
    if (!a) return std::unexpected(a.error());
    PlotDetail out{*plot, std::nullopt, {}};
    if (!*a) return out;
    out.cls = (*a)->soil_class();
    for (std::size_t i = 0; i < (*a)->samples.size(); ++i)
        out.samples.push_back({it->second.dates[i], (*a)->samples[i]});
    return out;
}

}  // namespace ecogov

#include "standards/soil/plot_assessment.hpp"

#include <algorithm>

namespace ecogov {

namespace {

Result<void> check_membership(std::string_view plot_id, const PlotAssessment& plot,
                              const SoilSample& sample) {
    if (sample.plot_id != plot_id)
        return fail(ErrorCode::bad_data,
                    "sample belongs to plot " + sample.plot_id + ", not " + std::string(plot_id),
                    sample.sample_id + ".plot_id");
    const bool repeated = std::ranges::any_of(
        plot.samples, [&](const SampleAssessment& s) { return s.sample_id == sample.sample_id; });
    if (repeated)
        return fail(ErrorCode::bad_data, "sample id repeated in plot " + std::string(plot_id),
                    sample.sample_id);
    return {};
}

void add_sample(PlotAssessment& plot, SampleAssessment&& sample) {
    plot.range = plot.range.worst_with(sample.range);
    if (const auto c = sample.soil_class())
        ++plot.samples_by_class[static_cast<std::size_t>(*c)];
    else
        ++plot.samples_undetermined;
    plot.samples.push_back(std::move(sample));
}

}  // namespace

Result<PlotAssessment> assess_plot(std::string_view plot_id, std::span<const SoilSample> samples) {
    if (samples.empty())
        return fail(ErrorCode::bad_data, "plot " + std::string(plot_id) + " has no samples",
                    std::string(plot_id));
    PlotAssessment plot;
    plot.plot_id = std::string(plot_id);
    plot.samples.reserve(samples.size());
    for (const SoilSample& sample : samples) {
        if (auto ok = check_membership(plot_id, plot, sample); !ok)
            return std::unexpected(ok.error());
        auto assessed = assess_sample(sample);
        if (!assessed) return std::unexpected(assessed.error());
        add_sample(plot, std::move(*assessed));
    }
    return plot;
}

}  // namespace ecogov

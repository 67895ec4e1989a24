#pragma once
// Classes of the stored soil samples (issue 8 item 4; docs/api.md "Water and soil"). Every class,
// screening/control value and exceedance comes from the GB 15618 engine (src/standards/soil):
// assess_plot over the plot's samples with the plot's land use. Stored texts are re-read with
// parse_ph / parse_measurement (the import checked them).
//
// Contract: a plot without samples has no class (nullopt) and no samples; a plot's class is
// nullopt too when the engine can give only a range (values below a detection limit that leave
// the class open). Samples are listed by date, then sample code.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/water_sections.hpp"
#include "standards/soil/plot_assessment.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct PlotSummary {
    SoilPlot plot;
    std::optional<SoilClass> cls;
    int samples = 0;
};

struct DatedSample {
    Date date;
    SampleAssessment assessment;
};

struct PlotDetail {
    SoilPlot plot;
    std::optional<SoilClass> cls;
    std::vector<DatedSample> samples;
};

Result<std::vector<PlotSummary>> soil_plot_summaries(storage::Connection& c);
Result<PlotDetail> soil_plot_detail(storage::Connection& c, std::int64_t plot_id);

}  // namespace ecogov

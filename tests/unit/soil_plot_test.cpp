// Samples and plots of GB 15618-2018 against tests/vectors/soil_plot.csv (hand-computed plots on
// 水田, 旱地, 果园 and 水旱轮作 land, with detection limits and unmeasured items), and the errors.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aqi_vector_csv.hpp"
#include "standards/soil/plot_assessment.hpp"

namespace ecogov {
namespace {

struct PlotVectors {
    std::map<std::string, std::vector<SoilSample>> samples;  // by plot id
    std::map<std::string, test::VectorRow> sample_rows;      // by sample id
    std::map<std::string, test::VectorRow> plot_rows;        // by plot id
};

std::optional<SoilSample> parse_sample(const test::VectorRow& row) {
    SoilSample s;
    s.plot_id = row.at("plot_id");
    s.sample_id = row.at("sample_id");
    const auto ph = parse_ph(row.at("ph"));
    const auto use = parse_land_use(row.at("land_use"));
    if (!ph || !use) return std::nullopt;
    s.ph_centi = *ph;
    s.land_use = *use;
    for (Metal m : kAllMetals) {
        const auto value = parse_measurement(row.at(metal_symbol(m)));
        if (!value) return std::nullopt;
        s.at(m) = *value;
    }
    return s;
}

PlotVectors load(const test::VectorFile& file) {
    PlotVectors v;
    for (const auto& row : file.rows) {
        if (row.at("record") == "plot") {
            v.plot_rows.emplace(row.at("plot_id"), row);
            continue;
        }
        const auto sample = parse_sample(row);
        EXPECT_TRUE(sample.has_value()) << file.path << ":" << row.line;
        if (!sample) continue;
        v.samples[sample->plot_id].push_back(*sample);
        v.sample_rows.emplace(sample->sample_id, row);
    }
    return v;
}

std::string exceeding_text(const SampleAssessment& s) {
    std::string out;
    for (Metal m : s.exceeding) out += (out.empty() ? "" : ";") + std::string(metal_symbol(m));
    return out.empty() ? "-" : out;
}

std::string counts_text(const PlotAssessment& p) {
    const auto& c = p.samples_by_class;
    return std::to_string(c[0]) + "/" + std::to_string(c[1]) + "/" + std::to_string(c[2]) + "/" +
           std::to_string(p.samples_undetermined);
}

void expect_range(ClassRange r, const test::VectorRow& row) {
    SCOPED_TRACE("line " + std::to_string(row.line));
    EXPECT_EQ(soil_class_name_zh(r.lowest), row.at("lowest"));
    EXPECT_EQ(soil_class_name_zh(r.highest), row.at("highest"));
}

TEST(SoilPlotVectors, SamplesAndPlotsMatchHandComputation) {
    const test::VectorFile file = test::read_vectors("soil_plot.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    const PlotVectors v = load(file);
    ASSERT_GE(v.plot_rows.size(), 6u);
    for (const auto& [plot_id, row] : v.plot_rows) {
        SCOPED_TRACE("plot " + plot_id);
        const auto plot = assess_plot(plot_id, v.samples.at(plot_id));
        ASSERT_TRUE(plot.has_value()) << plot.error().message;
        expect_range(plot->range, row);
        EXPECT_EQ(counts_text(*plot), row.at("counts"));
        for (const SampleAssessment& s : plot->samples) {
            const test::VectorRow& srow = v.sample_rows.at(s.sample_id);
            expect_range(s.range, srow);
            EXPECT_EQ(exceeding_text(s), srow.at("exceeding")) << s.sample_id;
        }
    }
}

SoilSample clean_sample(std::string plot, std::string id) {
    SoilSample s{std::move(plot), std::move(id), 650, LandUse::paddy, {}};
    for (Metal m : kAllMetals) s.at(m) = Measurement::of(10);  // 0.010 mg/kg
    return s;
}

TEST(SoilPlot, WorstSampleDecides) {
    std::vector<SoilSample> samples = {clean_sample("P", "a"), clean_sample("P", "b")};
    auto plot = assess_plot("P", samples);
    ASSERT_TRUE(plot.has_value());
    EXPECT_EQ(plot->soil_class(), SoilClass::priority_protection);
    samples[1].at(Metal::hg) = Measurement::of(2'501);  // 5.5<pH≤6.5: Hg C 2.5 → 严格管控
    plot = assess_plot("P", samples);
    ASSERT_TRUE(plot.has_value());
    EXPECT_EQ(plot->soil_class(), SoilClass::strict_control);
    EXPECT_EQ(plot->samples[1].at(Metal::hg).exceedance_centi, 400);  // (2.501-0.5)/0.5 = 4.002
}

TEST(SoilPlot, RejectsBadInput) {
    EXPECT_EQ(assess_plot("P", {}).error().code, ErrorCode::bad_data);
    std::vector<SoilSample> other = {clean_sample("Q", "a")};
    EXPECT_EQ(assess_plot("P", other).error().field, "a.plot_id");
    std::vector<SoilSample> twice = {clean_sample("P", "a"), clean_sample("P", "a")};
    EXPECT_EQ(assess_plot("P", twice).error().field, "a");
    SoilSample bad_ph = clean_sample("P", "a");
    bad_ph.ph_centi = 1401;
    EXPECT_EQ(assess_sample(bad_ph).error().field, "a.ph");
    SoilSample negative = clean_sample("P", "a");
    negative.at(Metal::pb) = Measurement::of(-1);
    EXPECT_EQ(assess_sample(negative).error().field, "a.Pb");
    SoilSample zero_limit = clean_sample("P", "a");
    zero_limit.at(Metal::cd) = Measurement::below(0);
    EXPECT_EQ(assess_sample(zero_limit).error().field, "a.Cd");
}

}  // namespace
}  // namespace ecogov

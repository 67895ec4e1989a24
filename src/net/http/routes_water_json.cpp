// JSON of the water and soil routes (routes_water_json.hpp).
#include "net/http/routes_water_json.hpp"

#include <boost/json.hpp>

#include "core/decimal.hpp"
#include "ingest/xlsx_reader.hpp"
#include "net/http/routes_air_json.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

using namespace ecogov::water;

json::value opt_real(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::value class_json(const std::optional<WaterClass>& c) {
    return c ? json::value(class_text(*c)) : json::value(nullptr);
}

json::value soil_json(const std::optional<SoilClass>& c) {
    return c ? json::value(soil_class_name_zh(*c)) : json::value(nullptr);
}

json::object period_json(const PeriodClass& p, bool annual) {
    const SectionAssessment& a = p.assessment;
    json::object o;
    if (!annual) o["period"] = p.period;
    o["class"] = class_json(a.cls);
    o["label"] = a.cls ? label_of(*a.cls) : "";
    o["cwqi"] = scaled_json(a.cwqi_centi, 2);
    o["attains"] = p.attains;
    if (annual) o["main_pollutants"] = main_pollutants_text(a.main_pollutants);
    return o;
}

json::value mg_json(const std::optional<std::int32_t>& v) {
    return scaled_json(v ? std::optional<std::int64_t>(*v) : std::nullopt, kSoilDecimals);
}

json::object metal_json(const MetalAssessment& m) {
    const bool below = m.measurement.kind == Measurement::Kind::below_detection_limit;
    return {{"value", mg_json(m.measurement.scaled)},
            {"below_detection", below},
            {"screening", mg_json(m.screening)},
            {"control", mg_json(m.control)},
            {"class", soil_json(m.soil_class())},
            {"exceedance", scaled_json(m.exceedance_centi, 2)}};
}

json::object sample_json(const DatedSample& d) {
    json::object metals;
    for (Metal m : kAllMetals) {
        std::string key(metal_symbol(m));
        for (char& ch : key) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        metals[key] = metal_json(d.assessment.at(m));
    }
    return {{"sample", d.assessment.sample_id},
            {"date", d.date.iso()},
            {"ph", scaled_json(std::int64_t{d.assessment.ph_centi}, kPhDecimals)},
            {"class", soil_json(d.assessment.soil_class())},
            {"metals", std::move(metals)}};
}

json::array errors_json(const SampleImportReport& r) {
    json::array errors;
    for (const ImportRowError& e : r.errors)
        errors.push_back(json::object{
            {"line", e.line}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
    return errors;
}

}  // namespace

json::object section_json(const WaterSection& s) {
    return {{"id", s.id},
            {"code", s.code},
            {"name", s.name},
            {"water_body", s.water_body},
            {"river", s.river},
            {"unit_id", s.unit_id},
            {"target_class", s.target_class},
            {"kind", s.kind},
            {"longitude", opt_real(s.longitude)},
            {"latitude", opt_real(s.latitude)}};
}

json::object section_year_json(const SectionYear& y) {
    json::array months;
    for (const PeriodClass& p : y.months) months.push_back(period_json(p, false));
    return {
        {"section", section_json(y.section)},
        {"months", std::move(months)},
        {"annual", y.annual ? json::value(period_json(*y.annual, true)) : json::value(nullptr)}};
}

json::object river_year_json(const RiverYear& r) {
    const RiverStatus& s = r.status;
    return {{"river", r.river},
            {"sections", s.sections},
            {"class", class_json(s.cls)},
            {"label", s.label},
            {"method", s.method == RiverMethod::class_proportion ? "proportion" : "mean"},
            {"good_sections", s.good_sections},
            {"worse_than_v_sections", s.worse_than_v_sections}};
}

json::object item_sample_json(const ItemSample& x, WaterBody body) {
    const ItemInfo& i = info(x.item);
    const bool below = x.value.detection != Detection::detected;
    const bool nd = x.value.detection == Detection::not_detected;
    const bool limited = i.direction == Direction::at_most || i.direction == Direction::at_least;
    const bool classed = limited && !is_supplementary(x.item);
    return {{"date", x.date.iso()},
            {"item", i.id},
            {"item_name", i.name_zh},
            {"value", nd ? json::value(nullptr) : scaled_json(x.value.value, kWaterScaleDecimals)},
            {"below_detection", below},
            {"class", class_json(x.cls)},
            {"class_iii_limit", classed ? scaled_json(limits(x.item, body)[2], kWaterScaleDecimals)
                                        : json::value(nullptr)}};
}

json::object plot_json(const SoilPlot& p) {
    return {{"id", p.id},
            {"code", p.code},
            {"name", p.name},
            {"unit_id", p.unit_id},
            {"land_use", p.land_use},
            {"longitude", opt_real(p.longitude)},
            {"latitude", opt_real(p.latitude)}};
}

json::object plot_summary_json(const PlotSummary& p) {
    json::object o = plot_json(p.plot);
    o["class"] = soil_json(p.cls);
    o["samples"] = p.samples;
    return o;
}

json::object plot_detail_json(const PlotDetail& d) {
    json::array samples;
    for (const DatedSample& s : d.samples) samples.push_back(sample_json(s));
    return {
        {"plot", plot_json(d.plot)}, {"class", soil_json(d.cls)}, {"samples", std::move(samples)}};
}

json::object sample_report_json(const SampleImportReport& r) {
    return {{"batch_id", r.batch_id},
            {"accepted", r.accepted},
            {"changed", r.changed},
            {"errors", json::array{}}};
}

json::object sample_errors_json(const SampleImportReport& r) {
    std::string message = std::to_string(r.error_count) + " bad row(s); nothing was stored";
    if (r.error_count > static_cast<std::int64_t>(r.errors.size()))
        message += " (the first " + std::to_string(r.errors.size()) + " are listed)";
    return {{"error", json::object{{"code", "bad_data"}, {"message", message}, {"field", "body"}}},
            {"errors", errors_json(r)}};
}

Response sample_import_response(const Result<SampleImportReport>& r) {
    if (!r) return error_response(r.error());
    if (!r->errors.empty()) return json_response(422, sample_errors_json(*r));
    return json_response(200, sample_report_json(*r));
}

namespace {

bool is_xlsx(const Request& r) {
    constexpr std::string_view kXlsxType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return ingest::looks_like_xlsx(r.body) || r.header("content-type").starts_with(kXlsxType);
}

}  // namespace

Result<std::string_view> sample_import_text(const Request& r, std::string& storage) {
    if (!is_xlsx(r)) return std::string_view(r.body);
    const ingest::XlsxSheet sheet = ingest::read_xlsx_first_sheet(r.body);
    if (!sheet.ok()) return fail(ErrorCode::bad_data, sheet.error, "body");
    storage = ingest::xlsx_rows_to_csv(sheet.rows);
    return std::string_view(storage);
}

std::string sample_import_source(const Request& r) {
    return r.param("source").value_or(is_xlsx(r) ? "upload.xlsx" : "upload.csv");
}

}  // namespace ecogov::http

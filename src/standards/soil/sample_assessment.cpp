#include "standards/soil/sample_assessment.hpp"

#include "core/decimal.hpp"

namespace ecogov {

namespace {

Result<void> check_measurement(const SoilSample& sample, Metal metal) {
    const Measurement& m = sample.at(metal);
    if (!m.scaled) return {};
    const bool limit = m.kind == Measurement::Kind::below_detection_limit;
    if (*m.scaled < 0 || (limit && *m.scaled == 0))
        return fail(
            ErrorCode::bad_data,
            limit ? "a detection limit must be positive" : "a concentration cannot be negative",
            sample.sample_id + "." + std::string(metal_symbol(metal)));
    return {};
}

Result<void> check_sample(const SoilSample& sample) {
    if (sample.ph_centi < 0 || sample.ph_centi > 1400)
        return fail(ErrorCode::bad_data, "pH must lie from 0 to 14", sample.sample_id + ".ph");
    for (Metal metal : kAllMetals)
        if (auto ok = check_measurement(sample, metal); !ok) return ok;
    return {};
}

}  // namespace

MetalAssessment assess_metal(Metal metal, const Measurement& m, PhBand band, LandUse land_use) {
    MetalAssessment out;
    out.metal = metal;
    out.measurement = m;
    out.screening = screening_value(metal, land_use, band);
    out.control = control_value(metal, band);
    out.range = classify_measurement(m, out.screening, out.control);
    if (m.kind != Measurement::Kind::value || !m.scaled) return out;
    const std::int64_t c = *m.scaled;
    out.pollution_index_centi = round_half_even(c * 100, out.screening);
    if (c > out.screening)
        out.exceedance_centi = round_half_even((c - out.screening) * 100, out.screening);
    return out;
}

Result<SampleAssessment> assess_sample(const SoilSample& sample) {
    if (auto ok = check_sample(sample); !ok) return std::unexpected(ok.error());
    SampleAssessment out;
    out.plot_id = sample.plot_id;
    out.sample_id = sample.sample_id;
    out.ph_centi = sample.ph_centi;
    out.band = ph_band(sample.ph_centi);
    out.land_use = sample.land_use;
    for (Metal metal : kAllMetals) {
        const MetalAssessment a = assess_metal(metal, sample.at(metal), out.band, out.land_use);
        out.metals[static_cast<std::size_t>(metal)] = a;
        out.range = out.range.worst_with(a.range);
        if (a.exceedance_centi) out.exceeding.push_back(metal);
    }
    return out;
}

}  // namespace ecogov

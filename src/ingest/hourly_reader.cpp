// Format identification and the reader factory declared in hourly_reader.hpp.
#include "ingest/hourly_reader.hpp"

#include <algorithm>
#include <vector>

#include "ingest/china_sites_reader.hpp"
#include "ingest/cnemc_reader.hpp"
#include "ingest/csv_fields.hpp"
#include "ingest/prsa_reader.hpp"

namespace ecogov {

std::string_view format_id(InputFormat f) noexcept {
    switch (f) {
        case InputFormat::china_sites:
            return "china-sites";
        case InputFormat::cnemc:
            return "cnemc";
        case InputFormat::prsa:
            return "prsa";
    }
    return "unknown";
}

std::optional<InputFormat> parse_format_id(std::string_view id) noexcept {
    for (InputFormat f : {InputFormat::china_sites, InputFormat::cnemc, InputFormat::prsa})
        if (format_id(f) == id) return f;
    return std::nullopt;
}

std::optional<InputFormat> detect_format(std::string_view header_line) noexcept {
    std::string_view line = ingest::strip_bom(header_line);
    if (const auto nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string_view> fields;
    try {
        ingest::split_fields(line, fields);
    } catch (...) {
        return std::nullopt;
    }
    for (auto& f : fields) f = ingest::unquote(f);
    const auto has = [&](std::string_view name) {
        return std::find(fields.begin(), fields.end(), name) != fields.end();
    };
    if (fields.size() >= 4 && fields[0] == "date" && fields[1] == "hour" && fields[2] == "type")
        return InputFormat::china_sites;
    if (has("timepoint") && has("stationcode")) return InputFormat::cnemc;
    if (has("year") && has("month") && has("day") && has("hour") && has("station"))
        return InputFormat::prsa;
    return std::nullopt;
}

std::unique_ptr<HourlyReader> make_reader(InputFormat format, RecordSink& sink) {
    switch (format) {
        case InputFormat::china_sites:
            return std::make_unique<ingest::ChinaSitesReader>(sink);
        case InputFormat::cnemc:
            return std::make_unique<ingest::CnemcReader>(sink);
        case InputFormat::prsa:
            return std::make_unique<ingest::PrsaReader>(sink);
    }
    return nullptr;
}

}  // namespace ecogov

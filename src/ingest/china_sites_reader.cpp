#include "ingest/china_sites_reader.hpp"

#include <array>
#include <cstring>

namespace ecogov::ingest {

namespace {

using Slot = ChinaSitesReader::Slot;

struct TypeInfo {
    std::string_view name;
    Slot slot;
};

constexpr std::array<TypeInfo, 15> kTypes = {{
    {"AQI", Slot::aqi},
    {"PM2.5", Slot::pm25},
    {"PM2.5_24h", Slot::skip},
    {"PM10", Slot::pm10},
    {"PM10_24h", Slot::skip},
    {"SO2", Slot::so2},
    {"SO2_24h", Slot::so2_24h},
    {"NO2", Slot::no2},
    {"NO2_24h", Slot::skip},
    {"O3", Slot::o3},
    {"O3_24h", Slot::skip},
    {"O3_8h", Slot::o3_8h},
    {"O3_8h_24h", Slot::o3_8h_max},
    {"CO", Slot::co},
    {"CO_24h", Slot::skip},
}};

constexpr std::array<Pollutant, 6> kSlotPollutant = {
    Pollutant::pm25, Pollutant::pm10, Pollutant::so2, Pollutant::no2, Pollutant::o3, Pollutant::co};

int find_type(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kTypes.size(); ++i)
        if (kTypes[i].name == name) return static_cast<int>(i);
    return -1;
}

constexpr int decimals_of_slot(Slot s) noexcept {
    return s == Slot::co ? 1 : 0;
}

constexpr bool is_digit(char c) noexcept {
    return static_cast<unsigned char>(c - '0') < 10;
}

Conc to_conc(const std::int32_t* column, std::size_t i) noexcept {
    if (column == nullptr || column[i] < 0) return std::nullopt;
    return column[i];
}

/// Splits off the text up to the next ',' (or the end); advances `p` past the comma.
bool next_field(const char*& p, const char* end, std::string_view& out) noexcept {
    const auto* comma =
        static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
    if (!comma) return false;
    out = std::string_view(p, static_cast<std::size_t>(comma - p));
    p = comma + 1;
    return true;
}

}  // namespace

bool ChinaSitesReader::on_header(std::string_view line) {
    std::vector<std::string_view> fields;
    split_fields(line, fields);
    static constexpr std::array<std::string_view, 3> kFirst = {"date", "hour", "type"};
    for (std::size_t i = 0; i < kFirst.size(); ++i) {
        if (i >= fields.size() || unquote(fields[i]) != kFirst[i]) {
            fatal(i + 1, kFirst[i],
                  "not a china_sites header: expected 'date,hour,type,<stations>', found " +
                      quoted(line));
            return false;
        }
    }
    if (fields.size() == kFirst.size()) {
        fatal(0, {}, "china_sites header has no station columns");
        return false;
    }
    for (std::size_t i = kFirst.size(); i < fields.size(); ++i) {
        const std::string_view code = unquote(fields[i]);
        if (code.empty()) {
            fatal(i + 1, {}, "empty station code in the header");
            return false;
        }
        stations_.emplace_back(code);
    }
    n_ = stations_.size();
    values_.assign(static_cast<std::size_t>(Slot::kSlots) * n_, kAbsent);
    return true;
}

bool ChinaSitesReader::read_label(std::string_view date, std::string_view hour, HourLabel& out) {
    if (date.empty() || date != last_date_text_) {
        const auto parsed = Date::parse(unquote(date));
        if (!parsed) {
            bad_line(1, "date", "invalid date " + quoted(date));
            return false;
        }
        last_date_ = *parsed;
        last_date_text_.assign(date);
    }
    int hh = 0;
    if (!parse_small_uint(unquote(hour), hh)) {
        bad_line(2, "hour", quoted(hour) + " is not a number");
        return false;
    }
    if (hh > 23) {
        bad_line(2, "hour", "hour " + std::to_string(hh) + " out of range 0..23");
        return false;
    }
    out = HourLabel::at_clock(last_date_, hh);
    return true;
}

void ChinaSitesReader::on_row(std::string_view line) {
    const char* p = line.data();
    const char* const end = p + line.size();
    std::string_view date, hour, type;
    if (!next_field(p, end, date) || !next_field(p, end, hour) || !next_field(p, end, type)) {
        wrong_field_count(n_ + 3, count_fields(line));
        return;
    }
    HourLabel label;
    if (!read_label(date, hour, label)) return;
    const int t = find_type(unquote(type));
    if (t < 0) {
        bad_line(3, "type", "unknown type " + quoted(type));
        return;
    }
    if (!group_open_ || label != group_label_) start_group(label);
    const std::uint32_t bit = 1u << t;
    if (seen_types_ & bit) {
        bad_line(3, "type",
                 "repeated row: type " + quoted(type) + " already given for this date and hour");
        return;
    }
    seen_types_ |= bit;
    const Slot slot = kTypes[static_cast<std::size_t>(t)].slot;
    if (slot == Slot::skip) return;
    std::size_t found = 0;
    if (!parse_cells(p, end, slot, found)) {
        pending_.clear();
        wrong_field_count(n_ + 3, found);
        return;
    }
    report_pending(slot);
    seen_slots_ |= 1u << slot;
}

bool ChinaSitesReader::parse_cells(const char* p, const char* const end, Slot slot,
                                   std::size_t& found) {
    std::int32_t* const out = values_.data() + static_cast<std::size_t>(slot) * n_;
    const bool one_decimal = decimals_of_slot(slot) == 1;
    const std::uint32_t scale = one_decimal ? 10 : 1;
    for (std::size_t i = 0; i < n_; ++i) {
        const char* q = p;
        std::uint64_t v = 0;
        while (q < end && is_digit(*q)) v = v * 10 + static_cast<std::uint64_t>(*q++ - '0');
        const bool short_int = q - p <= 8;
        if (short_int && (q == end || *q == ',')) {
            out[i] = q == p ? kAbsent : static_cast<std::int32_t>(v * scale);
        } else if (short_int && one_decimal && q != p && *q == '.' && q + 1 < end &&
                   is_digit(q[1]) && (q + 2 == end || q[2] == ',')) {
            out[i] = static_cast<std::int32_t>(v * 10 + static_cast<std::uint64_t>(q[1] - '0'));
            q += 2;
        } else {
            const auto* comma =
                static_cast<const char*>(std::memchr(q, ',', static_cast<std::size_t>(end - q)));
            q = comma ? comma : end;
            out[i] = slow_cell(std::string_view(p, static_cast<std::size_t>(q - p)), i, slot);
        }
        if (q == end) {
            found = i + 4;
            return i + 1 == n_;
        }
        p = q + 1;
    }
    found = n_ + 3 + count_fields(std::string_view(p, static_cast<std::size_t>(end - p)));
    return false;
}

std::int32_t ChinaSitesReader::slow_cell(std::string_view text, std::size_t index, Slot slot) {
    const CellValue cell = read_cell(text, decimals_of_slot(slot));
    if (is_bad(cell)) pending_.push_back(PendingCell{index, std::string(text), cell});
    return encode(cell);
}

void ChinaSitesReader::report_pending(Slot slot) {
    const std::string_view what = slot == Slot::aqi ? "AQI" : "concentration";
    for (const PendingCell& c : pending_)
        bad_cell(c.index + 4, stations_[c.index], bad_cell_message(c.cell, c.text, what));
    pending_.clear();
}

void ChinaSitesReader::start_group(HourLabel label) {
    emit_group();
    group_label_ = label;
    group_open_ = true;
    seen_types_ = 0;
    seen_slots_ = 0;
}

void ChinaSitesReader::emit_group() {
    if (!group_open_) return;
    group_open_ = false;
    std::array<const std::int32_t*, Slot::kSlots> col{};
    for (int s = 0; s < Slot::kSlots; ++s)
        if (seen_slots_ & (1u << s))
            col[static_cast<std::size_t>(s)] = values_.data() + static_cast<std::size_t>(s) * n_;
    const bool aqi_row = (seen_slots_ >> Slot::aqi) & 1u;
    for (std::size_t i = 0; i < n_; ++i) {
        HourlyRecord rec;
        rec.label = group_label_;
        bool any = false;
        for (std::size_t s = 0; s < kSlotPollutant.size(); ++s) {
            rec.one_hour[static_cast<std::size_t>(index_of(kSlotPollutant[s]))] =
                to_conc(col[s], i);
            if (col[s] && col[s][i] == kNotMonitored) rec.not_monitored.add(kSlotPollutant[s]);
            any = any || (col[s] && col[s][i] >= 0);
        }
        const Conc aqi_value = to_conc(col[Slot::aqi], i);
        if (!any && !aqi_value) continue;
        rec.station = stations_[i];
        rec.published_aqi = aqi_value ? std::optional<int>(*aqi_value) : std::nullopt;
        rec.published_aqi_na =
            aqi_row && (col[Slot::aqi][i] == kAbsent || col[Slot::aqi][i] == kNotMonitored);
        rec.so2_24h = to_conc(col[Slot::so2_24h], i);
        rec.published_o3_8h = to_conc(col[Slot::o3_8h], i);
        rec.published_o3_8h_day_max = to_conc(col[Slot::o3_8h_max], i);
        sink().on_record(rec);
    }
}

}  // namespace ecogov::ingest

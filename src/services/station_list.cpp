#include "services/station_list.hpp"

#include <algorithm>
#include <optional>

namespace ecogov {

namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        std::string_view f = line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
        while (!f.empty() && (f.front() == ' ' || f.front() == '"')) f.remove_prefix(1);
        while (!f.empty() && (f.back() == ' ' || f.back() == '"' || f.back() == '\r')) f.remove_suffix(1);
        out.push_back(f);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::optional<bool> parse_flag(std::string_view v) {
    if (v == "yes" || v == "true" || v == "1" || v == "是" || v == "Y" || v == "y") return true;
    if (v == "no" || v == "false" || v == "0" || v == "否" || v == "N" || v == "n" || v.empty()) return false;
    return std::nullopt;
}

struct Layout {
    int code = -1, name = -1, city = -1, control = -1;
};

std::optional<Layout> layout_of(const std::vector<std::string_view>& header) {
    Layout l;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string_view h = header[i];
        const int idx = static_cast<int>(i);
        if (h == "监测点编码" || h == "code" || h == "station") l.code = idx;
        else if (h == "监测点名称" || h == "name") l.name = idx;
        else if (h == "城市" || h == "city") l.city = idx;
        else if (h == "control" || h == "对照点") l.control = idx;
    }
    if (l.code < 0 || l.city < 0) return std::nullopt;
    return l;
}

}  // namespace

Result<std::vector<StationInfo>> parse_station_list(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<StationInfo> out;
    std::optional<Layout> layout;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const auto fields = split_fields(line);
        const std::string where = "line " + std::to_string(line_no);
        if (!layout) {
            layout = layout_of(fields);
            if (!layout)
                return fail(ErrorCode::bad_data,
                            "station list header must name the station code and city columns "
                            "(监测点编码,监测点名称,城市 or code,name,city[,control])",
                            where);
            continue;
        }
        const auto at = [&](int i) { return i >= 0 && i < static_cast<int>(fields.size()) ? fields[static_cast<std::size_t>(i)] : std::string_view{}; };
        StationInfo s{std::string(at(layout->code)), std::string(at(layout->name)), std::string(at(layout->city)), false};
        if (s.code.empty()) return fail(ErrorCode::bad_data, "empty station code", where);
        if (s.city.empty()) return fail(ErrorCode::bad_data, "station " + s.code + " has no city", where);
        if (layout->control >= 0) {
            const auto flag = parse_flag(at(layout->control));
            if (!flag) return fail(ErrorCode::bad_data, "control must be yes or no, not '" + std::string(at(layout->control)) + "'", where);
            s.control = *flag;
        }
        if (s.name.find("对照点") != std::string::npos) s.control = true;
        const bool dup = std::any_of(out.begin(), out.end(), [&](const StationInfo& o) { return o.code == s.code; });
        if (dup) return fail(ErrorCode::bad_data, "station " + s.code + " listed twice", where);
        out.push_back(std::move(s));
    }
    if (!layout) return fail(ErrorCode::bad_data, "station list is empty", "line 1");
    return out;
}

}  // namespace ecogov

#pragma once
// Reader for the CSV test vectors in tests/vectors (ECOGOV_VECTORS_DIR).
//
// Contract: lines starting with '#' are comments (the first ones name the source clause/table);
// the first other line is the header; every further non-empty line is a row with as many
// comma-separated fields as the header (no quoting). A missing or empty file, or a ragged row,
// is reported through `error` so that the calling test FAILS instead of passing vacuously.
#include <charconv>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecogov::test {

struct VectorRow {
    int line = 0;  // 1-based line in the file
    std::map<std::string, std::string, std::less<>> fields;

    /// The field named `name`; empty when the column does not exist.
    const std::string& at(std::string_view name) const {
        static const std::string kEmpty;
        const auto it = fields.find(name);
        return it == fields.end() ? kEmpty : it->second;
    }
};

struct VectorFile {
    std::string path;
    std::string error;  // non-empty when the file cannot be used
    std::vector<VectorRow> rows;
};

inline std::vector<std::string> split_csv_line(std::string_view line, char sep = ',') {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = line.find(sep, start);
        out.emplace_back(line.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) return out;
        start = pos + 1;
    }
}

inline VectorFile read_vectors(const std::string& name) {
    VectorFile file;
    file.path = std::string(ECOGOV_VECTORS_DIR) + "/" + name;
    std::ifstream in(file.path);
    if (!in) {
        file.error = "cannot open vector file " + file.path;
        return file;
    }
    std::vector<std::string> header;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> cells = split_csv_line(line);
        if (header.empty()) {
            header = std::move(cells);
            continue;
        }
        if (cells.size() != header.size()) {
            file.error = file.path + ":" + std::to_string(number) + ": wrong field count";
            return file;
        }
        VectorRow row{number, {}};
        for (std::size_t i = 0; i < cells.size(); ++i) row.fields[header[i]] = cells[i];
        file.rows.push_back(std::move(row));
    }
    if (file.rows.empty()) file.error = "no vectors in " + file.path;
    return file;
}

/// "NA" (or empty) -> nullopt; otherwise a decimal integer. `ok` is cleared on malformed text.
inline std::optional<std::int32_t> parse_opt_int(std::string_view text, bool& ok) {
    if (text.empty() || text == "NA") return std::nullopt;
    std::int32_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) ok = false;
    return value;
}

/// Text of an optional integer as written in the vectors ("NA" for nothing).
inline std::string opt_text(const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string("NA");
}

}  // namespace ecogov::test

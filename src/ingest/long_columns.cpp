#include "ingest/long_columns.hpp"

#include "ingest/csv_fields.hpp"

namespace ecogov::ingest {

void LongColumns::read(std::string_view header_line) {
    std::vector<std::string_view> fields;
    split_fields(header_line, fields);
    names_.clear();
    for (std::string_view f : fields) names_.emplace_back(unquote(f));
}

int LongColumns::index(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<int>(i);
    return -1;
}

}  // namespace ecogov::ingest

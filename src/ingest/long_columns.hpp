#pragma once
// LongColumns: header handling shared by the long formats (cnemc, prsa): the header's field names
// and lookup of columns by name.
//
// Contract: read() splits and unquotes the header line; index() gives the 0-based position of the
// first column with exactly that name, or -1. Names stay available for issues via name().
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ecogov::ingest {

class LongColumns {
  public:
    void read(std::string_view header_line);
    int index(std::string_view name) const noexcept;
    std::size_t size() const noexcept { return names_.size(); }
    const std::string& name(std::size_t i) const noexcept { return names_[i]; }
    /// The first of `required` that is missing, or an empty view when all are present.
    template <typename Names>
    std::string_view first_missing(const Names& required) const noexcept {
        for (std::string_view n : required)
            if (index(n) < 0) return n;
        return {};
    }

  private:
    std::vector<std::string> names_;
};

}  // namespace ecogov::ingest

#include "services/xlsx_workbook.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ecogov {

Result<std::string> build_xlsx(const std::function<void(lxw_workbook*)>& fill) {
    char path[] = "/tmp/ecogov-xlsx-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return fail(ErrorCode::io, "cannot create a temporary file");
    close(fd);
    lxw_workbook* book = workbook_new(path);
    if (!book) {
        std::remove(path);
        return fail(ErrorCode::io, "cannot start the workbook");
    }
    fill(book);
    const lxw_error closed = workbook_close(book);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::remove(path);
    if (closed != LXW_NO_ERROR)
        return fail(ErrorCode::io, std::string("workbook: ") + lxw_strerror(closed));
    return bytes.str();
}

}  // namespace ecogov

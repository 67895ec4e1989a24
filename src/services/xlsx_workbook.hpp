#pragma once
// An XLSX workbook built in memory's stead: libxlsxwriter writes only to files, so the workbook
// goes to a private temporary file that is read back and removed. The one place every export
// (air daily values, ledger, problems, assessment bulletin) makes its workbook.
//
// Contract: `fill` adds sheets and cells to the open workbook; the answer is the file's bytes, or
// an io error (no temporary file, or libxlsxwriter's own error on closing). The temporary file is
// removed in every case.
#include <xlsxwriter.h>

#include <functional>
#include <string>

#include "core/result.hpp"

namespace ecogov {

Result<std::string> build_xlsx(const std::function<void(lxw_workbook*)>& fill);

}  // namespace ecogov

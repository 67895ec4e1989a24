#pragma once
// Cell value texts of the XLSX reader (ingest/xlsx_reader.hpp). Pure string work, no floating
// point on the number itself; C++20.
//
// Contract:
// - plain_decimal(): a number in exponent form ("1E-3", "-2.5e+2") as plain decimal text
//   ("0.001", "-250"), exactly, by moving the decimal point; trailing fraction zeros and leading
//   integer zeros dropped. Text without an exponent, text that is not a number, and exponents
//   beyond ±400 come back unchanged.
// - date_style(): whether a number format shows a date (builtin ids 14–17, 22, 27–31, 34–36,
//   50–58, or a format code with y or d outside quotes, escapes and [...]) and also a time
//   (builtin 22, or h or s in the code).
// - serial_text(): an Excel serial day number as "YYYY-MM-DD" (1900 system with its fictitious
//   1900-02-29 = 60, or the 1904 system), plus " HH:MM:SS" (rounded to the second) when
//   `with_time`; nullopt for negative, non-numeric or beyond 9999-12-31 serials.
#include <optional>
#include <string>
#include <string_view>

namespace ecogov::ingest::xlsx {

enum class DateStyle : unsigned char { none, date, date_time };

std::string plain_decimal(std::string_view number);
DateStyle builtin_date_style(long format_id) noexcept;
DateStyle date_style(std::string_view format_code) noexcept;
std::optional<std::string> serial_text(std::string_view number, bool date1904, bool with_time);

}  // namespace ecogov::ingest::xlsx

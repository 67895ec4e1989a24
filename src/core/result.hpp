#pragma once
// Result/Error: the project's error currency (architecture.md "Errors").
// Contract: a small closed set of codes; `message` says what went wrong in words a user can act on,
// `field` names where (a file:line:column, a JSON field, a CLI option), empty when not applicable.
#include <expected>
#include <string>

namespace ecogov {

enum class ErrorCode {
    invalid_argument,  // a caller-supplied value is malformed or out of range
    not_found,         // a named thing (file, station, record) does not exist
    io,                // reading or writing failed
    bad_data,          // input data violate their format
    conflict,          // the operation contradicts stored state
    unauthorized,      // no valid session or credentials
    forbidden,         // the actor's role or unit does not allow this
    too_large,         // a body or file exceeds its size limit
    unsupported_type,  // a file's content is not of an accepted type (or not what it claims)
    unavailable,       // busy or a needed program is missing: try again later
    internal,          // a bug: an invariant did not hold
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::string field;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
    return std::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

}  // namespace ecogov

#pragma once
// Small helpers shared by the platform route files: render a service Result as JSON or as the
// one error mapping (error_response), and `{"ok":true}`.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "net/http/router.hpp"

namespace ecogov::http {

inline Response ok_true() {
    return json_response(200, boost::json::object{{"ok", true}});
}

/// status + render(*r), or the error response.
template <typename T, typename Render>
Response render_result(const Result<T>& r, int status, Render render) {
    if (!r) return error_response(r.error());
    return json_response(status, render(*r));
}

/// The signed-in actor (the pipeline guarantees one for read/write routes).
inline const Actor& actor(const Request& req) {
    return *req.actor;
}

}  // namespace ecogov::http

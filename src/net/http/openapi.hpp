#pragma once
// OpenAPI 3.0.3 document generated from the Router's route table (issue 3 item 1): every route
// appears with its method, summary, {name} path parameters, security (session cookie, plus the
// X-CSRF-Token header for writes) and the common error schema. Served at /api/v1/openapi.json.
#include <boost/json/object.hpp>

#include "net/http/router.hpp"

namespace ecogov::http {

boost::json::object openapi_document(const Router& router);

}  // namespace ecogov::http

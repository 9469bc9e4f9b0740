#pragma once
// The built front end (web/dist), served from the same process as the API.
// Only files inside the folder are served: a path with a ".." segment, a
// backslash, a NUL or an encoded slash is refused (400) before the file
// system is touched, and the resolved file must still lie inside the
// folder (so a symbolic link cannot lead out). "/" serves index.html.

#include <string>

#include "server/http.h"

namespace uncounted::server {

void serve_static_file(const std::string& static_dir, const httplib::Request& request,
                       httplib::Response& response);

// The Content-Type for a file name's extension.
std::string content_type_for(const std::string& path);

}  // namespace uncounted::server

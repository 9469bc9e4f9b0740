#pragma once
// cpp-httplib as Debian builds it: the header declares, libcpp-httplib.so
// implements, with OpenSSL, zlib and brotli support compiled in. Classes
// change shape with these macros, so every file must see the same ones as
// the library's build (its pkg-config Cflags); include <httplib.h> only
// through this header.

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#endif
#ifndef CPPHTTPLIB_BROTLI_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#endif
#include <httplib.h>

#ifndef TONGHOP_CZLIB_SHIM_H
#define TONGHOP_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros that pass ZLIB_VERSION and the struct
// size; Swift cannot import function-like macros, so wrap them.
static inline int tonghop_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2_(strm, windowBits, ZLIB_VERSION, (int)sizeof(z_stream));
}

static inline int tonghop_deflateInit2(z_streamp strm, int level, int windowBits,
                                       int memLevel, int strategy) {
    return deflateInit2_(strm, level, Z_DEFLATED, windowBits, memLevel, strategy,
                         ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif

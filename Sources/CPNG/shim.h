#ifndef CPNG_SHIM_H
#define CPNG_SHIM_H
#include <png.h>

// The simplified API's formats and checks are macros built from other macros; Swift sees these instead.
static inline png_uint_32 cpng_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 cpng_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 cpng_image_version(void) { return PNG_IMAGE_VERSION; }
static inline int cpng_image_failed(const png_image *image) { return PNG_IMAGE_FAILED(*image); }
#endif

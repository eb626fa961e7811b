#ifndef CPNG_SHIM_H
#define CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

// The simplified API's formats and checks are macros built from other macros; Swift sees these instead.
static inline png_uint_32 cpng_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 cpng_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 cpng_image_version(void) { return PNG_IMAGE_VERSION; }
static inline int cpng_image_failed(const png_image *image) { return PNG_IMAGE_FAILED(*image); }

// Row-by-row reading and writing with libpng's low-level API, so that a 40-megapixel PNG never sits whole in memory.
// libpng reports errors with longjmp; every function below sets its own setjmp before it calls libpng, so a jump
// only ever lands in a C frame that is still running and never crosses Swift code. Each returns 0 on success, and
// otherwise -1 with the reason in `message`.
typedef struct cpng_stream {
    png_structp png;
    png_infop info;
    const unsigned char *input;
    size_t input_length;
    size_t input_offset;
    unsigned char *output;
    size_t output_length;
    size_t output_capacity;
    png_uint_32 width;
    png_uint_32 height;
    int interlaced;
    char message[160];
} cpng_stream;

static inline void cpng_stream_error(png_structp png, png_const_charp text) {
    cpng_stream *stream = (cpng_stream *)png_get_error_ptr(png);
    if (stream != NULL) { strncpy(stream->message, text != NULL ? text : "libpng", sizeof stream->message - 1); }
    png_longjmp(png, 1);
}

static inline void cpng_stream_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

static inline void cpng_stream_read_bytes(png_structp png, png_bytep out, size_t count) {
    cpng_stream *stream = (cpng_stream *)png_get_io_ptr(png);
    if (count > stream->input_length - stream->input_offset) { png_error(png, "PNG terpotong"); }
    memcpy(out, stream->input + stream->input_offset, count);
    stream->input_offset += count;
}

// Opens the PNG in `bytes` (which must outlive the stream) for reading as 8-bit RGBA rows (palette, grey, 16-bit
// and tRNS transparency converted). An interlaced PNG is opened without transforms: `interlaced` says so.
static inline int cpng_read_open(cpng_stream *stream, const unsigned char *bytes, size_t length) {
    memset(stream, 0, sizeof *stream);
    stream->input = bytes;
    stream->input_length = length;
    stream->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, stream, cpng_stream_error, cpng_stream_warning);
    if (stream->png == NULL) { strcpy(stream->message, "png_create_read_struct"); return -1; }
    stream->info = png_create_info_struct(stream->png);
    if (stream->info == NULL) { strcpy(stream->message, "png_create_info_struct"); return -1; }
    if (setjmp(png_jmpbuf(stream->png))) { return -1; }
    png_set_read_fn(stream->png, stream, cpng_stream_read_bytes);
    png_read_info(stream->png, stream->info);
    int depth = 0, color = 0, interlace = 0;
    png_get_IHDR(stream->png, stream->info, &stream->width, &stream->height, &depth, &color, &interlace, NULL, NULL);
    if (interlace != PNG_INTERLACE_NONE) { stream->interlaced = 1; return 0; }
    png_set_expand(stream->png);
    png_set_strip_16(stream->png);
    png_set_gray_to_rgb(stream->png);
    if ((color & PNG_COLOR_MASK_ALPHA) == 0 && !png_get_valid(stream->png, stream->info, PNG_INFO_tRNS)) {
        png_set_add_alpha(stream->png, 0xFF, PNG_FILLER_AFTER);
    }
    png_read_update_info(stream->png, stream->info);
    if (png_get_rowbytes(stream->png, stream->info) != (size_t)stream->width * 4) { png_error(stream->png, "format baris tak terduga"); }
    return 0;
}

// Reads the next row into `row` (width * 4 bytes, RGBA).
static inline int cpng_read_row(cpng_stream *stream, unsigned char *row) {
    if (setjmp(png_jmpbuf(stream->png))) { return -1; }
    png_read_row(stream->png, row, NULL);
    return 0;
}

static inline void cpng_read_close(cpng_stream *stream) {
    if (stream->png != NULL) { png_destroy_read_struct(&stream->png, stream->info != NULL ? &stream->info : NULL, NULL); }
}

static inline void cpng_stream_write_bytes(png_structp png, png_bytep data, size_t count) {
    cpng_stream *stream = (cpng_stream *)png_get_io_ptr(png);
    if (count > stream->output_capacity - stream->output_length) {
        size_t capacity = stream->output_capacity * 2 + count + 4096;
        unsigned char *grown = (unsigned char *)realloc(stream->output, capacity);
        if (grown == NULL) { png_error(png, "memori habis"); }
        stream->output = grown;
        stream->output_capacity = capacity;
    }
    memcpy(stream->output + stream->output_length, data, count);
    stream->output_length += count;
}

static inline void cpng_stream_flush(png_structp png) { (void)png; }

// Writes an 8-bit RGB PNG of `width` x `height` whose every row is `row` (width * 3 bytes) into `output` (malloc'd;
// free it with `free`), interlaced (Adam7) or not. Makes large flat test images without holding their pixels.
static inline int cpng_write_repeated_row(cpng_stream *stream, png_uint_32 width, png_uint_32 height, const unsigned char *row,
                                          int interlaced) {
    memset(stream, 0, sizeof *stream);
    stream->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, stream, cpng_stream_error, cpng_stream_warning);
    if (stream->png == NULL) { strcpy(stream->message, "png_create_write_struct"); return -1; }
    stream->info = png_create_info_struct(stream->png);
    if (stream->info == NULL) { png_destroy_write_struct(&stream->png, NULL); strcpy(stream->message, "png_create_info_struct"); return -1; }
    if (setjmp(png_jmpbuf(stream->png))) {
        png_destroy_write_struct(&stream->png, &stream->info);
        return -1;
    }
    png_set_write_fn(stream->png, stream, cpng_stream_write_bytes, cpng_stream_flush);
    png_set_user_limits(stream->png, 0x7fffffff, 0x7fffffff);
    png_set_IHDR(stream->png, stream->info, width, height, 8, PNG_COLOR_TYPE_RGB,
                 interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(stream->png, stream->info);
    int passes = interlaced ? png_set_interlace_handling(stream->png) : 1;
    for (int pass = 0; pass < passes; pass++) {
        for (png_uint_32 y = 0; y < height; y++) { png_write_row(stream->png, row); }
    }
    png_write_end(stream->png, NULL);
    png_destroy_write_struct(&stream->png, &stream->info);
    return 0;
}
#endif

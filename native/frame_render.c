// The inner loops of a diffraction frame preview (src/dataproxy/frames/), in C: the byte_offset
// decode of a CBF fused with the statistics of its top-left region, the percentiles of that region
// for other formats, the grey map with the area-averaging resize of a band of output rows, and the
// PNG "Up" row filter with its Adler-32. Each computes exactly what its JavaScript twin does (the
// same double and float operations in the same order; built with -ffp-contract=off), so a preview
// has the same pixels with or without this addon. It works in place on the typed arrays (often in
// SharedArrayBuffers) the frame threads share, and is context-aware: it is loaded by several
// worker threads at once and keeps no state between calls. Built for the x86-64 baseline, it
// takes AVX2 loops (decode, grey map, narrowing, row sums) where the processor has them.
#define NAPI_VERSION 8
#include <node_api.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WITH_AVX2 1
#endif

#ifdef WITH_AVX2
/** Whether this processor has AVX2: the addon is built for the x86-64 baseline and picks its loops at run time. */
static int has_avx2(void) {
  static int known = -1;
  if (known < 0) {
    __builtin_cpu_init();
    known = __builtin_cpu_supports("avx2") ? 1 : 0;
  }
  return known;
}
#endif

/* ---------- arguments ---------- */

typedef struct {
  napi_typedarray_type type;
  size_t length;
  void *data;
} Array;

static int fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return 0;
}

static int array_arg(napi_env env, napi_value value, Array *out, const char *message) {
  bool is = false;
  if (napi_is_typedarray(env, value, &is) != napi_ok || !is) return fail(env, message);
  if (napi_get_typedarray_info(env, value, &out->type, &out->length, &out->data, NULL, NULL) != napi_ok) return fail(env, message);
  return 1;
}

static int double_arg(napi_env env, napi_value value, double *out, const char *message) {
  if (napi_get_value_double(env, value, out) != napi_ok || !isfinite(*out)) return fail(env, message);
  return 1;
}

/**
 * A whole number in [0, 2^31): sizes, row numbers and offsets. Products of two stay far inside
 * int64, so the bounds checks cannot overflow.
 */
static int size_arg(napi_env env, napi_value value, int64_t *out, const char *message) {
  double number;
  if (napi_get_value_double(env, value, &number) != napi_ok || !(number >= 0 && number <= INT32_MAX) || floor(number) != number) return fail(env, message);
  *out = (int64_t)number;
  return 1;
}

static int is_integer_pixels(napi_typedarray_type type) {
  return type == napi_int8_array || type == napi_uint8_array || type == napi_int16_array || type == napi_uint16_array || type == napi_int32_array || type == napi_uint32_array;
}

static napi_value number_value(napi_env env, double number) {
  napi_value result;
  napi_create_double(env, number, &result);
  return result;
}

/* ---------- percentiles of the statistics region (render.ts, CountedValues) ---------- */

/** Valid values (0 ≤ v < cutoff) counted: a histogram below 65536, the few larger ones listed. */
typedef struct {
  uint32_t histogram[65536];
  int64_t *large;
  size_t large_count, large_capacity;
  uint64_t count;
  int out_of_memory;
} Counted;

static Counted *counted_new(void) {
  return calloc(1, sizeof(Counted));
}

static void counted_free(Counted *counted) {
  if (counted) free(counted->large);
  free(counted);
}

static void count_large(Counted *counted, int64_t value) {
  if (counted->large_count == counted->large_capacity) {
    size_t capacity = counted->large_capacity ? counted->large_capacity * 2 : 1024;
    int64_t *grown = realloc(counted->large, capacity * sizeof(int64_t));
    if (!grown) {
      counted->out_of_memory = 1;
      return;
    }
    counted->large = grown;
    counted->large_capacity = capacity;
  }
  counted->large[counted->large_count++] = value;
}

/** The first integer not below the cutoff: v < cutoff ⟺ v < limit for whole numbers v. */
static int64_t valid_limit(double cutoff) {
  if (cutoff > 9.0e18) return INT64_MAX;
  return (int64_t)ceil(cutoff);
}

#define COUNT_ROW(T)                                                                          \
  static void count_row_##T(Counted *counted, const T *row, int64_t columns, int64_t limit) { \
    uint64_t valid = 0;                                                                       \
    for (int64_t c = 0; c < columns; c++) {                                                   \
      int64_t v = row[c];                                                                     \
      if (v >= 0 && v < limit) {                                                              \
        valid++;                                                                              \
        if (v < 65536) counted->histogram[v]++;                                               \
        else count_large(counted, v);                                                         \
      }                                                                                       \
    }                                                                                         \
    counted->count += valid;                                                                  \
  }
COUNT_ROW(int8_t)
COUNT_ROW(uint8_t)
COUNT_ROW(int16_t)
COUNT_ROW(uint16_t)
COUNT_ROW(int32_t)
COUNT_ROW(uint32_t)

static void count_row(Counted *counted, napi_typedarray_type type, const void *pixels, int64_t from, int64_t columns, int64_t limit) {
  switch (type) {
    case napi_int8_array: count_row_int8_t(counted, (const int8_t *)pixels + from, columns, limit); break;
    case napi_uint8_array: count_row_uint8_t(counted, (const uint8_t *)pixels + from, columns, limit); break;
    case napi_int16_array: count_row_int16_t(counted, (const int16_t *)pixels + from, columns, limit); break;
    case napi_uint16_array: count_row_uint16_t(counted, (const uint16_t *)pixels + from, columns, limit); break;
    case napi_int32_array: count_row_int32_t(counted, (const int32_t *)pixels + from, columns, limit); break;
    case napi_uint32_array: count_row_uint32_t(counted, (const uint32_t *)pixels + from, columns, limit); break;
    default: break;
  }
}

static int compare_int64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static double ranked(const Counted *counted, uint64_t k) {
  uint64_t seen = 0;
  for (int value = 0; value < 65536; value++) {
    seen += counted->histogram[value];
    if (seen > k) return value;
  }
  return (double)counted->large[k - seen];
}

/** numpy's linear interpolation between the two nearest ranks, as render.ts computes it. */
static double percentile(const Counted *counted, double p) {
  double position = ((double)(counted->count - 1) * p) / 100;
  double below = floor(position);
  double low = ranked(counted, (uint64_t)below);
  double high = below + 1 < (double)counted->count ? ranked(counted, (uint64_t)below + 1) : low;
  return low + (high - low) * (position - below);
}

/** Writes lo and hi into contrast; returns the count of valid values (0: nothing written). */
static double finish_contrast(Counted *counted, double *contrast) {
  if (counted->count == 0) return 0;
  qsort(counted->large, counted->large_count, sizeof(int64_t), compare_int64);
  contrast[0] = percentile(counted, 1);
  contrast[1] = percentile(counted, 99.85);
  return (double)counted->count;
}

static int contrast_arg(napi_env env, napi_value value, double **out) {
  Array contrast;
  if (!array_arg(env, value, &contrast, "contrast must be a Float64Array of 2")) return 0;
  if (contrast.type != napi_float64_array || contrast.length < 2) return fail(env, "contrast must be a Float64Array of 2");
  *out = contrast.data;
  return 1;
}

/**
 * regionContrast(pixels, width, regionRows, regionCols, cutoff, contrast): the 1st and 99.85th
 * percentiles of the valid values of rows [0, regionRows) × columns [0, regionCols) into
 * contrast[0], contrast[1]; returns how many values were valid (0: contrast untouched).
 */
static napi_value region_contrast(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Array pixels;
  int64_t width, rows, columns;
  double cutoff, *contrast;
  if (argc < 6 || !array_arg(env, argv[0], &pixels, "pixels must be an integer typed array") || !size_arg(env, argv[1], &width, "width must be a whole number")
      || !size_arg(env, argv[2], &rows, "regionRows must be a whole number") || !size_arg(env, argv[3], &columns, "regionCols must be a whole number")
      || !double_arg(env, argv[4], &cutoff, "cutoff must be a number") || !contrast_arg(env, argv[5], &contrast)) return NULL;
  if (!is_integer_pixels(pixels.type)) return fail(env, "pixels must be an integer typed array"), NULL;
  if (columns > width || (uint64_t)(rows * width) > pixels.length) return fail(env, "the region is outside the pixels"), NULL;
  Counted *counted = counted_new();
  if (!counted) return napi_throw_error(env, NULL, "out of memory"), NULL;
  int64_t limit = valid_limit(cutoff);
  for (int64_t r = 0; r < rows; r++) count_row(counted, pixels.type, pixels.data, r * width, columns, limit);
  double valid = counted->out_of_memory ? -1 : finish_contrast(counted, contrast);
  counted_free(counted);
  if (valid < 0) return napi_throw_error(env, NULL, "out of memory"), NULL;
  return number_value(env, valid);
}

/* ---------- CBF byte_offset (cbf.ts) ---------- */

/** True when one of the 8 bytes of word is 0x80, the escape to a wider value. */
static inline int has_escape(uint64_t word) {
  uint64_t x = word ^ 0x8080808080808080ULL;
  return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

/**
 * Decodes count values from bytes[*at…] into out, carrying the running value; returns how many
 * were decoded before the data ended (count when all were).
 */
static int64_t byte_offset_run(const uint8_t *bytes, size_t end, size_t *at, int32_t *value, int32_t *out, int64_t count) {
  size_t p = *at;
  uint32_t v = (uint32_t)*value;
  int64_t i = 0;
  while (i < count) {
    // Eight one-byte differences at once when no escape byte is among them (nearly always).
    if (i + 8 <= count && p + 8 <= end) {
      uint64_t word;
      memcpy(&word, bytes + p, 8);
      if (!has_escape(word)) {
        for (int k = 0; k < 8; k++) {
          v += (uint32_t)(int32_t)(int8_t)bytes[p + k];
          out[i + k] = (int32_t)v;
        }
        p += 8;
        i += 8;
        continue;
      }
    }
    if (p >= end) break;
    int32_t delta = (int8_t)bytes[p++];
    if (delta == -128) {
      if (p + 2 > end) break;
      delta = (int16_t)(bytes[p] | (bytes[p + 1] << 8));
      p += 2;
      if (delta == -32768) {
        if (p + 4 > end) break;
        delta = (int32_t)((uint32_t)bytes[p] | ((uint32_t)bytes[p + 1] << 8) | ((uint32_t)bytes[p + 2] << 16) | ((uint32_t)bytes[p + 3] << 24));
        p += 4;
      }
    }
    v += (uint32_t)delta;
    out[i++] = (int32_t)v;
  }
  *at = p;
  *value = (int32_t)v;
  return i;
}

#ifdef WITH_AVX2
/**
 * byte_offset_run with sixteen one-byte differences at a time where no escape byte is among them:
 * the differences widened to 32 bits and summed into running values inside the vector (additions
 * wrap around in 32 bits, as the scalar ones). Sixteen values after a chunk with an escape go
 * through the scalar code.
 */
__attribute__((target("avx2"))) static int64_t byte_offset_run_avx2(const uint8_t *bytes, size_t end, size_t *at, int32_t *value, int32_t *out, int64_t count) {
  const __m128i escape = _mm_set1_epi8((char)0x80);
  const __m256i last = _mm256_set1_epi32(7);
  int64_t i = 0;
  while (i < count) {
    if (i + 16 <= count && *at + 16 <= end) {
      size_t p = *at;
      __m256i running = _mm256_set1_epi32(*value);
      while (i + 16 <= count && p + 16 <= end) {
        __m128i raw = _mm_loadu_si128((const __m128i *)(bytes + p));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(raw, escape))) break;
        __m256i a = _mm256_cvtepi8_epi32(raw), b = _mm256_cvtepi8_epi32(_mm_srli_si128(raw, 8));
        // Sums within each half of 4, then the lower half's total added to the upper half.
        a = _mm256_add_epi32(a, _mm256_slli_si256(a, 4));
        b = _mm256_add_epi32(b, _mm256_slli_si256(b, 4));
        a = _mm256_add_epi32(a, _mm256_slli_si256(a, 8));
        b = _mm256_add_epi32(b, _mm256_slli_si256(b, 8));
        a = _mm256_add_epi32(a, _mm256_shuffle_epi32(_mm256_permute2x128_si256(a, a, 0x08), 0xff));
        b = _mm256_add_epi32(b, _mm256_shuffle_epi32(_mm256_permute2x128_si256(b, b, 0x08), 0xff));
        _mm256_storeu_si256((__m256i *)(out + i), _mm256_add_epi32(running, a));
        running = _mm256_add_epi32(running, _mm256_permutevar8x32_epi32(a, last));
        _mm256_storeu_si256((__m256i *)(out + i + 8), _mm256_add_epi32(running, b));
        running = _mm256_add_epi32(running, _mm256_permutevar8x32_epi32(b, last));
        p += 16;
        i += 16;
      }
      *at = p;
      *value = _mm256_cvtsi256_si32(running);
    }
    int64_t wanted = count - i < 16 ? count - i : 16;
    int64_t done = byte_offset_run(bytes, end, at, value, out + i, wanted);
    i += done;
    if (done < wanted) break;
  }
  return i;
}
#endif

static int64_t decode_row(const uint8_t *bytes, size_t end, size_t *at, int32_t *value, int32_t *out, int64_t count) {
#ifdef WITH_AVX2
  if (has_avx2()) return byte_offset_run_avx2(bytes, end, at, value, out, count);
#endif
  return byte_offset_run(bytes, end, at, value, out, count);
}

/**
 * decodeByteOffset(bytes, start, pixels, width, regionRows, regionCols, cutoff, contrast): decodes
 * pixels.length values from bytes[start…] into the Int32Array pixels, row by row of width, and
 * counts the valid values of the statistics region while each row is still in cache. Returns
 * the count of valid values (contrast written as regionContrast does when > 0), or −1 − n when the
 * data ended after n values. A frame may be decoded in two calls, its first rows then the rest:
 * with a Float64Array `carry` of 2 as ninth argument, the values continue from carry[0] (the last
 * value before these pixels), and carry[0], carry[1] are set to the last value and the byte offset
 * after it.
 */
static napi_value decode_byte_offset(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Array bytes, pixels;
  int64_t start, width, rows, columns;
  double cutoff, *contrast;
  if (argc < 8 || !array_arg(env, argv[0], &bytes, "bytes must be a Uint8Array") || !size_arg(env, argv[1], &start, "start must be a whole number")
      || !array_arg(env, argv[2], &pixels, "pixels must be an Int32Array") || !size_arg(env, argv[3], &width, "width must be a whole number")
      || !size_arg(env, argv[4], &rows, "regionRows must be a whole number") || !size_arg(env, argv[5], &columns, "regionCols must be a whole number")
      || !double_arg(env, argv[6], &cutoff, "cutoff must be a number") || !contrast_arg(env, argv[7], &contrast)) return NULL;
  if (bytes.type != napi_uint8_array) return fail(env, "bytes must be a Uint8Array"), NULL;
  if (pixels.type != napi_int32_array) return fail(env, "pixels must be an Int32Array"), NULL;
  Array carry = {0};
  if (argc >= 9 && (!array_arg(env, argv[8], &carry, "carry must be a Float64Array of 2") || carry.type != napi_float64_array || carry.length < 2))
    return fail(env, "carry must be a Float64Array of 2"), NULL;
  double *carried = carry.data;
  if (carried && !(fabs(carried[0]) <= 2147483648.0)) return fail(env, "carry[0] must be a 32-bit value"), NULL;
  int64_t count = (int64_t)pixels.length;
  if (width == 0 || count % width != 0 || columns > width || rows * width > count) return fail(env, "the region is outside the pixels"), NULL;
  Counted *counted = counted_new();
  if (!counted) return napi_throw_error(env, NULL, "out of memory"), NULL;
  int64_t limit = valid_limit(cutoff);
  size_t at = (size_t)start, end = bytes.length;
  int32_t value = carried ? (int32_t)(int64_t)carried[0] : 0;
  int32_t *out = pixels.data;
  double result = 0;
  for (int64_t row = 0; row * width < count; row++) {
    int64_t done = at <= end ? decode_row(bytes.data, end, &at, &value, out + row * width, width) : 0;
    if (done < width) {
      result = -1.0 - (double)(row * width + done);
      break;
    }
    if (row < rows) count_row_int32_t(counted, out + row * width, columns, limit);
  }
  if (result == 0) result = counted->out_of_memory ? -0.5 : finish_contrast(counted, contrast);
  counted_free(counted);
  if (carried) {
    carried[0] = value;
    carried[1] = (double)at;
  }
  if (result == -0.5) return napi_throw_error(env, NULL, "out of memory"), NULL;
  return number_value(env, result);
}

/* ---------- grey map and area-averaging resize (render.ts greyRow, area-resize.ts) ---------- */

// Inverted grey value: round(|(v − lo) × gain|), clamped to 255, subtracted from 255; kept as a
// double (a whole number, as exact as the byte the JavaScript stores). Written without branches so
// that gcc vectorises it: m + 0.5 ≥ 255 exactly when m ≥ 254.5, the JavaScript's test.
#define GREY_ROW(T)                                                                                          \
  static void grey_row_##T(const T *restrict row, int64_t width, double *restrict grey, double lo, double gain) { \
    for (int64_t i = 0; i < width; i++) {                                                                    \
      double scaled = ((double)row[i] - lo) * gain;                                                          \
      double rounded = fabs(scaled) + 0.5;                                                                   \
      rounded = rounded < 255.0 ? rounded : 255.0;                                                           \
      grey[i] = 255.0 - (double)(int32_t)rounded;                                                            \
    }                                                                                                        \
  }
GREY_ROW(int8_t)
GREY_ROW(uint8_t)
GREY_ROW(int16_t)
GREY_ROW(uint16_t)
GREY_ROW(int32_t)
GREY_ROW(uint32_t)

#ifdef __SSE2__
// The same for 32-bit pixels (CBF, Eiger), two at a time: gcc does not vectorise the clamp itself.
// _mm_min_pd(a, b) is exactly a < b ? a : b, and clearing the sign bit is fabs.
static void grey_row_int32_sse2(const int32_t *restrict row, int64_t width, double *restrict grey, double lo, double gain) {
  const __m128d low = _mm_set1_pd(lo), factor = _mm_set1_pd(gain), half = _mm_set1_pd(0.5), white = _mm_set1_pd(255.0);
  const __m128d magnitude = _mm_castsi128_pd(_mm_set1_epi64x(INT64_MAX));
  int64_t i = 0;
  for (; i + 2 <= width; i += 2) {
    __m128d value = _mm_cvtepi32_pd(_mm_loadl_epi64((const __m128i *)(row + i)));
    __m128d scaled = _mm_mul_pd(_mm_sub_pd(value, low), factor);
    __m128d rounded = _mm_min_pd(_mm_add_pd(_mm_and_pd(scaled, magnitude), half), white);
    _mm_storeu_pd(grey + i, _mm_sub_pd(white, _mm_cvtepi32_pd(_mm_cvttpd_epi32(rounded))));
  }
  if (i < width) grey_row_int32_t(row + i, width - i, grey + i, lo, gain);
}
#endif

#ifdef WITH_AVX2
// Four at a time where the processor has AVX2 (chosen at run time: the addon is built for the
// x86-64 baseline). AVX2 does not bring fused multiply-add, so every operation rounds as before.
__attribute__((target("avx2"))) static void grey_row_int32_avx2(const int32_t *restrict row, int64_t width, double *restrict grey, double lo, double gain) {
  const __m256d low = _mm256_set1_pd(lo), factor = _mm256_set1_pd(gain), half = _mm256_set1_pd(0.5), white = _mm256_set1_pd(255.0);
  const __m256d magnitude = _mm256_castsi256_pd(_mm256_set1_epi64x(INT64_MAX));
  int64_t i = 0;
  for (; i + 4 <= width; i += 4) {
    __m256d value = _mm256_cvtepi32_pd(_mm_loadu_si128((const __m128i *)(row + i)));
    __m256d scaled = _mm256_mul_pd(_mm256_sub_pd(value, low), factor);
    __m256d rounded = _mm256_min_pd(_mm256_add_pd(_mm256_and_pd(scaled, magnitude), half), white);
    // Truncating in place is the round trip through int32 of the scalar code (0.5 ≤ rounded ≤ 255).
    _mm256_storeu_pd(grey + i, _mm256_sub_pd(white, _mm256_round_pd(rounded, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC)));
  }
  if (i < width) grey_row_int32_t(row + i, width - i, grey + i, lo, gain);
}

#endif

static void grey_row(napi_typedarray_type type, const void *pixels, int64_t from, int64_t width, double *grey, double lo, double gain) {
#ifdef WITH_AVX2
  if (type == napi_int32_array && has_avx2()) {
    grey_row_int32_avx2((const int32_t *)pixels + from, width, grey, lo, gain);
    return;
  }
#endif
#ifdef __SSE2__
  if (type == napi_int32_array) {
    grey_row_int32_sse2((const int32_t *)pixels + from, width, grey, lo, gain);
    return;
  }
#endif
  switch (type) {
    case napi_int8_array: grey_row_int8_t((const int8_t *)pixels + from, width, grey, lo, gain); break;
    case napi_uint8_array: grey_row_uint8_t((const uint8_t *)pixels + from, width, grey, lo, gain); break;
    case napi_int16_array: grey_row_int16_t((const int16_t *)pixels + from, width, grey, lo, gain); break;
    case napi_uint16_array: grey_row_uint16_t((const uint16_t *)pixels + from, width, grey, lo, gain); break;
    case napi_int32_array: grey_row_int32_t((const int32_t *)pixels + from, width, grey, lo, gain); break;
    case napi_uint32_array: grey_row_uint32_t((const uint32_t *)pixels + from, width, grey, lo, gain); break;
    default: break;
  }
}

/**
 * For each target cell: its first source cell, how many it overlaps, and by how much
 * (area-resize.ts spans). Every cell has `widest` weights, those past its count 0.
 */
typedef struct {
  int32_t *first, *count;
  double *weights;
  int32_t widest;
} Spans;

static int spans_make(Spans *spans, int64_t source, int64_t target) {
  double step = (double)source / (double)target;
  spans->widest = (int32_t)ceil(step) + 1;
  spans->first = malloc(target * sizeof(int32_t));
  spans->count = malloc(target * sizeof(int32_t));
  spans->weights = calloc((size_t)target * spans->widest, sizeof(double));
  if (!spans->first || !spans->count || !spans->weights) return 0;
  for (int64_t i = 0; i < target; i++) {
    double start = (double)i * step;
    double end = (double)(i + 1) * step;
    double first = floor(start);
    double last = fmin((double)source, ceil(end));
    spans->first[i] = (int32_t)first;
    spans->count[i] = (int32_t)(last - first);
    for (double j = first; j < last; j++) spans->weights[i * spans->widest + (int64_t)(j - first)] = (fmin(end, j + 1) - fmax(start, j)) / step;
  }
  return 1;
}

static void spans_free(Spans *spans) {
  free(spans->first);
  free(spans->count);
  free(spans->weights);
}

// One grey source row averaged to the output width, each cell's terms summed in order and stored
// as a float, as area-resize.ts narrow() does. Every cell sums `widest` terms: the ones past its
// count add exactly +0 (a zero weight times a grey value of the zero-padded row), which leaves a
// sum of non-negative terms unchanged, and a fixed count lets gcc unroll the loop.
#define NARROW(N)                                                                   \
  for (int64_t x = 0; x < cells; x++) {                                             \
    const double *g = grey + first[x];                                              \
    const double *w = weights + x * (N);                                            \
    double sum = g[0] * w[0];                                                       \
    for (int32_t k = 1; k < (N); k++) sum += g[k] * w[k];                           \
    into[x] = (float)sum;                                                           \
  }                                                                                 \
  return;

#ifdef __SSE2__
// Two cells at a time, one in each half of a vector: each lane adds its own cell's terms in order,
// so every sum is the scalar one. `paired` holds the weights of cells 2i and 2i + 1 interleaved.
#define NARROW_PAIRS(N)                                                             \
  for (; x + 2 <= cells; x += 2) {                                                  \
    const double *a = grey + first[x], *b = grey + first[x + 1];                    \
    const double *w = paired + x * (N);                                             \
    __m128d sum = _mm_mul_pd(_mm_set_pd(b[0], a[0]), _mm_loadu_pd(w));              \
    for (int32_t k = 1; k < (N); k++) sum = _mm_add_pd(sum, _mm_mul_pd(_mm_set_pd(b[k], a[k]), _mm_loadu_pd(w + 2 * k))); \
    _mm_storel_pi((__m64 *)(into + x), _mm_cvtpd_ps(sum));                          \
  }                                                                                 \
  break;

/** The weights of `spans` rearranged for NARROW_PAIRS (an odd last cell keeps its own at the end). */
static double *paired_weights(const Spans *spans, int64_t cells) {
  const int32_t n = spans->widest;
  double *paired = malloc((size_t)cells * n * sizeof(double));
  if (!paired) return NULL;
  int64_t x = 0;
  for (; x + 2 <= cells; x += 2)
    for (int32_t k = 0; k < n; k++) {
      paired[x * n + 2 * k] = spans->weights[x * n + k];
      paired[x * n + 2 * k + 1] = spans->weights[(x + 1) * n + k];
    }
  for (int32_t k = 0; x < cells && k < n; k++) paired[x * n + k] = spans->weights[x * n + k];
  return paired;
}

__attribute__((noinline)) static void narrow_pairs(const double *restrict grey, const Spans *across, const double *restrict paired, int64_t cells, float *restrict into) {
  const int32_t *first = across->first;
  int64_t x = 0;
  switch (across->widest) {
    case 3: NARROW_PAIRS(3)
    case 4: NARROW_PAIRS(4)
    case 5: NARROW_PAIRS(5)
    case 6: NARROW_PAIRS(6)
    default: NARROW_PAIRS(across->widest)
  }
  for (; x < cells; x++) {
    const double *g = grey + first[x];
    const double *w = paired + x * across->widest;
    double sum = g[0] * w[0];
    for (int32_t k = 1; k < across->widest; k++) sum += g[k] * w[k];
    into[x] = (float)sum;
  }
}
#endif

__attribute__((noinline)) static void narrow(const double *restrict grey, const Spans *across, int64_t cells, float *restrict into) {
  const int32_t *first = across->first;
  const double *weights = across->weights;
  switch (across->widest) {
    case 2: NARROW(2)
    case 3: NARROW(3)
    case 4: NARROW(4)
    case 5: NARROW(5)
    case 6: NARROW(6)
    default: NARROW(across->widest)
  }
}

/** sums = row × weight (first) or sums += row × weight (the next ones): the rows of an output row added in order. */
__attribute__((noinline)) static void weigh_row(const float *restrict row, double weight, double *restrict sums, int64_t cells, int first) {
  if (first) for (int64_t x = 0; x < cells; x++) sums[x] = row[x] * weight;
  else for (int64_t x = 0; x < cells; x++) sums[x] += row[x] * weight;
}

/** Math.round of the non-negative sums, clamped to 255. */
__attribute__((noinline)) static void round_row(const double *restrict sums, uint8_t *restrict line, int64_t cells) {
  for (int64_t x = 0; x < cells; x++) {
    double sum = sums[x];
    int32_t whole = (int32_t)sum;
    int32_t value = whole + (sum - (double)whole >= 0.5);
    line[x] = (uint8_t)(value > 255 ? 255 : value);
  }
}

#ifdef WITH_AVX2
/**
 * The weights of `spans` for narrow_quads: the cells 4i…4i + 3 side by side, term after term,
 * `terms` of them (a multiple of 4; past a cell's own count, 0).
 */
static double *quad_weights(const Spans *spans, int64_t cells, int32_t terms) {
  double *quad = calloc((size_t)cells * terms, sizeof(double));
  if (!quad) return NULL;
  for (int64_t x = 0; x + 4 <= cells; x += 4)
    for (int32_t j = 0; j < 4; j++)
      for (int32_t k = 0; k < spans->widest; k++) quad[x * terms + 4 * k + j] = spans->weights[(x + j) * spans->widest + k];
  return quad;
}

// Four cells at a time, one in each lane: four terms of each cell are loaded as a row and the 4 × 4
// block transposed, so that each lane adds its own cell's terms in order, as the scalar loop does.
// A sum starting from +0 is the same (every term is ≥ +0), and terms past a cell's count add +0.
__attribute__((target("avx2"))) static void narrow_quads(const double *restrict grey, const Spans *across, const double *restrict quad, int32_t terms, int64_t cells, float *restrict into) {
  const int32_t *first = across->first;
  int64_t x = 0;
  for (; x + 4 <= cells; x += 4) {
    const double *a = grey + first[x], *b = grey + first[x + 1], *c = grey + first[x + 2], *d = grey + first[x + 3];
    const double *w = quad + x * terms;
    __m256d sum = _mm256_setzero_pd();
    for (int32_t k = 0; k < terms; k += 4) {
      __m256d ra = _mm256_loadu_pd(a + k), rb = _mm256_loadu_pd(b + k), rc = _mm256_loadu_pd(c + k), rd = _mm256_loadu_pd(d + k);
      __m256d ab0 = _mm256_unpacklo_pd(ra, rb), ab1 = _mm256_unpackhi_pd(ra, rb);
      __m256d cd0 = _mm256_unpacklo_pd(rc, rd), cd1 = _mm256_unpackhi_pd(rc, rd);
      sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_permute2f128_pd(ab0, cd0, 0x20), _mm256_loadu_pd(w + 4 * k)));
      sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_permute2f128_pd(ab1, cd1, 0x20), _mm256_loadu_pd(w + 4 * k + 4)));
      sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_permute2f128_pd(ab0, cd0, 0x31), _mm256_loadu_pd(w + 4 * k + 8)));
      sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_permute2f128_pd(ab1, cd1, 0x31), _mm256_loadu_pd(w + 4 * k + 12)));
    }
    _mm_storeu_ps(into + x, _mm256_cvtpd_ps(sum));
  }
  for (; x < cells; x++) {
    const double *g = grey + first[x];
    const double *w = across->weights + x * across->widest;
    double sum = g[0] * w[0];
    for (int32_t k = 1; k < across->widest; k++) sum += g[k] * w[k];
    into[x] = (float)sum;
  }
}

// One output row: its source rows (narrowed) weighted and summed in order, then rounded as
// round_row does, sixteen cells at a time; the sums never leave the registers.
__attribute__((target("avx2"))) static void sum_rows_avx2(float *const *rows, const double *weights, int32_t count, int64_t cells, uint8_t *restrict line) {
  const __m256d half = _mm256_set1_pd(0.5), one = _mm256_set1_pd(1.0), most = _mm256_set1_pd(255.0);
  int64_t x = 0;
  for (; x + 16 <= cells; x += 16) {
    __m128i whole[4];
    for (int j = 0; j < 4; j++) {
      __m256d sum = _mm256_mul_pd(_mm256_cvtps_pd(_mm_loadu_ps(rows[0] + x + 4 * j)), _mm256_set1_pd(weights[0]));
      for (int32_t k = 1; k < count; k++) sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_cvtps_pd(_mm_loadu_ps(rows[k] + x + 4 * j)), _mm256_set1_pd(weights[k])));
      __m256d truncated = _mm256_cvtepi32_pd(_mm256_cvttpd_epi32(sum));
      __m256d up = _mm256_and_pd(_mm256_cmp_pd(_mm256_sub_pd(sum, truncated), half, _CMP_GE_OQ), one);
      whole[j] = _mm256_cvttpd_epi32(_mm256_min_pd(_mm256_add_pd(truncated, up), most));
    }
    _mm_storeu_si128((__m128i *)(line + x), _mm_packus_epi16(_mm_packs_epi32(whole[0], whole[1]), _mm_packs_epi32(whole[2], whole[3])));
  }
  for (; x < cells; x++) {
    double sum = rows[0][x] * weights[0];
    for (int32_t k = 1; k < count; k++) sum += rows[k][x] * weights[k];
    int32_t truncated = (int32_t)sum;
    int32_t value = truncated + (sum - (double)truncated >= 0.5);
    line[x] = (uint8_t)(value > 255 ? 255 : value);
  }
}
#endif

/**
 * Output rows [from, to) of the frame mapped to grey with (lo, gain) and area-averaged to
 * out_width × out_height, into out (row from at offset 0). Each source row is mapped and narrowed
 * once, kept in a ring while the output rows covering it are summed. Returns 0 when out of memory.
 */
static int grey_resize_band(napi_typedarray_type type, const void *pixels, int64_t width, int64_t height, int64_t out_width, int64_t out_height,
                            int64_t from, int64_t to, double lo, double gain, uint8_t *out) {
  Spans across = {0}, down = {0};
  double *grey = NULL, *paired = NULL, *sums = malloc(out_width * sizeof(double));
  float *ring = NULL;
  int64_t *held = NULL;
  int ok = sums && spans_make(&across, width, out_width) && spans_make(&down, height, out_height);
  int32_t terms = ok ? (across.widest + 3) / 4 * 4 : 0;
#ifdef WITH_AVX2
  double *quad = NULL;
  const int avx2 = has_avx2();
  float **rows = NULL;
#endif
  if (ok) {
    // Zero padding past the row's end: the unused last terms of the last cells read it.
    grey = calloc(width + terms + 4, sizeof(double));
    ring = malloc((size_t)down.widest * out_width * sizeof(float));
    held = malloc(down.widest * sizeof(int64_t));
#ifdef WITH_AVX2
    if (avx2) {
      quad = quad_weights(&across, out_width, terms);
      rows = malloc(down.widest * sizeof(float *));
      ok = grey && ring && held && quad && rows;
    } else {
      paired = paired_weights(&across, out_width);
      ok = grey && ring && held && paired;
    }
#elif defined(__SSE2__)
    paired = paired_weights(&across, out_width);
    ok = grey && ring && held && paired;
#else
    ok = grey && ring && held;
#endif
  }
  if (ok) {
    for (int32_t slot = 0; slot < down.widest; slot++) held[slot] = -1;
    for (int64_t y = from; y < to; y++) {
      for (int32_t k = 0; k < down.count[y]; k++) {
        int64_t source = down.first[y] + k;
        int64_t slot = source % down.widest;
        float *row = ring + slot * out_width;
        if (held[slot] != source) {
          grey_row(type, pixels, source * width, width, grey, lo, gain);
#ifdef WITH_AVX2
          if (avx2) narrow_quads(grey, &across, quad, terms, out_width, row);
          else narrow_pairs(grey, &across, paired, out_width, row);
#elif defined(__SSE2__)
          narrow_pairs(grey, &across, paired, out_width, row);
#else
          narrow(grey, &across, out_width, row);
#endif
          held[slot] = source;
        }
#ifdef WITH_AVX2
        if (avx2) {
          rows[k] = row;
          continue;
        }
#endif
        weigh_row(row, down.weights[y * down.widest + k], sums, out_width, k == 0);
      }
#ifdef WITH_AVX2
      if (avx2) {
        sum_rows_avx2(rows, down.weights + y * down.widest, down.count[y], out_width, out + (y - from) * out_width);
        continue;
      }
#endif
      round_row(sums, out + (y - from) * out_width, out_width);
    }
  }
#ifdef WITH_AVX2
  free(quad);
  free(rows);
#endif
  free(grey);
  free(paired);
  free(sums);
  free(ring);
  free(held);
  spans_free(&across);
  spans_free(&down);
  return ok;
}

/**
 * greyResizeRows(pixels, width, height, outWidth, outHeight, from, to, lo, gain, out): output rows
 * [from, to) of the frame mapped to grey with (lo, gain) and area-averaged to outWidth × outHeight,
 * into out (row from at offset 0). Each source row is mapped and narrowed once, kept in a ring
 * while the output rows covering it are summed. A gain of 0 draws white.
 */
static napi_value grey_resize_rows(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Array pixels, out;
  int64_t width, height, out_width, out_height, from, to;
  double lo, gain;
  if (argc < 10 || !array_arg(env, argv[0], &pixels, "pixels must be an integer typed array") || !size_arg(env, argv[1], &width, "width must be a whole number")
      || !size_arg(env, argv[2], &height, "height must be a whole number") || !size_arg(env, argv[3], &out_width, "outWidth must be a whole number")
      || !size_arg(env, argv[4], &out_height, "outHeight must be a whole number") || !size_arg(env, argv[5], &from, "from must be a whole number")
      || !size_arg(env, argv[6], &to, "to must be a whole number") || !double_arg(env, argv[7], &lo, "lo must be a number")
      || !double_arg(env, argv[8], &gain, "gain must be a number") || !array_arg(env, argv[9], &out, "out must be a Uint8Array")) return NULL;
  if (!is_integer_pixels(pixels.type)) return fail(env, "pixels must be an integer typed array"), NULL;
  if (out.type != napi_uint8_array) return fail(env, "out must be a Uint8Array"), NULL;
  if (width == 0 || height == 0 || out_width == 0 || out_height == 0 || width > INT32_MAX || height > INT32_MAX || out_width > INT32_MAX
      || (uint64_t)(width * height) > pixels.length) return fail(env, "the frame's size does not match its pixels"), NULL;
  if (from > to || to > out_height || (uint64_t)((to - from) * out_width) > out.length) return fail(env, "the rows do not fit the output"), NULL;

  if (!grey_resize_band(pixels.type, pixels.data, width, height, out_width, out_height, from, to, lo, gain, out.data)) return napi_throw_error(env, NULL, "out of memory"), NULL;
  return NULL;
}

/* ---------- PNG row filter (png.ts) ---------- */

/**
 * pngFilterUp(grey, width, filtered): the rows of grey (whole rows of width) filtered into
 * filtered (height × (width + 1) bytes): the first row "None", the others "Up". Returns the
 * Adler-32 of the filtered bytes.
 */
static napi_value png_filter_up(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Array grey, filtered;
  int64_t width;
  if (argc < 3 || !array_arg(env, argv[0], &grey, "grey must be a Uint8Array") || !size_arg(env, argv[1], &width, "width must be a whole number")
      || !array_arg(env, argv[2], &filtered, "filtered must be a Uint8Array")) return NULL;
  if (grey.type != napi_uint8_array || filtered.type != napi_uint8_array) return fail(env, "grey and filtered must be Uint8Arrays"), NULL;
  if (width == 0 || grey.length % width != 0) return fail(env, "grey must hold whole rows"), NULL;
  int64_t height = grey.length / width;
  if ((uint64_t)(height * (width + 1)) > filtered.length) return fail(env, "filtered is too short"), NULL;
  const uint8_t *in = grey.data;
  uint8_t *out = filtered.data;
  for (int64_t y = 0; y < height; y++) {
    uint8_t *line = out + y * (width + 1);
    const uint8_t *row = in + y * width;
    if (y == 0) {
      line[0] = 0;
      memcpy(line + 1, row, width);
      continue;
    }
    line[0] = 2;
    for (int64_t x = 0; x < width; x++) line[1 + x] = (uint8_t)(row[x] - row[x - width]);
  }
  uint32_t a = 1, b = 0;
  size_t length = (size_t)(height * (width + 1));
  for (size_t start = 0; start < length; start += 5552) {
    size_t stop = start + 5552 < length ? start + 5552 : length;
    for (size_t i = start; i < stop; i++) {
      a += out[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return number_value(env, (double)((b << 16) | a));
}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {
    {"decodeByteOffset", NULL, decode_byte_offset, NULL, NULL, NULL, napi_enumerable, NULL},
    {"regionContrast", NULL, region_contrast, NULL, NULL, NULL, napi_enumerable, NULL},
    {"greyResizeRows", NULL, grey_resize_rows, NULL, NULL, NULL, napi_enumerable, NULL},
    {"pngFilterUp", NULL, png_filter_up, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

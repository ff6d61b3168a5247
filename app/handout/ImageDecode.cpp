#include "handout/ImageDecode.h"

#include <png.h>

// In this order: jpeglib.h uses FILE without including <cstdio>, and jerror.h needs the
// configuration that jpeglib.h brings in.
#include <cstdio>
#include <jpeglib.h>
#include <jerror.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Both C libraries report errors by longjmp. Every function below that calls setjmp is a
// small C-style step that holds no C++ object with a destructor, and the callbacks that
// longjmp hold none either, so no destructor is ever skipped. All pixel memory is owned by
// the C++ code between the steps, after the header has been checked against the limits.

namespace sp::handout {
namespace {

constexpr std::size_t kMessageSize = 200; // as JMSG_LENGTH_MAX; library messages are short

// A progressive JPEG can legally hold thousands of scans, each a full pass over the image;
// the same ceiling as TurboJPEG's TJFLAG_LIMITSCANS keeps a crafted file from hanging us.
constexpr int kMaxJpegScans = 500;

DecodedImage failure(std::string message)
{
    return DecodedImage{nullptr, std::move(message)};
}

DecodedImage success(std::uint32_t width, std::uint32_t height, std::vector<std::uint8_t> pixels)
{
    auto image = std::make_shared<RgbImage>();
    image->width = width;
    image->height = height;
    image->pixels = std::move(pixels);
    return DecodedImage{std::move(image), {}};
}

std::string formatOneDecimal(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string result = text;
    if (result.size() > 2 && result.ends_with(".0"))
        result.resize(result.size() - 2);
    return result;
}

std::string formatBytes(std::uint64_t bytes)
{
    constexpr double kKb = 1024.0, kMb = 1024.0 * 1024.0;
    if (bytes >= 1024 * 1024)
        return formatOneDecimal(static_cast<double>(bytes) / kMb) + " MB";
    if (bytes >= 1024)
        return formatOneDecimal(static_cast<double>(bytes) / kKb) + " KB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string fileTooLarge(std::optional<std::uint64_t> size, const ImageLimits& limits)
{
    std::string allowed = formatBytes(limits.maxFileBytes);
    if (!size)
        return "the image file is larger than the " + allowed + " allowed";
    std::string actual = formatBytes(*size);
    if (actual == allowed) { // rounding hid the difference
        actual = std::to_string(*size) + " bytes";
        allowed = std::to_string(limits.maxFileBytes) + " bytes";
    }
    return "the image file is " + actual + ", more than the " + allowed + " allowed";
}

std::string formatPixelCount(std::uint64_t pixels)
{
    if (pixels >= 1'000'000)
        return formatOneDecimal(static_cast<double>(pixels) / 1e6) + " megapixels";
    return std::to_string(pixels) + " pixels";
}

const char* const kScaleDownAdvice = "; save a smaller copy of it and use that instead";

// Called with the header's dimensions, before any pixel memory exists.
std::optional<std::string> checkDimensions(std::uint64_t width, std::uint64_t height, const ImageLimits& limits)
{
    const std::string size = std::to_string(width) + " x " + std::to_string(height) + " pixels";
    if (width > limits.maxWidth || height > limits.maxHeight)
        return "the image is " + size + ", more than the " + std::to_string(limits.maxWidth) + " x " +
               std::to_string(limits.maxHeight) + " allowed" + kScaleDownAdvice;
    if (width * height > limits.maxPixels) {
        std::string count = formatPixelCount(width * height), allowed = formatPixelCount(limits.maxPixels);
        if (count == allowed) { // rounding hid the difference
            count = std::to_string(width * height) + " pixels";
            allowed = std::to_string(limits.maxPixels) + " pixels";
        }
        return "the image is " + size + " (" + count + "), more than the " + allowed + " allowed" +
               kScaleDownAdvice;
    }
    return std::nullopt;
}

std::string damaged(const char* format, const char* detail)
{
    std::string message = std::string("the ") + format + " image is damaged and cannot be read";
    if (detail[0] != '\0')
        message += std::string(" (") + detail + ")";
    return message;
}

std::string incomplete(const char* format)
{
    return std::string("the ") + format +
           " image is incomplete: the file ends too soon (it may have been cut off while "
           "copying or downloading)";
}

std::uint8_t scale255(unsigned a, unsigned b)
{
    return static_cast<std::uint8_t>((a * b + 127) / 255);
}

// ---------------------------------------------------------------------------------------
// PNG

struct PngSource {
    const unsigned char* data;
    std::size_t size;
    std::size_t offset;
    bool truncated;
    char error[kMessageSize];
    char warning[kMessageSize]; // kept for debugging; warnings never fail a decode
};

void pngRead(png_structp png, png_bytep out, std::size_t length)
{
    auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
    if (length > source->size - source->offset) {
        source->truncated = true;
        png_error(png, "unexpected end of file");
    }
    std::memcpy(out, source->data + source->offset, length);
    source->offset += length;
}

[[noreturn]] void pngError(png_structp png, png_const_charp message)
{
    auto* source = static_cast<PngSource*>(png_get_error_ptr(png));
    std::snprintf(source->error, sizeof source->error, "%s", message);
    png_longjmp(png, 1);
}

void pngWarning(png_structp png, png_const_charp message)
{
    auto* source = static_cast<PngSource*>(png_get_error_ptr(png));
    if (source->warning[0] == '\0')
        std::snprintf(source->warning, sizeof source->warning, "%s", message);
}

bool pngReadHeader(png_structp png, png_infop info, png_uint_32* width, png_uint_32* height)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_read_info(png, info);
    *width = png_get_image_width(png, info);
    *height = png_get_image_height(png, info);
    return true;
}

// Asks libpng for 8-bit RGB, or RGBA when the image has any transparency.
bool pngStartRows(png_structp png, png_infop info, int* channels, std::size_t* rowBytes)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    const int colorType = png_get_color_type(png, info);
    const int bitDepth = png_get_bit_depth(png, info);
    if (colorType == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (colorType == PNG_COLOR_TYPE_GRAY && bitDepth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    if (bitDepth == 16)
        png_set_scale_16(png);
    if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    *channels = png_get_channels(png, info);
    *rowBytes = png_get_rowbytes(png, info);
    return true;
}

bool pngReadRows(png_structp png, png_bytepp rows)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_read_image(png, rows);
    // Reads up to IEND, so that a file cut off after the pixels is still reported.
    png_read_end(png, nullptr);
    return true;
}

class PngReader {
public:
    explicit PngReader(PngSource* source)
    {
        m_png = png_create_read_struct(PNG_LIBPNG_VER_STRING, source, pngError, pngWarning);
        if (m_png)
            m_info = png_create_info_struct(m_png);
    }
    ~PngReader() { png_destroy_read_struct(&m_png, m_info ? &m_info : nullptr, nullptr); }
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;

    png_structp png() const { return m_png; }
    png_infop info() const { return m_info; }

private:
    png_structp m_png = nullptr;
    png_infop m_info = nullptr;
};

std::string pngFailure(const PngSource& source)
{
    return source.truncated ? incomplete("PNG") : damaged("PNG", source.error);
}

// Transparent pixels become paper white; compacts RGBA to RGB in place.
void compositeOverWhite(std::vector<std::uint8_t>& pixels, std::size_t pixelCount)
{
    std::uint8_t* p = pixels.data();
    for (std::size_t i = 0; i < pixelCount; ++i) {
        const unsigned r = p[4 * i], g = p[4 * i + 1], b = p[4 * i + 2], a = p[4 * i + 3];
        const unsigned white = 255 * (255 - a);
        p[3 * i] = static_cast<std::uint8_t>((r * a + white + 127) / 255);
        p[3 * i + 1] = static_cast<std::uint8_t>((g * a + white + 127) / 255);
        p[3 * i + 2] = static_cast<std::uint8_t>((b * a + white + 127) / 255);
    }
    pixels.resize(pixelCount * 3);
    pixels.shrink_to_fit();
}

DecodedImage decodePng(std::string_view bytes, const ImageLimits& limits)
{
    PngSource source{};
    source.data = reinterpret_cast<const unsigned char*>(bytes.data());
    source.size = bytes.size();

    PngReader reader(&source);
    if (!reader.png() || !reader.info())
        return failure("there is not enough memory to read the PNG image");
    png_set_read_fn(reader.png(), &source, pngRead);
    // libpng's own ceiling (a million pixels a side) would answer first with a technical
    // message; ours below says what to do about it.
    png_set_user_limits(reader.png(), PNG_UINT_31_MAX, PNG_UINT_31_MAX);

    png_uint_32 width = 0, height = 0;
    if (!pngReadHeader(reader.png(), reader.info(), &width, &height))
        return failure(pngFailure(source));
    if (auto tooLarge = checkDimensions(width, height, limits))
        return failure(*tooLarge);

    int channels = 0;
    std::size_t rowBytes = 0;
    if (!pngStartRows(reader.png(), reader.info(), &channels, &rowBytes))
        return failure(pngFailure(source));
    if ((channels != 3 && channels != 4) || rowBytes != std::size_t{width} * static_cast<unsigned>(channels))
        return failure(damaged("PNG", "unexpected pixel format"));

    const std::size_t pixelCount = std::size_t{width} * height;
    std::vector<std::uint8_t> pixels(pixelCount * static_cast<unsigned>(channels));
    std::vector<png_bytep> rows(height);
    for (png_uint_32 y = 0; y < height; ++y)
        rows[y] = pixels.data() + y * rowBytes;
    if (!pngReadRows(reader.png(), rows.data()))
        return failure(pngFailure(source));

    if (channels == 4)
        compositeOverWhite(pixels, pixelCount);
    return success(width, height, std::move(pixels));
}

// ---------------------------------------------------------------------------------------
// JPEG

struct JpegErrorState {
    jpeg_error_mgr manager; // first, so that cinfo->err can be cast back to the whole state
    std::jmp_buf jump;
    bool truncated;
    char message[kMessageSize];
};
static_assert(kMessageSize >= JMSG_LENGTH_MAX);

JpegErrorState* errorState(j_common_ptr cinfo)
{
    return reinterpret_cast<JpegErrorState*>(cinfo->err);
}

// libjpeg only warns about these and carries on, padding the missing part with grey or
// garbage; a patient handout must show a placeholder instead. Harmless oddities such as
// extra bytes between markers (common from some cameras) stay warnings.
bool isCorruptionWarning(int code)
{
    return code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE ||
           code == JWRN_ARITH_BAD_CODE || code == JWRN_MUST_RESYNC;
}

void jpegOutputMessage(j_common_ptr cinfo)
{
    (*cinfo->err->format_message)(cinfo, errorState(cinfo)->message);
}

[[noreturn]] void jpegErrorExit(j_common_ptr cinfo)
{
    (*cinfo->err->output_message)(cinfo);
    std::longjmp(errorState(cinfo)->jump, 1);
}

void jpegEmitMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return; // trace output
    if (isCorruptionWarning(cinfo->err->msg_code)) {
        errorState(cinfo)->truncated = cinfo->err->msg_code == JWRN_JPEG_EOF;
        jpegErrorExit(cinfo);
    }
    ++cinfo->err->num_warnings;
}

void jpegProgress(j_common_ptr cinfo)
{
    if (reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxJpegScans) {
        JpegErrorState* state = errorState(cinfo);
        std::snprintf(state->message, sizeof state->message, "more than %d progressive scans", kMaxJpegScans);
        std::longjmp(state->jump, 1);
    }
}

bool jpegReadHeader(j_decompress_ptr cinfo, JpegErrorState* state, const unsigned char* data, unsigned long size)
{
    if (setjmp(state->jump))
        return false;
    jpeg_create_decompress(cinfo);
    jpeg_mem_src(cinfo, data, size);
    jpeg_read_header(cinfo, TRUE);
    return true;
}

bool jpegStart(j_decompress_ptr cinfo, JpegErrorState* state)
{
    if (setjmp(state->jump))
        return false;
    jpeg_start_decompress(cinfo);
    return true;
}

bool jpegReadScanlines(j_decompress_ptr cinfo, JpegErrorState* state, unsigned char* pixels, std::size_t rowBytes)
{
    if (setjmp(state->jump))
        return false;
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = pixels + std::size_t{cinfo->output_scanline} * rowBytes;
        // A memory source never suspends; a zero here would otherwise loop for ever.
        if (jpeg_read_scanlines(cinfo, &row, 1) != 1) {
            std::snprintf(state->message, sizeof state->message, "no more image data");
            return false;
        }
    }
    // Reads up to the end marker, so that a file cut off after the pixels is still reported.
    jpeg_finish_decompress(cinfo);
    return true;
}

class JpegReader {
public:
    JpegReader()
    {
        m_cinfo.err = jpeg_std_error(&m_error.manager);
        m_error.manager.error_exit = jpegErrorExit;
        m_error.manager.emit_message = jpegEmitMessage;
        m_error.manager.output_message = jpegOutputMessage;
        m_progress.progress_monitor = jpegProgress;
    }
    // Safe even if creation failed half-way: jpeg_destroy checks for a memory manager.
    ~JpegReader() { jpeg_destroy_decompress(&m_cinfo); }
    JpegReader(const JpegReader&) = delete;
    JpegReader& operator=(const JpegReader&) = delete;

    j_decompress_ptr cinfo() { return &m_cinfo; }
    JpegErrorState* error() { return &m_error; }
    jpeg_progress_mgr* progress() { return &m_progress; }

private:
    jpeg_decompress_struct m_cinfo{};
    JpegErrorState m_error{};
    jpeg_progress_mgr m_progress{};
};

// Adobe applications write CMYK JPEGs inverted (0 = full ink) and say so in an APP14 marker.
void cmykToRgb(std::vector<std::uint8_t>& pixels, std::size_t pixelCount, bool adobeInverted)
{
    std::uint8_t* p = pixels.data();
    for (std::size_t i = 0; i < pixelCount; ++i) {
        unsigned c = p[4 * i], m = p[4 * i + 1], y = p[4 * i + 2], k = p[4 * i + 3];
        if (!adobeInverted) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        p[3 * i] = scale255(c, k);
        p[3 * i + 1] = scale255(m, k);
        p[3 * i + 2] = scale255(y, k);
    }
    pixels.resize(pixelCount * 3);
    pixels.shrink_to_fit();
}

std::string jpegFailure(JpegReader& reader)
{
    return reader.error()->truncated ? incomplete("JPEG") : damaged("JPEG", reader.error()->message);
}

DecodedImage decodeJpeg(std::string_view bytes, const ImageLimits& limits)
{
    JpegReader reader;
    j_decompress_ptr cinfo = reader.cinfo();
    if (!jpegReadHeader(cinfo, reader.error(), reinterpret_cast<const unsigned char*>(bytes.data()),
                        static_cast<unsigned long>(bytes.size())))
        return failure(jpegFailure(reader));

    if (auto tooLarge = checkDimensions(cinfo->image_width, cinfo->image_height, limits))
        return failure(*tooLarge);

    bool cmyk = false;
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE:
    case JCS_YCbCr:
    case JCS_RGB:
        cinfo->out_color_space = JCS_RGB;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        cinfo->out_color_space = JCS_CMYK;
        cmyk = true;
        break;
    default:
        return failure("the JPEG image uses a colour format that cannot be printed (" +
                       std::to_string(cinfo->num_components) + " colour channels); save it as an RGB image");
    }
    cinfo->progress = reader.progress();

    if (!jpegStart(cinfo, reader.error()))
        return failure(jpegFailure(reader));
    const unsigned channels = cmyk ? 4 : 3;
    if (cinfo->output_width != cinfo->image_width || cinfo->output_height != cinfo->image_height ||
        static_cast<unsigned>(cinfo->output_components) != channels)
        return failure(damaged("JPEG", "unexpected pixel format"));

    const std::size_t pixelCount = std::size_t{cinfo->output_width} * cinfo->output_height;
    std::vector<std::uint8_t> pixels(pixelCount * channels);
    if (!jpegReadScanlines(cinfo, reader.error(), pixels.data(), std::size_t{cinfo->output_width} * channels))
        return failure(jpegFailure(reader));

    if (cmyk)
        cmykToRgb(pixels, pixelCount, cinfo->saw_Adobe_marker != 0);
    return success(cinfo->output_width, cinfo->output_height, std::move(pixels));
}

// ---------------------------------------------------------------------------------------

// A file cut short inside its signature still goes to its decoder, which reports it as
// incomplete rather than as an unknown format.
bool startsLike(std::string_view bytes, std::string_view signature)
{
    const std::size_t n = std::min(bytes.size(), signature.size());
    return n > 0 && bytes.substr(0, n) == signature.substr(0, n);
}

// The file name is not trusted: clinics rename files.
DecodedImage decodeSniffed(std::string_view bytes, const ImageLimits& limits)
{
    using namespace std::string_view_literals;
    if (bytes.empty())
        return failure("the image file is empty");
    if (bytes.size() > limits.maxFileBytes)
        return failure(fileTooLarge(bytes.size(), limits));
    if (startsLike(bytes, "\x89PNG"sv))
        return decodePng(bytes, limits);
    if (startsLike(bytes, "\xFF\xD8\xFF"sv))
        return decodeJpeg(bytes, limits);
    return failure("the file is not a PNG or JPEG image");
}

std::string errnoText(int error)
{
    return std::generic_category().message(error);
}

// Reads a regular file of at most `cap` bytes. What fstat says comes first, so that a
// FIFO, a device or a socket is refused before a read() that could wait for ever, and the
// read stops at `cap` however much the file grows meanwhile. Returns the reason on failure.
std::optional<std::string> readCapped(int fd, std::uint64_t cap, std::string& bytes, std::uint64_t& size)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return errnoText(errno);
    if (S_ISDIR(st.st_mode))
        return errnoText(EISDIR);
    if (!S_ISREG(st.st_mode))
        return std::string("it is not a regular file");
    size = static_cast<std::uint64_t>(st.st_size);
    char buffer[64 * 1024];
    while (bytes.size() < cap) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buffer, cap - bytes.size()));
        const ssize_t got = ::read(fd, buffer, want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errnoText(errno);
        if (got == 0)
            break;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    return std::nullopt;
}

} // namespace

DecodedImage decodeImage(std::string_view bytes, const ImageLimits& limits)
{
    try {
        return decodeSniffed(bytes, limits);
    } catch (const std::bad_alloc&) {
        return failure("there is not enough memory to open the image");
    }
}

DecodedImage decodeImageFile(const std::filesystem::path& file, const ImageLimits& limits)
{
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return failure("cannot read " + file.string() + ": " + errnoText(errno));
    DecodedImage decoded = decodeImageDescriptor(fd, file.string(), limits);
    ::close(fd);
    return decoded;
}

DecodedImage decodeImageDescriptor(int fd, const std::string& name, const ImageLimits& limits)
{
    try {
        const std::uint64_t cap =
            limits.maxFileBytes == std::numeric_limits<std::uint64_t>::max() ? limits.maxFileBytes : limits.maxFileBytes + 1;
        std::string bytes;
        std::uint64_t size = 0;
        if (auto reason = readCapped(fd, cap, bytes, size))
            return failure("cannot read " + name + ": " + *reason);
        DecodedImage decoded = bytes.size() > limits.maxFileBytes
                                   ? failure(fileTooLarge(std::max<std::uint64_t>(size, bytes.size()), limits))
                                   : decodeImage(bytes, limits);
        if (!decoded.error.empty())
            decoded.error = name + ": " + decoded.error;
        return decoded;
    } catch (const std::bad_alloc&) {
        return failure(name + ": there is not enough memory to open the image");
    }
}

} // namespace sp::handout

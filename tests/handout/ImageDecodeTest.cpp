#include "handout/ImageDecode.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace sp::handout;

namespace {

// The valid fixtures are one pattern, 24 x 16: a red 8 x 8 square at x 8..15, y 4..11 on
// white, with format-specific extras (see tests/data/images/README.md).
constexpr std::uint32_t kWidth = 24, kHeight = 16;

struct Rgb {
    int r = 0, g = 0, b = 0;
};

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(SP_TEST_DATA_DIR) / "images" / name;
}

std::string fixtureBytes(const std::string& name)
{
    std::ifstream in(fixture(name), std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "missing fixture " << name);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A copy, because the decoded result is usually a temporary.
RgbImage requireImage(const DecodedImage& decoded)
{
    BOOST_REQUIRE_MESSAGE(decoded.image, "decode failed: " << decoded.error);
    BOOST_TEST(decoded.error.empty());
    BOOST_REQUIRE_EQUAL(decoded.image->pixels.size(),
                        std::size_t{decoded.image->width} * decoded.image->height * 3);
    return *decoded.image;
}

std::string requireError(const DecodedImage& decoded)
{
    BOOST_TEST(!decoded.image);
    BOOST_TEST(!decoded.error.empty());
    return decoded.error;
}

Rgb pixelAt(const RgbImage& image, std::uint32_t x, std::uint32_t y)
{
    const std::size_t i = (std::size_t{y} * image.width + x) * 3;
    return {image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]};
}

// JPEG is lossy, so its fixtures are compared with a tolerance.
void checkPixel(const RgbImage& image, std::uint32_t x, std::uint32_t y, Rgb expected, int tolerance = 0)
{
    const Rgb actual = pixelAt(image, x, y);
    BOOST_TEST_CONTEXT("pixel (" << x << ", " << y << ") is (" << actual.r << ", " << actual.g << ", " << actual.b
                                 << "), expected (" << expected.r << ", " << expected.g << ", " << expected.b << ")")
    {
        BOOST_TEST(std::abs(actual.r - expected.r) <= tolerance);
        BOOST_TEST(std::abs(actual.g - expected.g) <= tolerance);
        BOOST_TEST(std::abs(actual.b - expected.b) <= tolerance);
    }
}

const Rgb kRed{255, 0, 0};
const Rgb kWhite{255, 255, 255};

void checkRedSquareOnWhite(const RgbImage& image, int tolerance = 0)
{
    BOOST_TEST(image.width == kWidth);
    BOOST_TEST(image.height == kHeight);
    checkPixel(image, 8, 4, kRed, tolerance);   // top-left of the square
    checkPixel(image, 11, 7, kRed, tolerance);  // inside
    checkPixel(image, 15, 11, kRed, tolerance); // bottom-right of the square
    checkPixel(image, 20, 2, kWhite, tolerance);
    checkPixel(image, 2, 13, kWhite, tolerance);
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The error from decoding the fixture in memory, so that it is not prefixed by the path.
std::string errorFor(const std::string& name, const ImageLimits& limits = {})
{
    return requireError(decodeImage(fixtureBytes(name), limits));
}

} // namespace

BOOST_AUTO_TEST_SUITE(image_decode)

// --- valid PNGs ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(decodes_rgb_png)
{
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("rgb.png"))));
}

BOOST_AUTO_TEST_CASE(composites_transparent_rgba_pixels_over_white_paper)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("rgba.png")));
    checkRedSquareOnWhite(image);
    checkPixel(image, 0, 0, kWhite); // fully transparent black
    checkPixel(image, 3, 3, kWhite);
    checkPixel(image, 23, 15, {127, 127, 255}); // half-transparent blue
}

BOOST_AUTO_TEST_CASE(decodes_palette_png_with_a_transparent_entry)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("palette.png")));
    checkRedSquareOnWhite(image);
    checkPixel(image, 0, 0, kWhite); // transparent green
}

BOOST_AUTO_TEST_CASE(expands_grey_png_to_rgb)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("grey.png")));
    BOOST_TEST(image.width == kWidth);
    BOOST_TEST(image.height == kHeight);
    checkPixel(image, 10, 6, {64, 64, 64});
    checkPixel(image, 20, 2, kWhite);
}

BOOST_AUTO_TEST_CASE(expands_one_bit_grey_png_to_rgb)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("grey-1bit.png")));
    checkPixel(image, 10, 6, {0, 0, 0});
    checkPixel(image, 23, 15, kWhite);
}

BOOST_AUTO_TEST_CASE(composites_grey_alpha_png_over_white_paper)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("grey-alpha.png")));
    checkPixel(image, 0, 0, kWhite);
    checkPixel(image, 10, 6, {0, 0, 0});
    checkPixel(image, 23, 15, {127, 127, 127});
}

BOOST_AUTO_TEST_CASE(scales_16_bit_png_to_8_bit)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("rgb16.png")));
    checkPixel(image, 0, 0, {18, 128, 255}); // 0x1234, 0x8080, 0xffff
    checkPixel(image, 10, 6, kRed);
    checkPixel(image, 20, 2, kWhite);
}

BOOST_AUTO_TEST_CASE(decodes_interlaced_png_to_the_same_pixels_as_the_plain_one)
{
    const RgbImage interlaced = requireImage(decodeImageFile(fixture("interlaced.png")));
    const RgbImage plain = requireImage(decodeImageFile(fixture("rgb.png")));
    checkRedSquareOnWhite(interlaced);
    BOOST_TEST(interlaced.pixels == plain.pixels);
}

// --- valid JPEGs -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(decodes_rgb_jpeg)
{
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("rgb.jpg"))), 8);
}

BOOST_AUTO_TEST_CASE(decodes_progressive_jpeg)
{
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("progressive.jpg"))), 8);
}

BOOST_AUTO_TEST_CASE(expands_greyscale_jpeg_to_rgb)
{
    const RgbImage image = requireImage(decodeImageFile(fixture("grey.jpg")));
    BOOST_TEST(image.width == kWidth);
    BOOST_TEST(image.height == kHeight);
    checkPixel(image, 10, 6, {64, 64, 64}, 4);
    checkPixel(image, 20, 2, kWhite, 4);
}

BOOST_AUTO_TEST_CASE(converts_adobe_inverted_cmyk_jpeg_to_rgb)
{
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("cmyk.jpg"))), 8);
}

BOOST_AUTO_TEST_CASE(recognises_the_format_from_the_content_not_the_file_name)
{
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("jpeg-named.png"))), 8);
}

BOOST_AUTO_TEST_CASE(decodes_the_same_image_from_memory_as_from_the_file)
{
    const RgbImage fromMemory = requireImage(decodeImage(fixtureBytes("rgba.png")));
    const RgbImage fromFile = requireImage(decodeImageFile(fixture("rgba.png")));
    BOOST_TEST(fromMemory.pixels == fromFile.pixels);
}

// --- damaged files ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(rejects_truncated_png)
{
    BOOST_TEST(errorFor("truncated.png") ==
               "the PNG image is incomplete: the file ends too soon (it may have been cut off while copying or "
               "downloading)");
}

BOOST_AUTO_TEST_CASE(rejects_png_with_a_bad_pixel_data_checksum)
{
    const std::string error = errorFor("bad-crc.png");
    BOOST_TEST_INFO(error);
    BOOST_TEST(contains(error, "the PNG image is damaged and cannot be read"));
    BOOST_TEST(contains(error, "CRC error"));
}

BOOST_AUTO_TEST_CASE(rejects_png_with_corrupt_compressed_pixel_data)
{
    const std::string error = errorFor("bad-zlib.png");
    BOOST_TEST_INFO(error);
    BOOST_TEST(contains(error, "the PNG image is damaged and cannot be read"));
}

BOOST_AUTO_TEST_CASE(rejects_png_signature_followed_by_garbage)
{
    const std::string error = errorFor("garbage-after-signature.png");
    BOOST_TEST_INFO(error);
    BOOST_TEST(contains(error, "the PNG image is damaged and cannot be read"));
}

BOOST_AUTO_TEST_CASE(rejects_png_whose_header_claims_huge_dimensions_before_reading_pixels)
{
    BOOST_TEST(errorFor("huge-dimensions.png") ==
               "the image is 20000 x 20000 pixels, more than the 4096 x 4096 allowed; save a smaller copy of it "
               "and use that instead");
}

BOOST_AUTO_TEST_CASE(rejects_jpeg_whose_header_claims_huge_dimensions_before_decompressing)
{
    BOOST_TEST(contains(errorFor("huge-dimensions.jpg"),
                        "the image is 30000 x 30000 pixels, more than the 4096 x 4096 allowed"));
}

BOOST_AUTO_TEST_CASE(rejects_truncated_jpeg_instead_of_padding_it_with_grey)
{
    BOOST_TEST(errorFor("truncated.jpg") ==
               "the JPEG image is incomplete: the file ends too soon (it may have been cut off while copying or "
               "downloading)");
}

// Each scan of a progressive JPEG is a pass over the whole image; thousands of them would
// keep the app busy for minutes on a large picture.
BOOST_AUTO_TEST_CASE(rejects_progressive_jpeg_with_hundreds_of_scans)
{
    const std::string original = fixtureBytes("progressive.jpg");
    const std::size_t lastScan = original.rfind("\xFF\xDA");
    BOOST_REQUIRE(lastScan != std::string::npos);
    const std::string scan = original.substr(lastScan, original.size() - 2 - lastScan); // without EOI
    std::string bytes = original.substr(0, original.size() - 2);
    for (int i = 0; i < 600; ++i)
        bytes += scan;
    bytes += "\xFF\xD9";
    BOOST_TEST(requireError(decodeImage(bytes)) ==
               "the JPEG image is damaged and cannot be read (more than 500 progressive scans)");
}

BOOST_AUTO_TEST_CASE(rejects_empty_file)
{
    BOOST_TEST(errorFor("empty.png") == "the image file is empty");
}

BOOST_AUTO_TEST_CASE(rejects_text_file_named_png)
{
    BOOST_TEST(errorFor("not-an-image.png") == "the file is not a PNG or JPEG image");
}

BOOST_AUTO_TEST_CASE(reports_a_file_cut_off_inside_its_signature_as_incomplete)
{
    BOOST_TEST(contains(requireError(decodeImage("\x89PN")), "the PNG image is incomplete"));
    BOOST_TEST(contains(requireError(decodeImage("\xFF\xD8")), "the JPEG image is incomplete"));
}

BOOST_AUTO_TEST_CASE(rejects_every_cut_off_copy_of_a_valid_image)
{
    for (const char* name : {"rgb.png", "interlaced.png", "rgb.jpg", "progressive.jpg", "cmyk.jpg"}) {
        const std::string bytes = fixtureBytes(name);
        for (std::size_t length = 1; length < bytes.size(); ++length) {
            BOOST_TEST_CONTEXT(name << " cut to " << length << " bytes")
            {
                const DecodedImage decoded = decodeImage(std::string_view(bytes).substr(0, length));
                BOOST_TEST(!decoded.image);
                BOOST_TEST(contains(decoded.error, "image"));
            }
        }
    }
}

// A small mutation sweep: whatever a flipped byte does, the answer is an image or an error.
BOOST_AUTO_TEST_CASE(survives_any_single_corrupted_byte)
{
    for (const char* name : {"rgb.png", "palette.png", "rgb.jpg", "progressive.jpg"}) {
        const std::string original = fixtureBytes(name);
        for (std::size_t i = 0; i < original.size(); ++i) {
            std::string bytes = original;
            bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
            const DecodedImage decoded = decodeImage(bytes);
            BOOST_TEST_CONTEXT(name << " with byte " << i << " changed")
            {
                BOOST_TEST((decoded.image != nullptr) != !decoded.error.empty());
                if (decoded.image)
                    BOOST_TEST(decoded.image->pixels.size() ==
                               std::size_t{decoded.image->width} * decoded.image->height * 3);
            }
        }
    }
}

// --- limits ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(enforces_the_callers_width_and_height_limits)
{
    ImageLimits narrow;
    narrow.maxWidth = 20;
    BOOST_TEST(errorFor("rgb.png", narrow) ==
               "the image is 24 x 16 pixels, more than the 20 x 4096 allowed; save a smaller copy of it and use "
               "that instead");

    ImageLimits low;
    low.maxHeight = 15;
    BOOST_TEST(contains(errorFor("rgb.jpg", low), "the image is 24 x 16 pixels, more than the 4096 x 15 allowed"));
}

BOOST_AUTO_TEST_CASE(enforces_the_callers_pixel_count_limit)
{
    ImageLimits limits;
    limits.maxPixels = 300;
    BOOST_TEST(errorFor("interlaced.png", limits) ==
               "the image is 24 x 16 pixels (384 pixels), more than the 300 pixels allowed; save a smaller copy "
               "of it and use that instead");
}

BOOST_AUTO_TEST_CASE(states_large_pixel_counts_in_megapixels)
{
    ImageLimits wide;
    wide.maxWidth = 20000;
    wide.maxHeight = 20000;
    BOOST_TEST(contains(errorFor("huge-dimensions.png", wide),
                        "the image is 20000 x 20000 pixels (400 megapixels), more than the 16 megapixels allowed"));
}

BOOST_AUTO_TEST_CASE(enforces_the_callers_file_size_limit)
{
    ImageLimits limits;
    limits.maxFileBytes = 100;
    BOOST_TEST(errorFor("rgb.jpg", limits) == "the image file is 344 bytes, more than the 100 bytes allowed");
    BOOST_TEST(contains(decodeImageFile(fixture("rgb.jpg"), limits).error,
                        "the image file is 344 bytes, more than the 100 bytes allowed"));
}

BOOST_AUTO_TEST_CASE(accepts_an_image_exactly_at_the_limits)
{
    ImageLimits limits;
    limits.maxWidth = kWidth;
    limits.maxHeight = kHeight;
    limits.maxPixels = kWidth * kHeight;
    limits.maxFileBytes = fixtureBytes("rgb.png").size();
    checkRedSquareOnWhite(requireImage(decodeImageFile(fixture("rgb.png"), limits)));
}

// --- files -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(reports_a_missing_file_with_the_reason)
{
    const std::filesystem::path missing = fixture("no-such-logo.png");
    BOOST_TEST(requireError(decodeImageFile(missing)) ==
               "cannot read " + missing.string() + ": No such file or directory");
}

BOOST_AUTO_TEST_CASE(reports_a_folder_given_as_the_image_file)
{
    const std::filesystem::path folder = fixture("");
    BOOST_TEST(requireError(decodeImageFile(folder)) == "cannot read " + folder.string() + ": Is a directory");
}

BOOST_AUTO_TEST_CASE(names_the_file_in_decoding_errors)
{
    const std::filesystem::path file = fixture("truncated.jpg");
    BOOST_TEST(contains(requireError(decodeImageFile(file)), file.string() + ": the JPEG image is incomplete"));
}

BOOST_AUTO_TEST_SUITE_END()

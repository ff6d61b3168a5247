#include "handout/QrCode.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <system_error>

namespace sp::handout {
namespace {

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

std::optional<QrMatrix> fail(std::string* error, std::string message)
{
    if (error)
        *error = std::move(message);
    return std::nullopt;
}

} // namespace

std::optional<QrMatrix> encodeQr(std::string_view utf8, std::string* error)
{
    if (utf8.empty())
        return fail(error, "the QR code text is empty");
    if (utf8.size() > kMaxQrTextBytes)
        return fail(error, "the QR code text is " + std::to_string(utf8.size()) + " bytes, more than the " +
                               std::to_string(kMaxQrTextBytes) + " allowed; use a shorter link");

    // Byte mode of the raw data rather than QRcode_encodeString: the text is UTF-8 as it
    // is, may not be NUL-terminated, and needs no Kanji or alphanumeric guessing.
    errno = 0;
    std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeData(
        static_cast<int>(utf8.size()), reinterpret_cast<const unsigned char*>(utf8.data()), 0, QR_ECLEVEL_M));
    if (!code) {
        const int reason = errno;
        return fail(error, "cannot make a QR code for this text" +
                               (reason != 0 ? " (" + std::generic_category().message(reason) + ")" : std::string()));
    }

    QrMatrix matrix;
    matrix.size = code->width;
    const std::size_t count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(count);
    // libqrencode packs flags into each byte; bit 0 alone says whether the module is dark.
    for (std::size_t i = 0; i < count; ++i)
        matrix.dark[i] = (code->data[i] & 1) != 0;
    return matrix;
}

} // namespace sp::handout

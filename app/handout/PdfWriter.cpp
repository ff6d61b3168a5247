#include "handout/PdfWriter.h"

#include "handout/EmbeddedFont.h"
#include "handout/FontSet.h"

#include <hpdf.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace sp::handout {

namespace {

// The usual suspects, in words; the rest are reported by number (see hpdf_error.h).
std::string describeLibharuError(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR: return "cannot read a file";
    case HPDF_INVALID_DATE_TIME: return "invalid date";
    case HPDF_INVALID_FONTDEF_DATA:
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "unusable TrueType font";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "font size out of range (above 0, at most 600 pt)";
    case HPDF_PAGE_INVALID_SIZE: return "page size out of range (3 to 14400 pt)";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range (colours 0..1, line widths 0..100 pt)";
    case HPDF_REAL_OUT_OF_RANGE: return "coordinate out of range (at most 32767 pt)";
    case HPDF_ZLIB_ERROR: return "compression failed";
    default: return "libharu failure";
    }
}

// What libharu reported. The handler runs inside libharu's C frames, where an exception
// must not unwind, so it only records; the renderer throws once control is back in C++.
struct LibharuError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void recordLibharuError(HPDF_STATUS code, HPDF_STATUS detail, void* userData)
{
    auto* error = static_cast<LibharuError*>(userData);
    if (error->code == HPDF_OK) { // later errors are usually consequences of the first
        error->code = code;
        error->detail = detail;
    }
}

struct HpdfDocDeleter {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using HpdfDocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HpdfDocDeleter>;

int faceIndex(FontFace face)
{
    return face == FontFace::Bold ? 1 : 0;
}

// "YYYY-MM-DDTHH:MM:SSZ", as DocumentInfo promises; libharu checks the ranges.
bool parseCreationDate(const std::string& text, HPDF_Date& date)
{
    date = HPDF_Date{};
    date.ind = 'Z';
    int length = 0;
    return text.size() == 20 &&
           std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &date.year, &date.month,
                       &date.day, &date.hour, &date.minutes, &date.seconds, &length) == 6 &&
           length == 20;
}

HPDF_Date currentUtcDate()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    HPDF_Date date{};
    date.year = utc.tm_year + 1900;
    date.month = utc.tm_mon + 1;
    date.day = utc.tm_mday;
    date.hour = utc.tm_hour;
    date.minutes = utc.tm_min;
    date.seconds = std::min(utc.tm_sec, 59); // a leap second is not a valid PDF date
    date.ind = 'Z';
    return date;
}


// What the content stream has already set, so runs of similar boxes do not repeat it.
struct PageState {
    bool inText = false;
    HPDF_Font font = nullptr;
    double fontSize = 0;
    std::optional<Color> fill, stroke;
    std::optional<double> lineWidth;
    std::optional<bool> roundCaps;
};

class Renderer {
public:
    Renderer(const LaidOutDocument& doc, const PdfOptions& options)
        : m_doc(doc)
        , m_options(options)
        , m_fontDir(options.fontDir.empty() ? FontSet::defaultDir() : options.fontDir)
    {
    }

    std::string render()
    {
        if (m_doc.pages.empty())
            throw PdfError("PDF writer: a document needs at least one page");
        m_pdf.reset(HPDF_New(recordLibharuError, &m_error));
        if (!m_pdf)
            throw PdfError("PDF writer: libharu is out of memory", HPDF_FAILD_TO_ALLOC_MEM);
        m_phase = "setting up the document";
        HPDF_SetCompressionMode(m_pdf.get(), HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(m_pdf.get());
        HPDF_SetCurrentEncoder(m_pdf.get(), "UTF-8"); // also makes Info strings UTF-16
        check();
        writeInfo();
        for (std::size_t i = 0; i < m_doc.pages.size(); ++i)
            drawPage(m_doc.pages[i], i + 1);
        m_phase = "finishing the fonts";
        m_pageNumber = 0;
        for (std::size_t face = 0; face < m_fonts.size(); ++face) {
            if (!m_fonts[face])
                continue;
            std::vector<unsigned> cids;
            for (unsigned cid = 0; cid < m_usedCids[face].size(); ++cid)
                if (m_usedCids[face][cid])
                    cids.push_back(cid);
            shrinkFont(m_fonts[face], cids);
            check();
        }
        return save();
    }

private:
    // Where an error happened, assembled only on failure: drawing a box costs no strings.
    std::string where() const
    {
        if (m_pageNumber == 0)
            return m_phase;
        static constexpr const char* kBoxNames[] = {"text", "line", "rectangle", "circle",
                                                    "polygon", "image", "QR code"};
        std::string place = "drawing page " + std::to_string(m_pageNumber);
        if (m_box)
            place += ", box " + std::to_string(m_boxNumber) + " (" + kBoxNames[m_box->index()] + ")";
        return place;
    }

    void check() const
    {
        if (m_error.code == HPDF_OK)
            return;
        char code[16];
        std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(m_error.code));
        throw PdfError("PDF writer: " + describeLibharuError(m_error.code) + " (libharu error " +
                           code + ", detail " + std::to_string(m_error.detail) + ") while " +
                           where(),
                       m_error.code, m_error.detail);
    }

    // libharu reports through the handler as well; this covers a null without a report.
    template <typename T> T require(T handle) const
    {
        check();
        if (!handle)
            throw PdfError("PDF writer: libharu failed without an error code while " + where());
        return handle;
    }

    [[noreturn]] void invalid(const std::string& problem) const
    {
        throw PdfError("PDF writer: " + problem + " while " + where());
    }

    void writeInfo()
    {
        m_phase = "writing the document information";
        const DocumentInfo& info = m_doc.info;
        const std::pair<HPDF_InfoType, const std::string*> texts[] = {
            {HPDF_INFO_TITLE, &info.title},
            {HPDF_INFO_AUTHOR, &info.author},
            {HPDF_INFO_SUBJECT, &info.subject},
        };
        for (const auto& [type, text] : texts)
            if (!text->empty())
                HPDF_SetInfoAttr(m_pdf.get(), type, text->c_str());
        HPDF_SetInfoAttr(m_pdf.get(), HPDF_INFO_CREATOR, "StretchPlan");
        check();
        HPDF_Date date{};
        if (!info.creationDate.empty()) {
            if (!parseCreationDate(info.creationDate, date))
                invalid("creation date \"" + info.creationDate + "\" is not YYYY-MM-DDTHH:MM:SSZ");
        } else if (m_options.deterministic) {
            return; // no date rather than the clock
        } else {
            date = currentUtcDate();
        }
        HPDF_SetInfoDateAttr(m_pdf.get(), HPDF_INFO_CREATION_DATE, date);
        check();
    }

    // Loaded on first use: each face costs several milliseconds and ~55 KB of file.
    HPDF_Font font(FontFace face)
    {
        HPDF_Font& slot = m_fonts[faceIndex(face)];
        if (!slot) {
            std::filesystem::path path;
            try {
                path = FontSet::fontFile(m_fontDir, face);
            } catch (const FontError& e) {
                throw PdfError(std::string("PDF writer: ") + e.what());
            }
            const char* name = require(HPDF_LoadTTFontFromFile(m_pdf.get(), path.c_str(), HPDF_TRUE));
            slot = require(HPDF_GetFont(m_pdf.get(), name, "UTF-8"));
            m_usedCids[faceIndex(face)].assign(0x10000, false);
        }
        return slot;
    }

    HPDF_Image image(const ImageBox& box)
    {
        const RgbImage* pixels = box.image.get();
        if (!pixels)
            invalid("image box without an image");
        if (const auto found = m_images.find(pixels); found != m_images.end())
            return found->second; // the same logo on every page is one XObject
        const std::uint64_t expected = std::uint64_t{pixels->width} * pixels->height * 3;
        if (pixels->width == 0 || pixels->height == 0 || pixels->pixels.size() != expected)
            invalid("a " + std::to_string(pixels->width) + "x" + std::to_string(pixels->height) +
                    " RGB image needs " + std::to_string(expected) + " bytes but has " +
                    std::to_string(pixels->pixels.size()));
        HPDF_Image loaded = require(HPDF_LoadRawImageFromMem(
            m_pdf.get(), pixels->pixels.data(), pixels->width, pixels->height, HPDF_CS_DEVICE_RGB, 8));
        m_images.emplace(pixels, loaded);
        return loaded;
    }

    void drawPage(const Page& page, std::size_t number)
    {
        m_pageNumber = number;
        m_box = nullptr;
        m_page = require(HPDF_AddPage(m_pdf.get()));
        HPDF_Page_SetWidth(m_page, HPDF_REAL(m_doc.size.width));
        HPDF_Page_SetHeight(m_page, HPDF_REAL(m_doc.size.height));
        check();
        m_state = PageState{};
        for (std::size_t i = 0; i < page.boxes.size(); ++i) {
            m_box = &page.boxes[i];
            m_boxNumber = i + 1;
            if (!std::holds_alternative<TextRun>(*m_box))
                endText();
            std::visit([this](const auto& b) { draw(b); }, *m_box);
            check();
        }
        m_box = nullptr;
        endText();
        check();
    }

    void endText()
    {
        if (m_state.inText) {
            HPDF_Page_EndText(m_page);
            m_state.inText = false;
        }
    }

    void setFill(const Color& c)
    {
        if (m_state.fill != c) {
            HPDF_Page_SetRGBFill(m_page, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
            m_state.fill = c;
        }
    }

    void setStroke(const Color& c, double width)
    {
        if (m_state.stroke != c) {
            HPDF_Page_SetRGBStroke(m_page, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
            m_state.stroke = c;
        }
        if (m_state.lineWidth != width) {
            HPDF_Page_SetLineWidth(m_page, HPDF_REAL(width));
            m_state.lineWidth = width;
        }
    }

    // Colours go before the path: libharu refuses them while a path is open.
    template <typename MakePath>
    void paint(const std::optional<Color>& fill, const std::optional<Color>& stroke,
               double strokeWidth, MakePath makePath)
    {
        if (fill)
            setFill(*fill);
        if (stroke)
            setStroke(*stroke, strokeWidth);
        makePath();
        if (fill && stroke)
            HPDF_Page_FillStroke(m_page);
        else if (fill)
            HPDF_Page_Fill(m_page);
        else
            HPDF_Page_Stroke(m_page);
    }

    void draw(const TextRun& run)
    {
        if (run.text.empty())
            return;
        HPDF_Font f = font(run.face);
        if (!m_state.inText) {
            HPDF_Page_BeginText(m_page);
            m_state.inText = true;
        }
        if (m_state.font != f || m_state.fontSize != run.size) {
            HPDF_Page_SetFontAndSize(m_page, f, HPDF_REAL(run.size));
            m_state.font = f;
            m_state.fontSize = run.size;
        }
        setFill(run.color);
        // An absolute text matrix per run: relative moves would accumulate rounding.
        HPDF_Page_SetTextMatrix(m_page, 1, 0, 0, 1, HPDF_REAL(run.x), HPDF_REAL(run.y));
        HPDF_Page_ShowText(m_page, run.text.c_str());
        std::vector<bool>& used = m_usedCids[faceIndex(run.face)];
        for (char32_t codePoint : decodeUtf8(run.text))
            used[codePoint > 0xFFFF ? U' ' : codePoint] = true; // libharu draws those as spaces
    }

    void draw(const Line& line)
    {
        setStroke(line.color, line.width);
        if (m_state.roundCaps != line.roundCaps) {
            HPDF_Page_SetLineCap(m_page, line.roundCaps ? HPDF_ROUND_END : HPDF_BUTT_END);
            m_state.roundCaps = line.roundCaps;
        }
        HPDF_Page_MoveTo(m_page, HPDF_REAL(line.x1), HPDF_REAL(line.y1));
        HPDF_Page_LineTo(m_page, HPDF_REAL(line.x2), HPDF_REAL(line.y2));
        HPDF_Page_Stroke(m_page);
    }

    void draw(const Rect& rect)
    {
        if (!rect.fill && !rect.stroke)
            return;
        paint(rect.fill, rect.stroke, rect.strokeWidth, [&] {
            HPDF_Page_Rectangle(m_page, HPDF_REAL(rect.x), HPDF_REAL(rect.y), HPDF_REAL(rect.w),
                                HPDF_REAL(rect.h));
        });
    }

    void draw(const Circle& circle)
    {
        if ((!circle.fill && !circle.stroke) || circle.r <= 0)
            return;
        paint(circle.fill, circle.stroke, circle.strokeWidth, [&] {
            HPDF_Page_Circle(m_page, HPDF_REAL(circle.cx), HPDF_REAL(circle.cy), HPDF_REAL(circle.r));
        });
    }

    void draw(const Polygon& polygon)
    {
        if (polygon.points.size() < 3)
            return; // nothing to fill
        setFill(polygon.fill);
        const auto& [x0, y0] = polygon.points.front();
        HPDF_Page_MoveTo(m_page, HPDF_REAL(x0), HPDF_REAL(y0));
        for (std::size_t i = 1; i < polygon.points.size(); ++i)
            HPDF_Page_LineTo(m_page, HPDF_REAL(polygon.points[i].first),
                             HPDF_REAL(polygon.points[i].second));
        HPDF_Page_ClosePath(m_page);
        HPDF_Page_Fill(m_page);
    }

    void draw(const ImageBox& box)
    {
        HPDF_Page_DrawImage(m_page, image(box), HPDF_REAL(box.x), HPDF_REAL(box.y),
                            HPDF_REAL(box.w), HPDF_REAL(box.h));
    }

    // One rectangle per run of dark modules in a row, all filled as one path: a fraction
    // of the operators of one square per module, and no seams inside a run.
    void draw(const QrBox& qr)
    {
        const auto side = static_cast<std::size_t>(std::max(qr.size, 0));
        if (side == 0 || qr.module <= 0 || qr.dark.size() != side * side)
            invalid("a QR code of " + std::to_string(qr.size) + " modules per side has " +
                    std::to_string(qr.dark.size()) + " module flags");
        setFill(Color{0, 0, 0});
        bool anyDark = false;
        for (std::size_t row = 0; row < side; ++row) {
            const double y = qr.y + double(side - 1 - row) * qr.module; // rows run top down
            const auto dark = [&](std::size_t column) { return qr.dark[row * side + column]; };
            for (std::size_t column = 0; column < side;) {
                if (!dark(column)) {
                    ++column;
                    continue;
                }
                const std::size_t start = column;
                while (column < side && dark(column))
                    ++column;
                HPDF_Page_Rectangle(m_page, HPDF_REAL(qr.x + double(start) * qr.module),
                                    HPDF_REAL(y), HPDF_REAL(double(column - start) * qr.module),
                                    HPDF_REAL(qr.module));
                anyDark = true;
            }
        }
        if (anyDark)
            HPDF_Page_Fill(m_page);
    }

    std::string save()
    {
        m_phase = "saving the PDF";
        HPDF_SaveToStream(m_pdf.get());
        check();
        HPDF_UINT32 size = HPDF_GetStreamSize(m_pdf.get());
        std::string bytes(size, '\0');
        HPDF_ReadFromStream(m_pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
        check();
        bytes.resize(size);
        return bytes;
    }

    const LaidOutDocument& m_doc;
    const PdfOptions& m_options;
    const std::filesystem::path m_fontDir;
    LibharuError m_error;
    HpdfDocPtr m_pdf; // declared after m_error, which its handler writes to
    std::array<HPDF_Font, 2> m_fonts{};
    std::array<std::vector<bool>, 2> m_usedCids; // per face, by CID (= UCS-2 code point)
    std::map<const RgbImage*, HPDF_Image> m_images;
    HPDF_Page m_page = nullptr;
    PageState m_state;
    // Where we are, for error messages.
    std::string m_phase;
    std::size_t m_pageNumber = 0;
    std::size_t m_boxNumber = 0;
    const Box* m_box = nullptr;
};

[[noreturn]] void throwFileError(const std::string& what, int error)
{
    throw PdfError("cannot " + what + ": " + std::strerror(error));
}

// A new file beside the target (so that the rename stays within one file system), removed
// again unless it was committed, that is renamed into place.
class TempFile {
public:
    explicit TempFile(const std::filesystem::path& target)
    {
        const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
        static std::atomic<unsigned> counter{0};
        for (int attempt = 0; m_fd < 0; ++attempt) {
            m_path = folder / ("." + target.filename().string() + "." + std::to_string(::getpid()) +
                               "." + std::to_string(counter++) + ".tmp");
            m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); // patient data
            if (m_fd < 0 && (errno != EEXIST || attempt == 100)) {
                m_path.clear();
                throwFileError("create a temporary file in " + folder.string(), errno);
            }
        }
    }
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_path.empty())
            ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(const std::string& bytes)
    {
        for (std::size_t written = 0; written < bytes.size();) {
            const ssize_t n = ::write(m_fd, bytes.data() + written, bytes.size() - written);
            if (n < 0 && errno != EINTR)
                throwFileError("write " + m_path.string(), errno);
            written += n > 0 ? static_cast<std::size_t>(n) : 0;
        }
        if (::fsync(m_fd) != 0) // the data is on disk before the name points at it
            throwFileError("flush " + m_path.string(), errno);
        const int fd = std::exchange(m_fd, -1);
        if (::close(fd) != 0)
            throwFileError("close " + m_path.string(), errno);
    }

    void commit(const std::filesystem::path& target)
    {
        if (::rename(m_path.c_str(), target.c_str()) != 0)
            throwFileError("replace " + target.string(), errno);
        m_path.clear();
    }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

} // namespace

std::string renderPdf(const LaidOutDocument& doc, const PdfOptions& options)
{
    return Renderer(doc, options).render();
}

void writePdfFile(const LaidOutDocument& doc, const PdfOptions& options,
                  const std::filesystem::path& target)
{
    // Render first: a document that cannot be drawn never touches the folder.
    const std::string bytes = renderPdf(doc, options);
    const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
    std::error_code error; // other problems (not a folder, no permission) show when creating
    if (!std::filesystem::exists(folder, error) && !error)
        throw PdfError("cannot write " + target.string() + ": the folder " + folder.string() +
                       " does not exist");
    TempFile temp(target);
    temp.write(bytes);
    temp.commit(target);
}

} // namespace sp::handout

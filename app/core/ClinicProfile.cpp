#include "core/ClinicProfile.h"

#include "core/JsonReader.h"

#include <set>

namespace sp {
namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isHexColour(const std::string& text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    for (std::size_t i = 1; i < text.size(); ++i)
        if (!isHexDigit(text[i]))
            return false;
    return true;
}

std::string sizeText(std::size_t bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// Free text that ends up on a printed page: newlines break lines there, but a tab, a NUL
// or an escape would print as nothing or as a box, so they are refused while typing.
void printedText(FieldErrors& e, std::string_view field, const std::string& text, std::size_t maxChars)
{
    const std::size_t before = e.list().size();
    e.text(field, text, maxChars);
    if (e.list().size() != before)
        return;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7F) {
            e.add(std::string(field), "contains a control character (code " + std::to_string(u) + ")");
            return;
        }
    }
}

// An address a patient can type or scan from the handout: http(s), a host with a dot,
// nothing that hides where it goes (user@host) and no spaces.
bool isWebAddress(const std::string& web)
{
    std::string lower;
    for (char c : web.substr(0, 8))
        lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    std::size_t start = 0;
    if (lower.rfind("https://", 0) == 0)
        start = 8;
    else if (lower.rfind("http://", 0) == 0)
        start = 7;
    else
        return false;
    const std::size_t end = web.find_first_of("/?#", start);
    const std::string host = web.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (host.empty() || host.front() == '.' || host.back() == '.' || host.find('.') == std::string::npos)
        return false;
    for (char c : host) {
        const auto u = static_cast<unsigned char>(c);
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '-' || c == '.' || c == ':' || u >= 0x80;
        if (!allowed)
            return false;
    }
    return web.find(' ') == std::string::npos;
}

} // namespace

std::optional<ImageFormat> imageFormatOf(std::string_view bytes)
{
    static constexpr std::string_view kPng("\x89PNG\r\n\x1A\n", 8);
    static constexpr std::string_view kJpeg("\xFF\xD8\xFF", 3);
    if (bytes.substr(0, kPng.size()) == kPng)
        return ImageFormat::Png;
    if (bytes.substr(0, kJpeg.size()) == kJpeg)
        return ImageFormat::Jpeg;
    return std::nullopt;
}

bool sameBranding(const ClinicProfile& a, const ClinicProfile& b)
{
    ClinicProfile unnamed = a;
    unnamed.clinician = b.clinician;
    return unnamed == b;
}

std::vector<FieldError> validate(const ClinicProfile& c)
{
    FieldErrors e;
    e.line("name", c.name, 1, kMaxClinicNameChars);
    printedText(e, "address", c.address, kMaxClinicAddressChars);
    if (!c.phone.empty())
        e.phone("phone", c.phone);
    if (!c.email.empty())
        e.email("email", c.email);
    if (!c.web.empty()) {
        const std::size_t before = e.list().size();
        e.line("web", c.web, 1, kMaxClinicWebChars);
        if (e.list().size() == before && !isWebAddress(c.web))
            e.add("web", quoteValue(Json(c.web)) + " is not a web address (https://example.org)");
    }
    if (!isHexColour(c.accent))
        e.add("accent", quoteValue(Json(c.accent)) + " is not a colour written #RRGGBB (e.g. #2A6F97)");
    printedText(e, "footer", c.footer, kMaxClinicFooterChars);
    if (!c.clinician.empty())
        e.line("clinician", c.clinician, 1, kMaxClinicianNameChars);
    if (c.logo.size() > kMaxClinicLogoBytes)
        e.add("logo", "is too large (" + std::to_string(c.logo.size()) + " bytes, at most " +
                          sizeText(kMaxClinicLogoBytes) + ")");
    else if (!c.logo.empty() && !imageFormatOf(c.logo))
        e.add("logo", "is not a PNG or JPEG image");
    return e.list();
}

std::optional<ClinicProfile> parseClinicProfileJson(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    // Fields the reader already complained about: validate() would only say it again.
    std::set<std::string, std::less<>> unreadable;
    const auto read = [&](std::string_view key, TextRule rule, Presence presence, std::string& into) {
        const std::size_t problems = sink.count();
        if (auto value = r.text(key, rule, presence))
            into = *value;
        if (sink.count() != problems)
            unreadable.emplace(key);
    };
    ClinicProfile c;
    if (auto kind = r.text("kind", {1, 60}); kind && *kind != "clinic-branding")
        sink.add(r.pointerOf("kind"),
                 quoteValue(Json(*kind)) + " is not a kind this loader reads (\"clinic-branding\")");
    read("name", {1, kMaxClinicNameChars}, Presence::Required, c.name);
    read("address", {0, kMaxClinicAddressChars}, Presence::Optional, c.address);
    read("phone", {0, 40}, Presence::Optional, c.phone);
    read("email", {0, 254}, Presence::Optional, c.email);
    read("web", {0, kMaxClinicWebChars}, Presence::Optional, c.web);
    read("accent", {1, 20}, Presence::Optional, c.accent);
    read("footer", {0, kMaxClinicFooterChars}, Presence::Optional, c.footer);
    std::string logoFile; // read and checked here, loaded by the caller (see the header)
    read("logo", {1, 200}, Presence::Optional, logoFile);
    r.finish();
    for (const FieldError& e : validate(c))
        if (!unreadable.contains(e.field))
            sink.add(r.pointerOf(e.field), e.message);
    return sink.count() == before ? std::optional(std::move(c)) : std::nullopt;
}

Json toJson(const ClinicProfile& c)
{
    return {{"name", c.name},     {"address", c.address}, {"phone", c.phone},   {"email", c.email},
            {"web", c.web},       {"accent", c.accent},   {"footer", c.footer}, {"logo_bytes", c.logo.size()},
            {"clinician", c.clinician}};
}

} // namespace sp

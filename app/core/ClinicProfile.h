// The clinic's own details, the branding every handout carries: name, contact details,
// accent colour, logo and the disclaimer in the footer. They describe the clinic, not a
// patient, so they are not personal data the audit log must keep out; it still names only
// the fields that changed, like everywhere else.
#pragma once

#include "core/JsonText.h"
#include "core/Problem.h"
#include "core/Validation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sp {

struct ClinicProfile {
    std::string name;
    std::string address; // may hold newlines: one line of the handout's letterhead each
    std::string phone;
    std::string email;
    std::string web;
    std::string footer; // the disclaimer printed in the handout footer
    std::string accent = "#2A6F97";
    std::string logo; // the image bytes, PNG or JPEG; empty = none
    // The name handouts give as the clinician on one computer (a file has no accounts; the
    // first start asks for it). On a clinic server the signed-in person's name comes first.
    std::string clinician;

    bool operator==(const ClinicProfile&) const = default;
};

// Length caps, in characters (the logo in bytes).
inline constexpr std::size_t kMaxClinicNameChars = 120;
inline constexpr std::size_t kMaxClinicAddressChars = 300;
inline constexpr std::size_t kMaxClinicWebChars = 200;
inline constexpr std::size_t kMaxClinicFooterChars = 500;
inline constexpr std::size_t kMaxClinicLogoBytes = 2 * 1024 * 1024;
inline constexpr std::size_t kMaxClinicianNameChars = 120;

enum class ImageFormat { Png = 1, Jpeg };

// What the bytes are by their signature, not by any file name: PNG, JPEG or neither.
std::optional<ImageFormat> imageFormatOf(std::string_view bytes);

// The same letterhead, logo, colour and footer: what a handout shows of the clinic, whoever
// the clinician named on it is.
bool sameBranding(const ClinicProfile& a, const ClinicProfile& b);

// Every problem with the profile's fields; empty when it may be stored and printed.
std::vector<FieldError> validate(const ClinicProfile& profile);

// A clinic branding file (templates/branding/*/clinic.json), strictly: every field
// but the logo's bytes, checked with validate() and reported at its pointer. The file
// names its logo as a path relative to its own folder ("logo": "logo.png"); the parser
// checks that it is one and leaves it in the document for the loader, which alone knows
// the folder, to read and put into `logo`.
std::optional<ClinicProfile> parseClinicProfileJson(const Json& document, ProblemSink& sink);

// The profile for scripts, without the logo's bytes: "logo_bytes" says how many there are.
Json toJson(const ClinicProfile& profile);

} // namespace sp

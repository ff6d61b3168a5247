// Turning handout content into a PDF with the chosen template, paper and print size:
// the one renderer behind `plan export`, `handout`, and the desktop app's preview, print,
// save and e-mail, so that they cannot differ.
#pragma once

#include "handout/FontSet.h"
#include "handout/HandoutContent.h"
#include "handout/HandoutLayout.h"
#include "handout/HandoutTemplate.h"
#include "handout/PdfWriter.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace sp::delivery {

struct HandoutOptions {
    std::string templateName = "classic"; // an id in templates/handouts
    std::string paper = "a4";             // "a4" or "letter"
    bool largePrint = false;
    bool deterministic = false;           // fixed dates: the same input gives the same bytes
};

// With `deterministic`, the handout's own date and the file's timestamp are fixed, so the
// same plan gives the same bytes (for golden tests and reproducible archives).
inline constexpr const char* kDeterministicTimestamp = "2026-01-01T00:00:00Z";

// "2026-11-24T08:30:00Z"
std::string utcNow();

// The handout templates shipped in templates/handouts, in file order: {id, name}.
struct TemplateChoice {
    std::string id;
    std::string name;
};
std::vector<TemplateChoice> handoutTemplateChoices();

// Everything a handout needs besides its content, loaded once and used for many; write()
// and render() may run on several threads at once (the fonts allow it).
class HandoutRenderer {
public:
    // Throws DeliveryError for an unknown template (naming those available and any
    // template file that failed to load) or paper; FontError for missing fonts.
    explicit HandoutRenderer(const HandoutOptions& options);

    // Lays out and writes to `out` (through a temporary file); returns the warnings
    // (pictures replaced, missing characters).
    std::vector<std::string> write(const handout::HandoutContent& content, const std::filesystem::path& out) const;

    struct Rendered {
        std::string pdf; // the file's bytes
        std::vector<std::string> warnings;
    };
    // The same PDF in memory, for a preview.
    Rendered render(const handout::HandoutContent& content) const;

    const handout::HandoutTemplate& handoutTemplate() const { return m_template; }

private:
    handout::HandoutTemplate m_template;
    handout::LayoutOptions m_layout;
    handout::PdfOptions m_pdf;
    std::unique_ptr<handout::FontSet> m_fonts;
};

} // namespace sp::delivery

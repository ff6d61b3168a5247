#include "delivery/HandoutRenderer.h"

#include "core/Enums.h"
#include "delivery/DeliveryContext.h"
#include "handout/HandoutTemplateFiles.h"
#include "handout/Paper.h"
#include "pluginhost/PluginDirs.h"

#include <ctime>

namespace fs = std::filesystem;

namespace sp::delivery {
namespace {

fs::path templateDir()
{
    return builtInDataDir() / "templates" / "handouts";
}

} // namespace

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

std::vector<TemplateChoice> handoutTemplateChoices()
{
    std::vector<TemplateChoice> out;
    for (const auto& t : handout::loadHandoutTemplates(templateDir()).templates)
        out.push_back({t.id, t.name});
    return out;
}

HandoutRenderer::HandoutRenderer(const HandoutOptions& o)
{
    const auto load = handout::loadHandoutTemplates(templateDir());
    const handout::HandoutTemplate* found = nullptr;
    std::string ids;
    for (const auto& t : load.templates) {
        ids += (ids.empty() ? "" : ", ") + t.id;
        if (t.id == o.templateName)
            found = &t;
    }
    if (!found) {
        std::string problems;
        for (const Problem& p : load.problems)
            problems += "\n" + p.format();
        throw DeliveryError("no handout template \"" + o.templateName + "\" (available: " + ids + ")" + problems);
    }
    const auto paper = parseEnum<handout::Paper>(o.paper);
    if (!paper)
        throw DeliveryError("no paper size \"" + o.paper + "\" (available: a4, letter)");
    m_template = *found;
    m_layout.page = handout::pageSize(*paper);
    m_layout.largePrint = o.largePrint;
    m_pdf.deterministic = o.deterministic;
    m_fonts = std::make_unique<handout::FontSet>();
}

std::vector<std::string> HandoutRenderer::write(const handout::HandoutContent& content, const fs::path& out) const
{
    handout::LaidOutDocument doc = handout::layoutHandout(content, m_template, m_layout, *m_fonts);
    handout::writePdfFile(doc, m_pdf, out);
    return doc.warnings;
}

HandoutRenderer::Rendered HandoutRenderer::render(const handout::HandoutContent& content) const
{
    handout::LaidOutDocument doc = handout::layoutHandout(content, m_template, m_layout, *m_fonts);
    return {handout::renderPdf(doc, m_pdf), doc.warnings};
}

} // namespace sp::delivery

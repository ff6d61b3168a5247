#include "mail/EmailTemplate.h"

#include "mail/MailError.h"

#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace sp::mail {
namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 64 * 1024;

bool isTemplateName(const std::string& name)
{
    if (name.empty() || name.size() > 64 || name.front() == '-')
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

std::string valueOf(std::string_view key, const TemplateValues& v, bool& known)
{
    known = true;
    if (key == "clinic_name")
        return v.clinicName;
    if (key == "patient_first_name")
        return v.patientFirstName;
    if (key == "next_follow_up")
        return v.nextFollowUp;
    if (key == "clinic_contact")
        return v.clinicContact;
    known = false;
    return {};
}

std::string fillLine(std::string_view line, const TemplateValues& values)
{
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::size_t open = line.find('{', i);
        if (open == std::string_view::npos) {
            out += line.substr(i);
            break;
        }
        out += line.substr(i, open - i);
        const std::size_t close = line.find('}', open);
        if (close == std::string_view::npos)
            throw MailError("the e-mail template has a '{' without its '}': \"" + std::string(line) + "\"");
        const std::string_view key = line.substr(open + 1, close - open - 1);
        bool known = false;
        out += valueOf(key, values, known);
        if (!known)
            throw MailError("the e-mail template has an unknown placeholder {" + std::string(key) +
                            "} (known: {clinic_name}, {patient_first_name}, {next_follow_up}, {clinic_contact})");
        i = close + 1;
    }
    return out;
}

} // namespace

EmailTemplate parseEmailTemplate(std::string_view text, const std::string& name)
{
    const std::string where = "e-mail template \"" + name + "\"";
    if (text.find('\r') != std::string_view::npos)
        throw MailError(where + " has Windows line endings (CR LF); save it with plain LF line endings");
    constexpr std::string_view kSubject = "Subject:";
    if (text.substr(0, kSubject.size()) != kSubject)
        throw MailError(where + " must start with a \"Subject: ...\" line");
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos || text.substr(end + 1, 1) != "\n")
        throw MailError(where + ": the Subject line must be followed by a blank line, then the body");
    EmailTemplate t;
    t.name = name;
    std::string_view subject = text.substr(kSubject.size(), end - kSubject.size());
    while (!subject.empty() && subject.front() == ' ')
        subject.remove_prefix(1);
    t.subject = subject;
    t.body = text.substr(end + 2);
    if (t.subject.empty())
        throw MailError(where + " has an empty subject");
    if (t.body.find_first_not_of(" \n") == std::string::npos)
        throw MailError(where + " has an empty body");
    return t;
}

EmailTemplate loadEmailTemplate(const std::string& name, const std::vector<fs::path>& dirs)
{
    if (!isTemplateName(name))
        throw MailError("\"" + name + "\" is not an e-mail template name (lower-case letters, digits and '-')");
    std::string searched;
    for (const fs::path& dir : dirs) {
        const fs::path file = dir / (name + ".txt");
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            searched += (searched.empty() ? "" : ", ") + dir.string();
            continue;
        }
        if (fs::file_size(file, ec) > kMaxTemplateBytes || ec)
            throw MailError(file.string() + ": the e-mail template is larger than 64 KiB or cannot be read");
        std::ifstream in(file, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        return parseEmailTemplate(text, name);
    }
    throw MailError("no e-mail template \"" + name + "\" (looked in " + searched + ")");
}

std::string fillTemplate(std::string_view text, const TemplateValues& values)
{
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
        const bool dropped = values.nextFollowUp.empty() && line.find("{next_follow_up}") != std::string_view::npos;
        if (!dropped) {
            out += fillLine(line, values);
            if (end != std::string_view::npos)
                out += '\n';
        }
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return out;
}

std::string attachmentFileName(const std::string& isoDate)
{
    return "Home-exercise-plan-" + isoDate + ".pdf";
}

} // namespace sp::mail

#include "handout/HandoutBuilder.h"

#include "core/SnapshotDiff.h"
#include "core/Validation.h"
#include "handout/HandoutTemplate.h"
#include "handout/ImageDecode.h"
#include "handout/PackImage.h"

#include <algorithm>
#include <set>

namespace sp::handout {
namespace {

// Control characters (a NUL or tab in a clinician's note) would end or garble a PDF text
// run; they print as spaces. Newlines in free text stay.
std::string printable(const std::string& text, const std::string& field, bool keepNewlines = false)
{
    if (!isValidUtf8(text))
        throw HandoutError(field + " is not valid UTF-8 text");
    std::string out = text;
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(keepNewlines && c == '\n')) || u == 0x7F)
            c = ' ';
    }
    return out;
}

std::vector<std::string> printable(const std::vector<std::string>& list, const std::string& field)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(printable(list[i], field + " " + std::to_string(i + 1)));
    return out;
}

Branding branding(const ClinicProfile& clinic)
{
    Branding b;
    b.name = printable(clinic.name, "the clinic name");
    if (!clinic.address.empty()) {
        for (const std::string& line : std::vector<std::string>{printable(clinic.address, "the clinic address", true)}) {
            std::size_t start = 0;
            while (start <= line.size()) {
                const auto end = line.find('\n', start);
                const std::string part = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
                if (!part.empty())
                    b.contactLines.push_back(part);
                if (end == std::string::npos)
                    break;
                start = end + 1;
            }
        }
    }
    std::string contact;
    for (const std::string* item : {&clinic.phone, &clinic.email, &clinic.web})
        if (!item->empty())
            contact += (contact.empty() ? "" : "  \u00b7  ") + printable(*item, "the clinic's contact details");
    if (!contact.empty())
        b.contactLines.push_back(contact);
    if (auto accent = parseHexColor(clinic.accent))
        b.accent = *accent;
    b.footer = printable(clinic.footer, "the clinic footer");
    return b;
}

HandoutExercise exercise(const PlanItem& item, const Catalog& catalog, std::vector<std::string>& warnings,
                         std::optional<PendingPicture>& picture)
{
    const Exercise& ex = item.snapshot;
    const std::string where = "exercise \"" + item.exerciseId + "\"";
    HandoutExercise out;
    out.name = printable(ex.name, where + " name");
    out.startPosition = printable(ex.startPosition, where + " start position");
    out.steps = printable(ex.steps, where + " step");
    out.cues = printable(ex.cues, where + " cue");
    out.commonMistakes = printable(ex.commonMistakes, where + " common mistake");
    out.precautions = printable(ex.precautions, where + " precaution");
    out.dosage = describe(item.dosage);
    out.note = printable(item.note, where + " note", true);
    out.videoUrl = printable(ex.media.videoUrl, where + " video address");
    out.figure = ex.figure;
    if (!ex.figure && !ex.media.images.empty()) {
        const CatalogPack* pack = catalog.pack(ex.pack);
        const std::string file = ex.media.images.front().file;
        if (!pack) {
            out.pictureUnavailable = true;
            warnings.push_back(where + ": its pack \"" + ex.pack + "\" is not installed, so its picture " + file +
                               " is shown as a placeholder");
        } else {
            // Looked for in the installed pack's folder only, whatever the snapshot says.
            picture = PendingPicture{0, pack->folder, file, where};
        }
    }
    return out;
}

} // namespace

std::string longDate(const Date& d)
{
    static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

HandoutContent buildHandoutContent(const HandoutRequest& r, const Catalog& catalog, const ClinicProfile& clinic,
                                   std::vector<std::string>& warnings)
{
    return decodePictures(draftHandoutContent(r, catalog, clinic, warnings), warnings);
}

HandoutContent decodePictures(HandoutDraft draft, std::vector<std::string>& warnings)
{
    HandoutContent& c = draft.content;
    if (!draft.logo.empty()) {
        const DecodedImage logo = decodeImage(draft.logo);
        if (logo.image)
            c.clinic.logo = logo.image;
        else
            warnings.push_back("the clinic logo cannot be used (" + logo.error + "); the handout has no logo");
    }
    for (const PendingPicture& p : draft.pictures) {
        HandoutExercise& out = c.exercises.at(p.exercise);
        const DecodedImage photo = decodePackImage(p.packFolder, p.file);
        if (photo.image) {
            out.photo = photo.image;
        } else {
            out.pictureUnavailable = true;
            warnings.push_back(p.where + ": picture " + p.file + " cannot be used (" + photo.error +
                               "); a placeholder is printed instead");
        }
    }
    return std::move(draft.content);
}

HandoutDraft draftHandoutContent(const HandoutRequest& r, const Catalog& catalog, const ClinicProfile& clinic,
                                 std::vector<std::string>& warnings)
{
    if (r.items.empty())
        throw HandoutError("the plan has no exercises to print");
    HandoutDraft draft;
    draft.logo = clinic.logo;
    HandoutContent& c = draft.content;
    c.clinic = branding(clinic);
    c.patientName = printable(r.patientName, "the patient's name");
    c.clinician = printable(r.clinician, "the clinician's name");
    c.planTitle = printable(r.planTitle, "the plan title");
    c.goals = printable(r.goals, "goal");
    c.date = longDate(r.date);
    c.creationDate = r.creationTimestamp;
    if (r.nextFollowUp)
        c.nextFollowUp = longDate(*r.nextFollowUp);

    // The handout prints each snapshot as it is; one that is not what its installed pack
    // says (a plan file's, or an older pack's) is never printed without a word.
    for (const SnapshotDiff& d : snapshotDiffs(r.items, catalog))
        warnings.push_back(d.message());

    std::vector<std::string> packs; // in the order the plan first uses them
    for (const PlanItem& item : r.items) {
        std::optional<PendingPicture> picture;
        c.exercises.push_back(exercise(item, catalog, warnings, picture));
        if (picture) {
            picture->exercise = c.exercises.size() - 1;
            draft.pictures.push_back(std::move(*picture));
        }
        if (std::find(packs.begin(), packs.end(), item.snapshot.pack) == packs.end())
            packs.push_back(item.snapshot.pack);
    }
    std::set<std::string> seenFlags;
    for (const std::string& id : packs) {
        const CatalogPack* pack = catalog.pack(id);
        if (!pack) {
            warnings.push_back("pack \"" + id + "\" is not installed: its general advice and red flags are missing "
                               "from the handout");
            continue;
        }
        for (const GuidanceSection& s : pack->guidance.sections)
            c.guidance.push_back({s.title, s.paragraphs});
        for (const RedFlag& f : pack->guidance.redFlags)
            if (seenFlags.insert(f.text).second)
                c.redFlags.push_back(f.text);
    }
    return draft;
}

} // namespace sp::handout

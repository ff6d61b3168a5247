// The database check at start-up: off the UI thread, with a store (a connection) of its
// own (the window's store is not shared across threads), and a banner when something is
// wrong.
#include "db/OpenStore.h"
#include "gui/BackgroundJobs.h"
#include "gui/ErrorDialog.h"
#include "gui/MainFrame.h"
#include "gui/WxText.h"

#include <wx/infobar.h>
#include <wx/intl.h>

namespace sp::gui {
namespace {

// What failed first, in the check's own words, or empty when nothing did.
std::string firstFailure(const db::CheckReport& r)
{
    for (const auto* part : {&r.auditChain, &r.auditAnchor, &r.integrity, &r.foreignKeys, &r.revisions})
        if (!part->ok)
            return part->detail;
    return {};
}

std::string firstWarning(const db::CheckReport& r)
{
    for (const auto* part : {&r.auditChain, &r.auditAnchor, &r.integrity, &r.foreignKeys, &r.revisions})
        if (part->warning)
            return part->detail;
    return {};
}

} // namespace

void MainFrame::checkDatabaseInBackground()
{
    // The check reads every revision and note, which reception may not read: on its
    // workstation it would only be refused. The clinicians' and the administrator's
    // workstations check the same server.
    if (m_workspace.contactsOnly()) {
        m_bannerText.clear();
        m_banner->Dismiss();
        return;
    }
    if (!m_checks)
        m_checks = std::make_unique<BackgroundJobs>(*this);
    db::StoreOptions options;
    options.actor = m_workspace.user();
    options.password = m_workspace.options().password;
    const std::string location = m_workspace.databaseLocation();
    const bool server = m_workspace.onServer();
    const std::string shown = m_workspace.displayDatabase();
    const auto show = [this](const wxString& text, int icon) {
        m_bannerText = text;
        m_banner->ShowMessage(text, icon);
    };
    m_checks->run<db::CheckReport>(
        [location, options] { return db::openClinicStore(location, options)->check(); },
        [show, server, shown](db::CheckReport report) {
            if (const std::string failed = firstFailure(report); !failed.empty())
                show(server ? wxString::Format(_("The clinic database failed its check: %s. Records may have been "
                                                 "changed outside StretchPlan. Ask the administrator of %s to "
                                                 "compare the server with its latest backup (stretchplan-cli db "
                                                 "check)."),
                                               wxs(failed), wxs(shown))
                            : wxString::Format(_("The clinic database failed its check: %s. Records may have been "
                                                 "changed outside StretchPlan. Keep %s and its .chain file as they "
                                                 "are, and ask your administrator to compare them with your latest "
                                                 "backup (stretchplan-cli db check)."),
                                               wxs(failed), wxs(shown)),
                     wxICON_ERROR);
            else if (const std::string warning = firstWarning(report); !warning.empty())
                show(wxString::Format(_("Database check: %s."), wxs(warning)), wxICON_WARNING);
        },
        [show](std::exception_ptr error) {
            wxString why = _("an unexpected error");
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                why = describeException(e);
            } catch (...) {
            }
            show(wxString::Format(_("The clinic database could not be checked: %s. Run stretchplan-cli db check "
                                    "once StretchPlan is closed."),
                                  why),
                 wxICON_WARNING);
        });
}

bool MainFrame::checkingDatabase() const
{
    return m_checks && m_checks->running() > 0;
}

} // namespace sp::gui

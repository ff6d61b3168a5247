#include "gui/ErrorDialog.h"

#include "db/ClinicStore.h"
#include "gui/WxText.h"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>

namespace sp::gui {

wxString describeException(const std::exception& e)
{
    if (const auto* db = dynamic_cast<const db::DbError*>(&e); db && !db->fieldErrors().empty()) {
        wxString out;
        for (const FieldError& f : db->fieldErrors())
            out += wxs(f.field) + ": " + wxs(f.message) + "\n";
        return out.Trim();
    }
    return wxs(e.what());
}

namespace {
ErrorSink& errorSink()
{
    static ErrorSink sink;
    return sink;
}
} // namespace

void setErrorSink(ErrorSink sink)
{
    errorSink() = std::move(sink);
}

void showError(wxWindow* parent, const wxString& doing, const wxString& why)
{
    wxLogDebug("%s: %s", doing, why);
    if (errorSink()) {
        errorSink()(doing, why);
        return;
    }
    wxMessageDialog dialog(parent, why, doing, wxOK | wxICON_ERROR);
    dialog.ShowModal();
}

bool guarded(wxWindow* parent, const wxString& doing, const std::function<void()>& action)
{
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        showError(parent, doing, describeException(e));
    } catch (...) {
        showError(parent, doing, _("An unexpected error happened."));
    }
    return false;
}

} // namespace sp::gui

// Locking the workstation: File > Lock (Ctrl+L) and the idle lock. Everything open stays
// open (a plan draft, a note being typed in its dialog); while locked, every window of
// this main window shows no contents and only "locked" in its title, changes from other
// workstations wait, and the lock screen asks for the password.
#include "gui/MainFrame.h"
#include "gui/MainFrameIds.h"

#include "editor/Unlock.h"
#include "gui/AppSettings.h"
#include "gui/IdleWatch.h"
#include "gui/LockScreen.h"
#include "gui/WxText.h"

#include <wx/intl.h>
#include <wx/toplevel.h>
#include <wx/weakref.h>

#include <stdexcept>

namespace sp::gui {

namespace {

constexpr int kIdleCheckMs = 5000;
constexpr long kDefaultLockMinutes = 10;
constexpr long kMinLockMinutes = 1;
constexpr long kMaxLockMinutes = 240;

// True for `window` and the windows it owns (dialogs over it, dialogs over those).
bool ownedBy(wxWindow* window, wxWindow* owner)
{
    for (; window; window = window->GetParent())
        if (window == owner)
            return true;
    return false;
}

} // namespace

struct MainFrame::Covered {
    wxWeakRef<wxTopLevelWindow> window;
    wxString title;
    std::vector<wxWeakRef<wxWindow>> hidden; // its contents, shown again after
};

void MainFrame::bindLock()
{
    m_idle = std::make_unique<IdleWatch>();
    m_idleTimer.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { checkIdle(); }, m_idleTimer.GetId());
    m_idleTimer.Start(kIdleCheckMs);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { lock(); }, kIdLock);
}

int MainFrame::lockAfterMinutes()
{
    const long minutes = readConfig(cfg::kLockMinutes, kDefaultLockMinutes);
    return static_cast<int>(minutes < kMinLockMinutes || minutes > kMaxLockMinutes ? kDefaultLockMinutes : minutes);
}

void MainFrame::setIdleClock(std::function<std::chrono::steady_clock::time_point()> clock)
{
    m_idle->setClock(std::move(clock));
}

void MainFrame::checkIdle()
{
    if (m_locked)
        return;
    if (m_idle->idleFor() >= std::chrono::minutes(lockAfterMinutes()))
        lock();
}

std::vector<MainFrame::Covered> MainFrame::coverWindows()
{
    std::vector<Covered> covered;
    for (wxWindowList::compatibility_iterator node = wxTopLevelWindows.GetFirst(); node; node = node->GetNext()) {
        auto* top = dynamic_cast<wxTopLevelWindow*>(node->GetData());
        if (!top || !top->IsShown() || !ownedBy(top, this))
            continue;
        Covered c{top, top->GetTitle(), {}};
        for (wxWindow* child : top->GetChildren())
            if (!child->IsTopLevel() && child->IsShown()) {
                child->Hide();
                c.hidden.emplace_back(child);
            }
        top->SetTitle(_("StretchPlan (locked)"));
        covered.push_back(std::move(c));
    }
    return covered;
}

void MainFrame::uncoverWindows(std::vector<Covered>& covered)
{
    for (Covered& c : covered) {
        if (!c.window)
            continue;
        for (wxWeakRef<wxWindow>& child : c.hidden)
            if (child)
                child->Show();
        c.window->SetTitle(c.title);
        c.window->Layout();
    }
}

void MainFrame::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    const bool following = m_feedTimer.IsRunning();
    m_feedTimer.Stop(); // what others change shows after the unlock, not behind the lock
    std::vector<Covered> covered = coverWindows();

    // Over the topmost window of ours: a dialog that was open stays under the lock screen.
    wxWindow* over = this;
    for (const Covered& c : covered)
        if (c.window && c.window.get() != this)
            over = c.window.get();
    LockScreen screen(over, wxs(lockedFor(m_workspace)), m_workspace.onServer(),
                      [this](const std::string& password) {
                          return tryUnlock(m_workspace, password, m_passwordService);
                      });
    bool unlocked = false;
    if (m_lockRunner) {
        m_lockRunner(screen);
        unlocked = screen.unlocked();
    } else {
        while (!unlocked)
            unlocked = screen.ShowModal() == wxID_OK && screen.unlocked();
    }
    screen.Hide();
    if (!unlocked)
        throw std::logic_error("the test's lock runner returned without unlocking");

    uncoverWindows(covered);
    m_locked = false;
    m_idle->touch();
    refreshStatus();
    if (following) {
        m_feedTimer.Start();
        pollChanges();
    }
}

} // namespace sp::gui

// test_gui: starts its own X server (Xvfb picks a free display and tells us which, so
// parallel runs cannot collide), points HOME and XDG at a temporary folder, and brings
// wxWidgets up once for every test case.
#define BOOST_TEST_MODULE sp_gui
#include "TestHome.h"
#include "gui/AppSettings.h"

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/log.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// An Xvfb child on a display it chose itself (-displayfd).
class VirtualDisplay {
public:
    VirtualDisplay()
    {
        int fds[2];
        if (::pipe(fds) != 0)
            throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid == 0) {
            // The server goes when the test goes, even when the test is killed or crashes.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::close(fds[0]);
            const std::string fd = std::to_string(fds[1]);
            const int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
            ::execl(SP_XVFB, "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        std::string number;
        char c = 0;
        while (::read(fds[0], &c, 1) == 1 && c != '\n')
            number += c;
        ::close(fds[0]);
        if (number.empty())
            throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
        ::setenv("DISPLAY", (":" + number).c_str(), 1);
    }
    ~VirtualDisplay()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

private:
    pid_t m_pid = -1;
};

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; } // the test runner owns the command line
};

struct GuiEnvironment {
    sp::test::TestHome home{"sp-guitest"};
    VirtualDisplay display;

    GuiEnvironment()
    {
        // GTK finds its icon theme and the MIME database (which image loading needs)
        // through XDG_DATA_DIRS; the test home hides the system folders so that no
        // installed StretchPlan pack is loaded. Give GTK just its own parts back.
        const auto system = home.path() / "system-data";
        std::filesystem::create_directories(system);
        for (const char* part : {"icons", "mime", "themes", "glib-2.0"})
            if (std::filesystem::exists(std::filesystem::path("/usr/share") / part))
                std::filesystem::create_directory_symlink(std::filesystem::path("/usr/share") / part, system / part);
        ::setenv("XDG_DATA_DIRS", system.c_str(), 1);
        // Quiet, self-contained GTK: no accessibility bus, no dconf of the real user.
        ::setenv("NO_AT_BRIDGE", "1", 1);
        ::setenv("GSETTINGS_BACKEND", "memory", 1);
        ::setenv("GDK_BACKEND", "x11", 1);
        wxApp::SetInstance(new TestApp);
        static int argc = 1;
        static char name[] = "test_gui";
        static char* argv[] = {name, nullptr};
        if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit())
            throw std::runtime_error("wxWidgets could not start on the virtual display");
        // Log messages go to stderr, where the test output shows them, not into a modal box.
        delete wxLog::SetActiveTarget(new wxLogStderr);
        sp::gui::useUtf8Text();
        wxTheApp->SetAppName("stretchplan");
        sp::gui::installConfig();
        wxInitAllImageHandlers();
    }
    ~GuiEnvironment()
    {
        // No log window may open while wxWidgets shuts down.
        wxLog::DontCreateOnDemand();
        delete wxLog::SetActiveTarget(nullptr);
        wxEntryCleanup();
    }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(GuiEnvironment);

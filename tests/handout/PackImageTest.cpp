// An exercise's picture at the point of use (issue 16, section 2): whatever path its
// snapshot names (a plan file's, or an old database row's), the handout reads only a
// regular file inside the installed pack's folder, never waits on a FIFO, and says the
// same about a file outside the pack whether it exists or not.
#include "core/ExerciseJson.h"
#include "handout/HandoutBuilder.h"
#include "handout/ImageDecode.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sp;
using namespace sp::handout;
namespace fs = std::filesystem;

namespace {

struct PackFolder {
    fs::path root = fs::temp_directory_path() / ("sp-pack-image-" + std::to_string(::getpid()));
    fs::path pack = root / "pack";
    PackFolder()
    {
        fs::remove_all(root);
        fs::create_directories(pack / "media");
        fs::copy_file(fs::path(SP_TEST_DATA_DIR) / "images" / "rgb.png", pack / "media" / "photo.png");
        fs::copy_file(fs::path(SP_TEST_DATA_DIR) / "images" / "rgb.png", root / "outside.png");
    }
    ~PackFolder() { fs::remove_all(root); }

    Catalog catalog() const
    {
        Catalog c;
        c.addPack({{"clinic", "Clinic", "1.0.0", 1, "a", "b", "c"}, pack.string(), {}}, {});
        return c;
    }
};

PlanItem itemWithImage(const std::string& file)
{
    PlanItem item;
    item.exerciseId = "clinic/wall-slide";
    item.snapshot.id = "wall-slide";
    item.snapshot.pack = "clinic";
    item.snapshot.name = "Wall slide";
    item.snapshot.startPosition = "Stand.";
    item.snapshot.steps = {"Slide."};
    item.snapshot.media.images = {{file, "Halfway"}};
    return item;
}

// The warnings about pictures (the others say the pack lacks this made-up exercise).
std::vector<std::string> pictureWarnings(const std::vector<std::string>& warnings)
{
    std::vector<std::string> out;
    for (const std::string& w : warnings)
        if (w.find(": picture ") != std::string::npos)
            out.push_back(w);
    return out;
}

struct Result {
    bool photo = false;
    bool placeholder = false;
    std::vector<std::string> warnings;
};

Result handoutPicture(const PackFolder& folder, const std::string& file)
{
    HandoutRequest r;
    r.patientName = "Ann";
    r.planTitle = "T";
    r.items = {itemWithImage(file)};
    r.date = *Date::parse("2026-01-01");
    Result out;
    std::vector<std::string> warnings;
    const HandoutContent c = buildHandoutContent(r, folder.catalog(), ClinicProfile{}, warnings);
    out.warnings = pictureWarnings(warnings);
    out.photo = c.exercises.at(0).photo != nullptr;
    out.placeholder = c.exercises.at(0).pictureUnavailable;
    return out;
}

// Runs `step` in a child process that is killed after `seconds`: true when it finished.
bool finishesWithin(int seconds, const std::function<void()>& step)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        step();
        ::_exit(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pack_image)

BOOST_AUTO_TEST_CASE(a_picture_inside_the_pack_is_printed)
{
    const PackFolder folder;
    const Result r = handoutPicture(folder, "media/photo.png");
    BOOST_TEST(r.photo);
    BOOST_TEST(r.warnings.empty());
}

BOOST_AUTO_TEST_CASE(an_absolute_or_dotdot_path_in_a_stored_snapshot_is_never_read)
{
    const PackFolder folder;
    for (const std::string& file : {(folder.root / "outside.png").string(), std::string("../outside.png"),
                                    std::string("media/../../outside.png")}) {
        const Result r = handoutPicture(folder, file);
        BOOST_TEST(!r.photo, file);
        BOOST_TEST(r.placeholder, file);
        BOOST_TEST_REQUIRE(r.warnings.size() == 1u);
        BOOST_TEST(r.warnings[0].find("exercise \"clinic/wall-slide\": picture " + file + " cannot be used") == 0u,
                   r.warnings[0]);
    }
}

BOOST_AUTO_TEST_CASE(a_link_leading_out_reads_like_a_missing_file)
{
    const PackFolder folder;
    fs::create_symlink(folder.root / "outside.png", folder.pack / "media" / "there.png");
    fs::create_symlink(folder.root / "absent.png", folder.pack / "media" / "nowhere.png");
    const auto said = [&](const std::string& file) {
        const Result r = handoutPicture(folder, file);
        BOOST_TEST(!r.photo, file);
        BOOST_TEST(r.placeholder, file);
        BOOST_TEST_REQUIRE(r.warnings.size() == 1u);
        std::string w = r.warnings[0];
        w.replace(w.find(file), file.size(), "FILE");
        w.replace(w.find(file), file.size(), "FILE");
        return w;
    };
    const std::string there = said("media/there.png");
    BOOST_TEST(there.find("is not an image file inside the pack folder") != std::string::npos, there);
    BOOST_TEST(there == said("media/nowhere.png"));
    BOOST_TEST(there == said("media/absent.png"));
}

BOOST_AUTO_TEST_CASE(a_fifo_inside_the_pack_is_a_placeholder_not_a_wait)
{
    const PackFolder folder;
    BOOST_TEST_REQUIRE(::mkfifo((folder.pack / "media" / "fifo.png").c_str(), 0600) == 0);
    BOOST_TEST(finishesWithin(10, [&] {
        const Result r = handoutPicture(folder, "media/fifo.png");
        if (r.photo || !r.placeholder)
            ::_exit(1);
    }));
}

BOOST_AUTO_TEST_CASE(decoding_a_fifo_by_name_is_an_error_not_a_wait)
{
    const PackFolder folder;
    const fs::path fifo = folder.root / "fifo.png";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    BOOST_TEST(finishesWithin(10, [&] {
        const DecodedImage d = decodeImageFile(fifo);
        if (d.image || d.error.find("not a regular file") == std::string::npos)
            ::_exit(1);
    }));
}

BOOST_AUTO_TEST_CASE(pictures_are_decoded_apart_from_gathering_the_text)
{
    const PackFolder folder;
    HandoutRequest r;
    r.patientName = "Ann";
    r.planTitle = "T";
    r.items = {itemWithImage("media/photo.png")};
    r.date = *Date::parse("2026-01-01");
    std::vector<std::string> warnings;
    HandoutDraft draft = draftHandoutContent(r, folder.catalog(), ClinicProfile{}, warnings);
    BOOST_TEST(draft.content.exercises.at(0).photo == nullptr);
    BOOST_TEST_REQUIRE(draft.pictures.size() == 1u);
    BOOST_TEST(draft.pictures[0].packFolder == folder.pack.string());
    const HandoutContent c = decodePictures(std::move(draft), warnings);
    BOOST_TEST(c.exercises.at(0).photo != nullptr);
    BOOST_TEST(pictureWarnings(warnings).empty());
}

BOOST_AUTO_TEST_SUITE_END()

// stretchplan-cli clinic set / show: the clinic's profile, the branding every handout
// carries. Until one is set, the demo clinic shipped with StretchPlan stands in.
#include "cli/Commands.h"
#include "cli/TextFormat.h"
#include "pluginhost/PackFiles.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <system_error>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

// The options of `clinic set`; an option not given leaves its field as it is.
struct ClinicFields {
    std::optional<std::string> name, logo, address, phone, email, web, accent, footer, clinician;

    void addTo(CLI::App* cmd)
    {
        cmd->add_option("--name", name, "The clinic's name (required the first time)");
        cmd->add_option("--logo", logo, "A PNG or JPEG file of at most 2 MiB, stored in the database; \"\" removes it");
        cmd->add_option("--address", address, "Postal address; a newline starts a new line");
        cmd->add_option("--phone", phone, "Phone number");
        cmd->add_option("--email", email, "E-mail address");
        cmd->add_option("--web", web, "Web site, http:// or https://");
        cmd->add_option("--accent", accent, "Accent colour of the handouts, #RRGGBB");
        cmd->add_option("--footer", footer, "The disclaimer printed at the foot of every handout page");
        cmd->add_option("--clinician", clinician,
                        "The name handouts give as the clinician on this computer (\"Sam Lee, physiotherapist\"); "
                        "on a clinic server each handout names the person signed in");
    }

    // Only the handout name: it may go on top of the demo branding.
    bool onlyClinician() const
    {
        return clinician && !name && !logo && !address && !phone && !email && !web && !accent && !footer;
    }

    // Every problem named by the option that caused it, the logo by its file too.
    std::string problemsOf(const ClinicProfile& profile) const
    {
        std::string out;
        for (const FieldError& e : validate(profile)) {
            const std::string message = e.field == "logo" && logo ? *logo + " " + e.message : e.message;
            out += (out.empty() ? "" : "; ") + ("--" + e.field) + ": " + message;
        }
        return out;
    }

    void applyTo(ClinicProfile& c) const
    {
        const auto set = [](std::string& field, const std::optional<std::string>& value) {
            if (value)
                field = *value;
        };
        set(c.name, name);
        set(c.address, address);
        set(c.phone, phone);
        set(c.email, email);
        set(c.web, web);
        set(c.accent, accent);
        set(c.footer, footer);
        set(c.clinician, clinician);
        if (logo)
            c.logo = logo->empty() ? std::string() : readLogo(*logo);
    }

    // Size-capped before a byte is read: a wrong file (a video, a disk image) is refused
    // at once instead of being loaded whole.
    static std::string readLogo(const std::string& file)
    {
        // Any file the user can name is theirs to give, links included: the folder
        // readPackFile keeps it inside is the one the file really lies in.
        std::error_code ec;
        const fs::path real = fs::weakly_canonical(fs::absolute(file, ec), ec);
        const FileRead read = readPackFile(real.parent_path(), real, kMaxClinicLogoBytes);
        if (!read.text)
            throw CliError("--logo: " + file + " " + read.error);
        return *read.text;
    }
};

std::string indentLines(const std::string& text, const std::string& indent)
{
    std::string out;
    for (char c : text)
        out += c == '\n' ? "\n" + indent : std::string(1, c);
    return out;
}

std::string logoText(const std::string& logo)
{
    if (logo.empty())
        return "none";
    const auto format = imageFormatOf(logo);
    const std::string kind = !format ? "image" : *format == ImageFormat::Png ? "PNG" : "JPEG";
    return kind + ", " + std::to_string(logo.size()) + " bytes";
}

std::string clinicDetails(const ClinicProfile& c)
{
    const auto orDash = [](const std::string& text) { return text.empty() ? std::string("-") : text; };
    const std::string indent(9, ' ');
    std::string out = c.name + "\n";
    out += "Address: " + (c.address.empty() ? std::string("-") : indentLines(c.address, indent)) + "\n";
    out += "Phone:   " + orDash(c.phone) + "\n";
    out += "E-mail:  " + orDash(c.email) + "\n";
    out += "Web:     " + orDash(c.web) + "\n";
    out += "Accent:  " + c.accent + "\n";
    out += "Logo:    " + logoText(c.logo) + "\n";
    out += "Clinician on handouts: " + orDash(c.clinician) + "\n";
    out += "Footer:" + std::string(c.footer.empty() ? " -\n" : "\n");
    // Wrapped line by line, so that the footer's own line breaks survive.
    for (std::size_t start = 0; start < c.footer.size();) {
        const std::size_t end = std::min(c.footer.find('\n', start), c.footer.size());
        out += wrap(std::string_view(c.footer).substr(start, end - start), "  ");
        start = end + 1;
    }
    return out;
}

constexpr const char* kDemoNote = "This is the demo clinic shipped with StretchPlan; handouts carry it until you set "
                                  "your own with 'stretchplan-cli clinic set --name NAME [--logo FILE] ...'.";

} // namespace

void addClinicCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* clinic = app.add_subcommand("clinic", "The clinic's profile: the branding on every handout");
    clinic->require_subcommand(1);

    auto fields = std::make_shared<ClinicFields>();
    CLI::App* set = clinic->add_subcommand(
        "set", "Set the clinic's name, logo, contact details, accent colour and footer (only the options given)");
    fields->addTo(set);
    set->callback([&ctx, &exitCode, fields] {
        const std::optional<ClinicProfile> stored = ctx.store().clinic().get();
        if (!stored && !fields->name && !fields->onlyClinician())
            throw CliError("--name is required: no clinic profile is set yet", kExitUsage);
        // The handout name alone keeps the demo branding until the clinic sets its own.
        ClinicProfile profile = stored ? *stored : fields->name ? ClinicProfile{} : CliContext::demoClinicProfile();
        fields->applyTo(profile);
        // Checked here too, so that the message names the options the user typed.
        if (const std::string problems = fields->problemsOf(profile); !problems.empty())
            throw CliError(problems);
        ctx.store().clinic().set(profile);
        if (fields->onlyClinician())
            ctx.out() << (profile.clinician.empty() ? "handouts now name each patient's clinician\n"
                                                    : "handouts now name " + profile.clinician + " as the clinician\n");
        else
            ctx.out() << (stored ? "updated" : "set") << " the clinic profile of " << profile.name << '\n';
        exitCode = kExitOk;
    });

    auto json = std::make_shared<bool>(false);
    CLI::App* show = clinic->add_subcommand("show", "Show the clinic profile handouts are branded with");
    show->add_flag("--json", *json, "Print JSON for scripts (the logo as its size, \"logo_bytes\")");
    show->callback([&ctx, &exitCode, json] {
        const std::optional<ClinicProfile> stored = ctx.store().clinic().get();
        const ClinicProfile demo = CliContext::demoClinicProfile();
        const ClinicProfile profile = stored ? *stored : demo;
        const bool isDemo = !stored || sameBranding(*stored, demo);
        if (*json) {
            Json out = toJson(profile);
            out["demo"] = isDemo;
            ctx.out() << out.dump(2) << '\n';
            if (isDemo)
                ctx.err() << kDemoNote << '\n';
        } else {
            if (isDemo)
                ctx.out() << wrap(kDemoNote, "") << '\n';
            ctx.out() << clinicDetails(profile);
        }
        exitCode = kExitOk;
    });
}

} // namespace sp::cli

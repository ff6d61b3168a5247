// "staff add|list|disable|role": the accounts of a clinic server. The server decides who
// may (admins: anyone else gets exit code 5); a database file has no accounts.
#include "cli/Commands.h"
#include "cli/TerminalPrompt.h"
#include "cli/TextFormat.h"

#include "core/JsonText.h"
#include "mail/MailError.h"
#include "mail/PasswordStore.h"

#include <memory>
#include <ostream>

namespace sp::cli {
namespace {

db::StaffRole parseRole(const std::string& text)
{
    if (auto role = parseEnum<db::StaffRole>(text))
        return *role;
    throw CliError("unknown role \"" + text + "\": " + enumChoices<db::StaffRole>(), kExitUsage);
}

// The first line of `file`, which must be yours alone (chmod 600), as for the SMTP password.
std::string passwordFromFile(const std::string& file)
{
    try {
        if (auto line = mail::readPasswordFile(file))
            return *line;
    } catch (const mail::MailError& e) {
        throw CliError(e.what());
    }
    throw CliError("no password file " + file);
}

std::string askPassword(const std::string& login)
{
    const auto first = readHiddenLine("password for " + login + ": ");
    if (!first)
        throw CliError("no terminal to ask for " + login + "'s password on: give --password-file FILE", kExitUsage);
    if (readHiddenLine("the same again: ") != first)
        throw CliError("the two passwords differ; nothing was changed");
    return *first;
}

Json staffJson(const db::StaffMember& m)
{
    return Json{{"login", m.login},
                {"name", m.fullName},
                {"role", std::string(toString(m.role))},
                {"disabled", m.disabled},
                {"created_at", m.createdAt}};
}

} // namespace

void addStaffCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* staff = app.add_subcommand("staff", "The accounts of a clinic server: who may sign in, in which role "
                                                  "(admins only)");
    staff->require_subcommand(1);

    struct AddOptions {
        std::string login, name, role, passwordFile;
    };
    auto a = std::make_shared<AddOptions>();
    CLI::App* add = staff->add_subcommand("add", "Create an account: a login with a password, in one role");
    add->add_option("LOGIN", a->login, "The login: lowercase letters, digits, '.', '_' or '-'")->required();
    add->add_option("--name", a->name, "The person's full name, as handouts print it")->required();
    add->add_option("--role", a->role, "clinician, reception or admin")->required();
    add->add_option("--password-file", a->passwordFile,
                    "Read the password from the first line of this file, yours alone (chmod 600); default: ask on the "
                    "terminal");
    add->callback([&ctx, &exitCode, a] {
        db::StaffMember member;
        member.login = a->login;
        member.fullName = a->name;
        member.role = parseRole(a->role);
        const std::string password =
            a->passwordFile.empty() ? askPassword(a->login) : passwordFromFile(a->passwordFile);
        ctx.store().staff().add(member, password);
        ctx.out() << "added " << member.login << " (" << member.fullName << ") as " << toString(member.role) << '\n';
        exitCode = kExitOk;
    });

    auto json = std::make_shared<bool>(false);
    CLI::App* list = staff->add_subcommand("list", "Every account, with its role and whether it may sign in");
    list->add_flag("--json", *json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, json] {
        const auto members = ctx.store().staff().list();
        if (*json) {
            Json out = Json::array();
            for (const db::StaffMember& m : members)
                out.push_back(staffJson(m));
            ctx.out() << out.dump(2) << '\n';
        } else {
            std::vector<std::vector<std::string>> rows{{"LOGIN", "NAME", "ROLE", "SIGN-IN", "CREATED"}};
            for (const db::StaffMember& m : members)
                rows.push_back({m.login, m.fullName, std::string(toString(m.role)), m.disabled ? "disabled" : "yes",
                                m.createdAt});
            ctx.out() << table(rows);
        }
        exitCode = kExitOk;
    });

    auto login = std::make_shared<std::string>();
    CLI::App* disable = staff->add_subcommand("disable", "No more sign-in for this account (their name stays on "
                                                         "everything they wrote)");
    disable->add_option("LOGIN", *login, "The account's login")->required();
    disable->callback([&ctx, &exitCode, login] {
        ctx.store().staff().disable(*login);
        ctx.out() << "disabled " << *login << ": it can no longer sign in\n";
        exitCode = kExitOk;
    });

    auto roleLogin = std::make_shared<std::string>();
    auto roleName = std::make_shared<std::string>();
    CLI::App* role = staff->add_subcommand("role", "Give an account another role");
    role->add_option("LOGIN", *roleLogin, "The account's login")->required();
    role->add_option("ROLE", *roleName, "clinician, reception or admin")->required();
    role->callback([&ctx, &exitCode, roleLogin, roleName] {
        const db::StaffRole to = parseRole(*roleName);
        ctx.store().staff().setRole(*roleLogin, to);
        ctx.out() << *roleLogin << " is now " << toString(to) << '\n';
        exitCode = kExitOk;
    });
}

} // namespace sp::cli

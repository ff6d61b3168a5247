#include "db/store/StaffRepo.h"

#include "db/store/AuditLog.h"

namespace sp::db::store {
namespace {

void requireAccounts(const StoreContext& ctx)
{
    if (!ctx.signedIn)
        throw DbError(DbErrorKind::Invalid, kNoAccounts);
}

StaffMember memberOf(const Statement& st)
{
    StaffMember m;
    m.login = textOf(st.getColumn(0));
    m.fullName = textOf(st.getColumn(1));
    m.role = enumOf<StaffRole>(st.getColumn(2));
    m.disabled = st.getColumn(3).getInt() != 0;
    m.createdAt = textOf(st.getColumn(4));
    return m;
}

// Runs one of the server's staff functions (`call`, its arguments ?1...), which returns the
// account's id, and audits `action` on it; one transaction.
template <class Bind>
void changeAccount(StoreContext& ctx, const std::string& call, Bind&& bind, const std::string& action,
                   const nlohmann::json& details)
{
    WriteTransaction tx(ctx);
    Statement st(*ctx.session, "SELECT " + call);
    bind(st);
    if (!st.executeStep())
        throw DbError(DbErrorKind::Internal, "the server's " + call + " returned nothing");
    const std::int64_t id = st.getColumn(0).getInt64();
    appendAudit(ctx, action, "staff", id, std::nullopt, details);
    tx.commit();
}

} // namespace

std::vector<StaffMember> StaffRepo::list() const
{
    requireAccounts(m_ctx);
    return guarded(m_ctx, "list the staff accounts", [&] {
        Statement st(*m_ctx.session, "SELECT login, full_name, role, disabled, created_at FROM staff ORDER BY login");
        std::vector<StaffMember> out;
        while (st.executeStep())
            out.push_back(memberOf(st));
        return out;
    });
}

void StaffRepo::add(const StaffMember& member, const std::string& password)
{
    requireAccounts(m_ctx);
    guarded(m_ctx, "add staff accounts", [&] {
        FieldErrors errors;
        errors.line("full_name", member.fullName, 1, 200);
        if (password.empty())
            errors.add("password", "must not be empty");
        if (!errors.list().empty())
            throwInvalid(errors.list());
        const std::string verifier = m_ctx.hooks->passwordVerifier(member.login, password);
        const std::string role(toString(member.role));
        changeAccount(
            m_ctx, "staff_add(?1, ?2, ?3, ?4, ?5)",
            [&](Statement& st) {
                bindText(st, 1, member.login);
                bindText(st, 2, member.fullName);
                bindText(st, 3, role);
                bindText(st, 4, verifier);
                bindText(st, 5, m_ctx.now());
            },
            "create", {{"role", role}});
    });
}

void StaffRepo::disable(const std::string& login)
{
    requireAccounts(m_ctx);
    guarded(m_ctx, "disable staff accounts", [&] {
        changeAccount(
            m_ctx, "staff_disable(?1)", [&](Statement& st) { bindText(st, 1, login); }, "disable",
            nlohmann::json::object());
    });
}

void StaffRepo::setRole(const std::string& login, StaffRole role)
{
    requireAccounts(m_ctx);
    const std::string name(toString(role));
    guarded(m_ctx, "change the roles of staff accounts", [&] {
        changeAccount(
            m_ctx, "staff_set_role(?1, ?2)",
            [&](Statement& st) {
                bindText(st, 1, login);
                bindText(st, 2, name);
            },
            "role", {{"role", name}});
    });
}

} // namespace sp::db::store

#include "db/store/ClinicRepo.h"

#include "db/store/AuditLog.h"

#include <nlohmann/json.hpp>

namespace sp::db::store {
namespace {

using nlohmann::json;

// The profile is one row; the audit log names it like any other record.
constexpr std::int64_t kProfileId = 1;

std::optional<ClinicProfile> load(const StoreContext& ctx)
{
    Statement st(*ctx.session, "SELECT name, address, phone, email, web, accent, footer, logo, clinician "
                                 "FROM clinic_profile WHERE id = 1");
    if (!st.executeStep())
        return std::nullopt;
    ClinicProfile c;
    c.name = textOf(st.getColumn(0));
    c.address = textOf(st.getColumn(1));
    c.phone = textOf(st.getColumn(2));
    c.email = textOf(st.getColumn(3));
    c.web = textOf(st.getColumn(4));
    c.accent = textOf(st.getColumn(5));
    c.footer = textOf(st.getColumn(6));
    if (!st.getColumn(7).isNull())
        c.logo = st.getColumn(7).getBlob();
    c.clinician = textOf(st.getColumn(8));
    return c;
}

// Field names only: the values stay out of the audit log, as for every other record.
json writtenFields(const std::optional<ClinicProfile>& before, const ClinicProfile& after)
{
    json fields = json::array();
    const auto note = [&](const char* name, const std::string ClinicProfile::*field) {
        if (before ? (*before).*field != after.*field : !(after.*field).empty())
            fields.push_back(name);
    };
    note("name", &ClinicProfile::name);
    note("address", &ClinicProfile::address);
    note("phone", &ClinicProfile::phone);
    note("email", &ClinicProfile::email);
    note("web", &ClinicProfile::web);
    note("accent", &ClinicProfile::accent);
    note("footer", &ClinicProfile::footer);
    note("logo", &ClinicProfile::logo);
    note("clinician", &ClinicProfile::clinician);
    return fields;
}

} // namespace

std::optional<ClinicProfile> ClinicRepo::get() const
{
    return guarded(m_ctx, "read the clinic profile", [&] { return load(m_ctx); });
}

void ClinicRepo::set(const ClinicProfile& profile)
{
    guarded(m_ctx, "store the clinic profile", [&] {
        if (auto problems = validate(profile); !problems.empty())
            throwInvalid(problems);
        WriteTransaction tx(m_ctx);
        const std::optional<ClinicProfile> before = load(m_ctx);
        Statement st(*m_ctx.session,
                             "INSERT INTO clinic_profile (id, name, address, phone, email, web, accent, footer, logo, "
                             "updated_at, clinician) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                             "ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, "
                             "phone = excluded.phone, email = excluded.email, web = excluded.web, "
                             "accent = excluded.accent, footer = excluded.footer, logo = excluded.logo, "
                             "updated_at = excluded.updated_at, clinician = excluded.clinician");
        bindText(st, 1, profile.name);
        bindText(st, 2, profile.address);
        bindText(st, 3, profile.phone);
        bindText(st, 4, profile.email);
        bindText(st, 5, profile.web);
        bindText(st, 6, profile.accent);
        bindText(st, 7, profile.footer);
        if (profile.logo.empty())
            st.bind(8);
        else // with its byte count: every byte, NULs included, goes in as it is
            st.bindBlob(8, profile.logo);
        bindText(st, 9, m_ctx.now());
        bindText(st, 10, profile.clinician);
        st.exec();
        appendAudit(m_ctx, before ? "update" : "create", "clinic", kProfileId, std::nullopt,
                    {{"fields", writtenFields(before, profile)}});
        tx.commit();
    });
}

} // namespace sp::db::store

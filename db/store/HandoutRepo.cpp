#include "db/store/HandoutRepo.h"

#include "db/store/AuditLog.h"
#include "db/store/PatientRepo.h"
#include "db/store/PlanRepo.h"

#include <algorithm>

namespace sp::db::store {
namespace {

bool isSha256Hex(const std::string& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// "<left@right>" of printable ASCII without spaces: what sp_mail writes, and what a
// mail server can be asked about.
bool isMessageId(const std::string& text)
{
    if (text.size() < 5 || text.size() > 998 || text.front() != '<' || text.back() != '>' ||
        text.find('@') == std::string::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

} // namespace

std::int64_t HandoutRepo::add(const HandoutRecord& record)
{
    return guarded(m_ctx, "log a handout of plan revision " + std::to_string(record.revisionId), [&] {
        FieldErrors errors;
        if (!parseEnum<HandoutChannel>(toString(record.channel)))
            errors.add("channel", "is not one of " + enumChoices<HandoutChannel>());
        errors.line("recipient", record.recipient, 1, 1000);
        if (!isSha256Hex(record.sha256))
            errors.add("sha256", "is not a SHA-256 in lower-case hex (64 characters 0-9, a-f)");
        if (!record.messageId.empty() && !isMessageId(record.messageId))
            errors.add("message_id", "is not a Message-ID (<...@...> on one line, at most 998 characters)");
        if (!record.messageId.empty() && record.channel != HandoutChannel::Email)
            errors.add("message_id", "is only for handouts sent by e-mail");
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        const auto patientId = patientOfRevision(m_ctx, record.revisionId);
        if (!patientId)
            throwNotFound("no plan revision " + std::to_string(record.revisionId));
        Statement st(*m_ctx.session, "INSERT INTO handout_log (patient_id, revision_id, channel, recipient, sha256, "
                                       "at, author, message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
        st.bind(1, static_cast<std::int64_t>(*patientId));
        st.bind(2, static_cast<std::int64_t>(record.revisionId));
        bindText(st, 3, toString(record.channel));
        bindText(st, 4, record.recipient);
        bindText(st, 5, record.sha256);
        bindText(st, 6, m_ctx.now());
        bindText(st, 7, m_ctx.actor);
        if (record.messageId.empty())
            st.bind(8);
        else
            bindText(st, 8, record.messageId);
        const std::int64_t id = st.insertReturningId();
        // The channel, not the recipient: an address is personal data. The PDF's hash and
        // the Message-ID identify what was sent without saying anything about the patient.
        Json details = {{"revision_id", record.revisionId}, {"channel", toString(record.channel)}};
        if (!record.messageId.empty()) {
            details["sha256"] = record.sha256;
            details["message_id"] = record.messageId;
        }
        appendAudit(m_ctx, "create", "handout", id, *patientId, details);
        tx.commit();
        return id;
    });
}

std::vector<HandoutRecord> HandoutRepo::listForPatient(std::int64_t patientId) const
{
    return guarded(m_ctx, "list the handouts of patient " + std::to_string(patientId), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePatient(m_ctx, patientId);
        Statement st(*m_ctx.session, "SELECT id, revision_id, channel, recipient, sha256, at, author, message_id "
                                       "FROM handout_log WHERE patient_id = ?1 ORDER BY at DESC, id DESC");
        st.bind(1, static_cast<std::int64_t>(patientId));
        std::vector<HandoutRecord> out;
        while (st.executeStep()) {
            HandoutRecord r;
            r.id = st.getColumn(0).getInt64();
            r.revisionId = st.getColumn(1).getInt64();
            r.channel = enumOf<HandoutChannel>(st.getColumn(2));
            r.recipient = textOf(st.getColumn(3));
            r.sha256 = textOf(st.getColumn(4));
            r.at = textOf(st.getColumn(5));
            r.author = textOf(st.getColumn(6));
            if (!st.getColumn(7).isNull())
                r.messageId = textOf(st.getColumn(7));
            out.push_back(std::move(r));
        }
        return out;
    });
}

} // namespace sp::db::store

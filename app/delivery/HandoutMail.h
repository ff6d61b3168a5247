// E-mailing the handout of a stored plan revision: the PDF written to the outbox, the
// message from an e-mail template, sending it, and logging the send (handout log: the
// recipient, SHA-256 and Message-ID; audit log: no address). A failure before the message
// is accepted logs nothing and keeps the PDF; once sent and logged, the copy goes.
// Steps, not one call, so that a desktop app can show the text for editing first and
// send on a worker thread: only sendHandoutMail() talks to the network, and it touches
// no database.
#pragma once

#include "delivery/PlanHandout.h"
#include "mail/EmailTemplate.h"
#include "mail/MailMessage.h"
#include "mail/MailSettings.h"

#include <filesystem>
#include <string>

namespace sp::delivery {

// `given` when not empty (DeliveryError when it is not a folder), else the outbox in the
// data folder, which only its owner may enter (the PDF holds patient data).
std::filesystem::path outboxDir(const std::filesystem::path& given = {});

// The outbox in the data folder, without creating it; empty without HOME.
std::filesystem::path keptHandoutsDir();

struct MailText {
    std::string subject;
    std::string body;
};

// The template filled in for this patient and clinic. Throws mail::MailError for an
// unknown placeholder.
MailText handoutMailText(const mail::EmailTemplate& tmpl, const ClinicProfile& clinic, const PlanHandout& h);

struct OutboxHandout {
    WrittenHandout written;
    std::filesystem::path pdf;      // dir/plan-P-rN-Home-exercise-plan-DATE.pdf
    std::string attachmentName;     // Home-exercise-plan-DATE.pdf
};

// writePlanHandout() into `dir` through a temporary name (removed on failure).
OutboxHandout writeOutboxHandout(DeliveryContext& ctx, std::int64_t planId, int revision,
                                 const HandoutOptions& options, const std::string& action,
                                 const std::string& overrideReason, const std::filesystem::path& dir);

// The message, not yet prepared: from the settings' sender (the clinic's name when the
// settings give none), to `to`, the PDF attached.
mail::MailMessage handoutMessage(const mail::MailSettings& settings, const ClinicProfile& clinic,
                                 const std::string& to, const MailText& text, const OutboxHandout& handout);

// Sending failed or was refused before any connection; nothing was sent. The message
// says why and where the PDF is kept.
class SendFailedError : public DeliveryError {
public:
    SendFailedError(const std::string& message, std::string reason, std::filesystem::path keptPdf)
        : DeliveryError(message), m_reason(std::move(reason)), m_keptPdf(std::move(keptPdf))
    {
    }
    const std::string& reason() const { return m_reason; } // the cause alone, without the PDF
    const std::filesystem::path& keptPdf() const { return m_keptPdf; }

private:
    std::string m_reason;
    std::filesystem::path m_keptPdf;
};

// Prepares (Message-ID, date), checks and sends `message`. Throws SendFailedError naming
// the cause (connection refused, TLS failure, auth failed, recipient rejected, timeout)
// and the kept PDF. Safe on a worker thread.
void sendHandoutMail(const mail::MailSettings& settings, const std::string& password, mail::MailMessage& message);

// Logs a sent message; then removes the PDF (sent and logged by its hash: no copy of
// patient data lingers). DeliveryError when the log refuses, the PDF then kept.
HandoutRecord logSentMail(db::ClinicStore& store, std::int64_t revisionId, const mail::MailMessage& message);

} // namespace sp::delivery

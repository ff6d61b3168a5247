#include "mail/MailMessage.h"

#include "mail/Address.h"
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <system_error>

namespace sp::mail {
namespace {

constexpr std::size_t kMaxSubjectBytes = 300;
constexpr std::size_t kMaxBodyBytes = 256 * 1024;
constexpr std::uintmax_t kMaxAttachmentBytes = 20 * 1024 * 1024; // what most providers accept

} // namespace

void MailMessage::prepare(std::time_t when)
{
    messageId = newMessageId(addressDomain(fromAddress), when);
    date = rfc5322Date(when);
}

void MailMessage::check() const
{
    requireAddress(fromAddress, "the sender address");
    requireAddress(to, "the recipient address");
    requireSingleLine("sender name", fromName);
    requireSingleLine("subject", subject);
    requireSingleLine("attachment name", attachmentName);
    requireSingleLine("Message-ID", messageId);
    if (subject.empty())
        throw MailError("the subject is empty");
    if (subject.size() > kMaxSubjectBytes)
        throw MailError("the subject is longer than 300 bytes");
    if (body.size() > kMaxBodyBytes)
        throw MailError("the body is longer than 256 KiB");
    if (messageId.empty() || date.empty())
        throw MailError("the message was not prepared (no Message-ID or Date)");
    if (!attachmentPath.empty()) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(attachmentPath, ec);
        if (ec)
            throw MailError("cannot attach " + attachmentPath.string() + ": " + ec.message());
        if (size > kMaxAttachmentBytes)
            throw MailError("cannot attach " + attachmentPath.string() + ": larger than 20 MiB");
        if (attachmentName.empty() || attachmentName.find('/') != std::string::npos)
            throw MailError("the attachment needs a file name without '/'");
    }
}

} // namespace sp::mail

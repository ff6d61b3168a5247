// Sends a MailMessage over SMTP with libcurl. Secure by default: STARTTLS is required
// (CURLUSESSL_ALL: a server that does not offer it is refused, never used in the clear),
// or TLS from the first byte (smtps); certificates and host names are always verified,
// against the system's CAs or the clinic's own CA file. Plain SMTP happens only when the
// settings say "plain". Each failure becomes a SendError with its cause.
#pragma once

#include "mail/MailMessage.h"
#include "mail/MailSettings.h"

#include <string>

namespace sp::mail {

// Checks the message first (MailError, before any connection), then sends it.
// `password` is used when the settings have a username.
void sendMail(const MailSettings& settings, const std::string& password, const MailMessage& message);

} // namespace sp::mail

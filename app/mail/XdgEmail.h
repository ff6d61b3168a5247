// The fallback when no SMTP server is configured: hand the message to the user's own
// mail program with xdg-email, which opens a draft with the PDF attached. It is started
// directly (no shell), so nothing in a subject or address is ever interpreted.
#pragma once

#include <filesystem>
#include <string>

namespace sp::mail {

struct ComposeRequest {
    std::string to;
    std::string subject;
    std::string body;
    std::filesystem::path attachment;
};

// Checks the address and subject (MailError), runs xdg-email and waits for it. Throws
// MailError when it cannot be started or reports a failure.
void composeWithXdgEmail(const ComposeRequest& request);

} // namespace sp::mail

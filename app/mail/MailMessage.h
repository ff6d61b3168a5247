// One message to send: headers, a plain-text body and optionally one attachment (the
// handout PDF). check() is the gate every message passes before a connection is made:
// addresses valid, header values single-line UTF-8, the attachment readable.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

namespace sp::mail {

struct MailMessage {
    std::string fromName;
    std::string fromAddress;
    std::string to;
    std::string subject;
    std::string body;                       // UTF-8, lines separated by '\n'
    std::filesystem::path attachmentPath;   // empty: no attachment
    std::string attachmentName;             // the name the patient sees
    std::string messageId;                  // "<...@...>", set by prepare()
    std::string date;                       // RFC 5322, set by prepare()

    // Fills in Message-ID and Date for `when` (the sender's domain names the Message-ID).
    void prepare(std::time_t when);

    // Throws MailError for anything that must not be sent.
    void check() const;
};

} // namespace sp::mail

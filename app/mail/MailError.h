// The two ways sending can fail. MailError: the input was refused before any connection
// (a bad address, a line break in a header, an unusable template). SendError: the server
// or the network said no; its cause is what the clinician needs to act on.
#pragma once

#include <stdexcept>
#include <string>

namespace sp::mail {

enum class SendFailure { ConnectionRefused = 1, TlsFailure, AuthFailed, RecipientRejected, Timeout, Other };

class MailError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class SendError : public std::runtime_error {
public:
    SendError(SendFailure cause, const std::string& message) : std::runtime_error(message), m_cause(cause) {}
    SendFailure cause() const { return m_cause; }

private:
    SendFailure m_cause;
};

} // namespace sp::mail

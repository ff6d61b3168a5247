// The OS keyring (the Secret Service on the session bus), for the passwords StretchPlan
// needs and never writes into its settings: the SMTP account's and the clinic server's.
// A secret is found by its kind and the attributes that name the account.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sp::keyring {

class KeyringError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Which account a secret belongs to. `schema` is the kind ("org.stretchplan.Smtp"),
// `attributes` name the account within it (host, port, user, ...); `label` is what the
// keyring's own tools show for it.
struct SecretKey {
    std::string schema;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string label;
};

// True when a Secret Service answers on the session bus. Without a session bus it says
// false at once rather than waiting for D-Bus timeouts.
bool reachable();

// The stored secret, or nullopt when there is none. Throws KeyringError when the keyring
// refuses (locked and not unlocked, the service went away).
std::optional<std::string> lookup(const SecretKey& key);
void store(const SecretKey& key, const std::string& secret);
void clear(const SecretKey& key);

// The clinic server account `account` (db::accountOf: "user@host:port/database").
SecretKey databaseKey(const std::string& account);

// The password the keyring holds for that server account, when StretchPlan should use
// it: empty when PGPASSWORD is set (the user's own choice, which libpq then uses), when
// none is stored, or when no keyring answers or it refuses.
std::string databasePassword(const std::string& account);

} // namespace sp::keyring

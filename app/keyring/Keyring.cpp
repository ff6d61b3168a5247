#include "keyring/Keyring.h"

#include <libsecret/secret.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <system_error>

namespace fs = std::filesystem;

namespace sp::keyring {
namespace {

std::string takeError(GError* error)
{
    const std::string text = error && error->message ? error->message : "unknown error";
    if (error)
        g_error_free(error);
    return text;
}

bool sessionBusExists()
{
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address)
        return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && fs::exists(fs::path(runtime) / "bus", ec);
}

using Table = std::unique_ptr<GHashTable, decltype(&g_hash_table_unref)>;
using Schema = std::unique_ptr<SecretSchema, decltype(&secret_schema_unref)>;

// The attributes as libsecret takes them (the strings stay owned by `key`).
Table attributesOf(const SecretKey& key)
{
    Table table(g_hash_table_new(g_str_hash, g_str_equal), &g_hash_table_unref);
    for (const auto& [name, value] : key.attributes)
        g_hash_table_insert(table.get(), const_cast<char*>(name.c_str()), const_cast<char*>(value.c_str()));
    return table;
}

Schema schemaOf(const SecretKey& key)
{
    Table types(g_hash_table_new(g_str_hash, g_str_equal), &g_hash_table_unref);
    for (const auto& attribute : key.attributes)
        g_hash_table_insert(types.get(), const_cast<char*>(attribute.first.c_str()),
                            GINT_TO_POINTER(SECRET_SCHEMA_ATTRIBUTE_STRING));
    return Schema(secret_schema_newv(key.schema.c_str(), SECRET_SCHEMA_NONE, types.get()), &secret_schema_unref);
}

} // namespace

bool reachable()
{
    if (!sessionBusExists())
        return false;
    GError* error = nullptr;
    SecretService* service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, nullptr, &error);
    if (!service) {
        takeError(error);
        return false;
    }
    g_object_unref(service);
    return true;
}

std::optional<std::string> lookup(const SecretKey& key)
{
    GError* error = nullptr;
    const Schema schema = schemaOf(key);
    const Table attributes = attributesOf(key);
    gchar* found = secret_password_lookupv_sync(schema.get(), attributes.get(), nullptr, &error);
    if (error)
        throw KeyringError("the keyring did not give the " + key.label + ": " + takeError(error));
    if (!found)
        return std::nullopt;
    std::string secret = found;
    secret_password_free(found);
    return secret;
}

void store(const SecretKey& key, const std::string& secret)
{
    GError* error = nullptr;
    const Schema schema = schemaOf(key);
    const Table attributes = attributesOf(key);
    const std::string label = "StretchPlan: " + key.label;
    if (!secret_password_storev_sync(schema.get(), attributes.get(), SECRET_COLLECTION_DEFAULT, label.c_str(),
                                     secret.c_str(), nullptr, &error))
        throw KeyringError("the keyring did not store the " + key.label + ": " + takeError(error));
}

void clear(const SecretKey& key)
{
    GError* error = nullptr;
    const Schema schema = schemaOf(key);
    const Table attributes = attributesOf(key);
    secret_password_clearv_sync(schema.get(), attributes.get(), nullptr, &error);
    if (error)
        throw KeyringError("the keyring did not remove the " + key.label + ": " + takeError(error));
}

SecretKey databaseKey(const std::string& account)
{
    return {"org.stretchplan.Database", {{"account", account}}, "clinic database password for " + account};
}

std::string databasePassword(const std::string& account)
{
    if (const char* given = std::getenv("PGPASSWORD"); given && *given)
        return {};
    if (!reachable())
        return {};
    try {
        return lookup(databaseKey(account)).value_or(std::string());
    } catch (const KeyringError&) {
        return {}; // a locked keyring: libpq's own sources, or the question
    }
}

} // namespace sp::keyring

// Numbered migrations compiled into a backend (cmake/SpEmbedMigrations.cmake turns the
// db/migrations/<engine>/NNNN_name.sql files into one source), so that an installed
// application carries its schema and needs no .sql files beside it.
#pragma once

#include <string_view>
#include <vector>

namespace sp::db::store {

struct EmbeddedMigration {
    int version;           // NNNN of the file name; 1, 2, ... without gaps
    std::string_view name; // the rest of the file name, without .sql
    std::string_view sql;  // the file's text
};

} // namespace sp::db::store

namespace sp::db::sqlite {
// db/migrations/sqlite, in version order.
const std::vector<store::EmbeddedMigration>& embeddedMigrations();
} // namespace sp::db::sqlite

namespace sp::db::postgres {
// db/migrations/postgres, in version order.
const std::vector<store::EmbeddedMigration>& embeddedMigrations();
} // namespace sp::db::postgres

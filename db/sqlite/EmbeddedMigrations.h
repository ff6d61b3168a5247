// The migrations of db/migrations, compiled in by db/CMakeLists.txt so that an installed
// application carries its schema and needs no .sql files beside it.
#pragma once

#include <string_view>
#include <vector>

namespace sp::db::sqlite {

struct EmbeddedMigration {
    int version;           // NNNN of the file name; 1, 2, ... without gaps
    std::string_view name; // the rest of the file name, without .sql
    std::string_view sql;  // the file's text
};

// Every migration, in version order.
const std::vector<EmbeddedMigration>& embeddedMigrations();

} // namespace sp::db::sqlite

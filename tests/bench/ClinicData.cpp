#include "ClinicData.h"

#include "ClinicRows.h"

#include "db/sqlite/SqliteStore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <variant>

namespace fs = std::filesystem;

namespace sp::bench {
namespace {

std::string stampOf()
{
    return "clinic-db generator " + std::to_string(kGeneratorVersion) + " patients " + std::to_string(kPatients) +
           " notes " + std::to_string(kNotes) + "\n";
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Bulk inserts into the file, one statement per table. No ANALYZE: the store never runs
// it, so the benchmark must not plan with statistics a clinic's file would not have.
class SqliteSink final : public RowSink {
public:
    explicit SqliteSink(const fs::path& file) : m_db(file, SQLite::OPEN_READWRITE)
    {
        m_db.exec("PRAGMA synchronous = OFF"); // generating only; what is measured uses the store
        m_tx = std::make_unique<SQLite::Transaction>(m_db);
    }
    void beginTable(const std::string& table, const std::vector<std::string>& columns) override
    {
        std::string names, params;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            names += (i ? ", " : "") + columns[i];
            params += (i ? ", ?" : "?") + std::to_string(i + 1);
        }
        m_insert = std::make_unique<SQLite::Statement>(m_db, "INSERT INTO " + table + " (" + names + ") VALUES (" +
                                                                 params + ")");
    }
    void row(const std::vector<Value>& values) override
    {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (const auto* n = std::get_if<std::int64_t>(&values[i]))
                m_insert->bind(index, static_cast<int64_t>(*n));
            else if (const auto* t = std::get_if<std::string_view>(&values[i]))
                m_insert->bind(index, std::string(*t));
            else
                m_insert->bind(index);
        }
        m_insert->exec();
        m_insert->reset();
    }
    void endTable() override { m_insert.reset(); }
    void finish()
    {
        m_tx->commit();
        m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

private:
    SQLite::Database m_db;
    std::unique_ptr<SQLite::Transaction> m_tx;
    std::unique_ptr<SQLite::Statement> m_insert;
};

} // namespace

const std::vector<std::string>& firstNames()
{
    static const std::vector<std::string> names{
        "José", "Zoë", "María", "Łukasz", "Søren", "Chloé", "Jürgen", "Anaïs", "Siobhán", "Nguyễn", "Ana", "Tomás",
        "Emma", "Olivia", "Noah", "Liam", "Amelia", "Ava", "Lucas", "Mia", "Ella", "Oscar", "Freya", "Jack",
        "Isla", "Leo", "Harper", "Mateo", "Sofía", "Hugo", "Inès", "Matthias", "Agnieszka", "Björn", "Dmitri",
        "Aoife", "Kofi", "Amara", "Priya", "Arjun", "Yusuf", "Fatima", "Chen", "Mei", "Hiroshi", "Yuki",
        "Élodie", "François", "Gökhan", "Ayşe"};
    return names;
}

const std::vector<std::string>& lastNames()
{
    static const std::vector<std::string> names{
        "Álvarez", "Núñez", "Łukasik", "Müller", "O'Brien", "García López", "Smith", "Jones", "Williams",
        "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Walker", "Wright",
        "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Martin",
        "Jackson", "Clarke", "Lewis", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Dubois", "Lefèvre", "Moreau", "Rossi", "Russo", "Ferrari", "Esposito", "Kowalski", "Nowak",
        "Wiśniewski", "Kovačević", "Horvát", "Novák", "Svensson", "Johansson", "Nielsen", "Hansen", "Sánchez",
        "Pérez", "Gómez", "Fernández", "Rodríguez", "Martínez", "Silva", "Santos", "Oliveira", "Costa",
        "Papadopoulos", "Yılmaz", "Kaya", "Demir", "Tanaka", "Suzuki", "Wang", "Li", "Zhang", "Liu", "Patel",
        "Singh", "Kumar", "Okafor", "Mensah", "Haddad", "Cohen", "Levi", "Murphy", "Kelly", "Byrne", "Ryan",
        "MacDonald", "Campbell", "Stewart", "Anderson", "Scott", "Reid", "Ross", "Fraser", "Grant", "Ó Súilleabháin",
        "van der Berg", "de Vries"};
    return names;
}

std::string asciiUpper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::toupper(c)) : static_cast<char>(c); });
    return text;
}

int makeClinicDatabase(const fs::path& file, const fs::path& pluginsDir)
{
    const fs::path stamp = fs::path(file.string() + ".generator");
    if (fs::exists(file) && fs::exists(stamp) && readAll(stamp) == stampOf()) {
        std::printf("clinic database: up to date (%s)\n", file.filename().c_str());
        return 0;
    }
    const auto started = std::chrono::steady_clock::now();
    const fs::path part = fs::path(file.string() + ".part");
    for (const fs::path& old : {file, part, stamp, fs::path(file.string() + "-wal"), fs::path(file.string() + "-shm"),
                                fs::path(part.string() + "-wal"), fs::path(part.string() + "-shm")})
        fs::remove(old);

    // The schema comes from the store itself: every migration, with its triggers.
    {
        db::StoreOptions options;
        options.actor = "bench";
        db::openSqliteStore(part, options);
    }
    const ExerciseSnapshots exercises = loadExerciseSnapshots(pluginsDir.string());
    SqliteSink sink(part);
    generateClinicRows(sink, exercises);
    sink.finish();
    fs::rename(part, file);
    std::ofstream(stamp) << stampOf();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("clinic database: made %s in %.0f s\n", file.filename().c_str(), s);
    return 0;
}

} // namespace sp::bench

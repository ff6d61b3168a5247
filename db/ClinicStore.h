// The clinic's records, as the rest of the application sees them: repositories for
// patients, plans, notes, the handout log, the audit log and the clinic's own profile.
// Nothing here names a database engine: an SQLite file and a clinic's PostgreSQL server
// implement the same interfaces (db/OpenStore.h opens either).
//
// Every method that changes something is one transaction: it happens completely, with
// its audit entry, or not at all. Methods throw DbError.
#pragma once

#include "core/ClinicLog.h"
#include "core/ClinicProfile.h"
#include "core/Date.h"
#include "core/Enums.h"
#include "core/FollowUpNote.h"
#include "core/Patient.h"
#include "core/Plan.h"
#include "core/Validation.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sp::db {

enum class DbErrorKind {
    NotFound = 1, // no record with that id
    Invalid,      // a field failed validation (fieldErrors() says which)
    NewerSchema,  // written by a newer StretchPlan
    NotADatabase, // not a StretchPlan/SQLite database, truncated or corrupt
    Busy,         // still locked by another writer after the busy timeout
    Io,           // the file system refused (permissions, disk full, ...)
    Internal,     // anything else the engine reported
    InUse,        // the file is open in the StretchPlan app (see StoreAccess)
    Conflict,     // someone else saved a newer version of what was being changed; nothing was written
    Unavailable,  // the server could not be reached, or the connection broke; nothing was written
    Auth,         // the server refused the sign-in (user, password, certificate) or the TLS check
    InDoubt,      // the connection broke while a change was being committed: it may or may not be saved
    Forbidden,    // the signed-in person's role may not do this (a server's privileges refused it); nothing was written
};

class DbError : public std::runtime_error {
public:
    DbError(DbErrorKind kind, const std::string& message, std::vector<FieldError> fields = {})
        : std::runtime_error(message), m_kind(kind), m_fields(std::move(fields)) {}
    DbErrorKind kind() const { return m_kind; }
    const std::vector<FieldError>& fieldErrors() const { return m_fields; }

private:
    DbErrorKind m_kind;
    std::vector<FieldError> m_fields;
};

// How far a purge got with the file's bytes. The records are gone either way. While
// another connection still reads a snapshot from before the purge, the write-ahead log
// must keep the old pages for it; the store then leaves a marker in the file, and the next
// store opened on it (or the next purge) finishes the erasure once no reader needs them.
enum class Erasure {
    Complete = 1,       // vacuumed and checkpointed: the data is in neither file
    WhenReadersClose,   // still in the write-ahead log until the other readers close
    ByServer,           // on a server: gone from every query; its pages are reclaimed by the server's vacuum
};

struct PatientQuery {
    std::string text;             // every word must start a word of the name; case and accents ignored
    bool includeArchived = false;
    std::size_t limit = 500;
};

class PatientRepository {
public:
    virtual ~PatientRepository() = default;
    // Stores a new patient (id ignored) and returns its id.
    virtual std::int64_t add(const Patient& patient) = 0;
    virtual Patient get(std::int64_t id) const = 0;
    // By name, sorted by name; an empty text lists everyone.
    virtual std::vector<Patient> search(const PatientQuery& query) const = 0;
    // Changes the fields in which `edited` differs from `read` (the record as this client
    // read it), and no others: what someone else changed meanwhile in other fields stays.
    // When someone else changed one of the same fields to something else, throws
    // DbError(Conflict) naming who and when, and writes nothing. Id, archived and screening
    // have their own calls.
    virtual void update(const Patient& read, const Patient& edited) = 0;
    virtual void setArchived(std::int64_t id, bool archived) = 0;
    virtual void recordScreening(std::int64_t id, const RedFlagScreening& screening) = 0;
    // The right to erasure: every row of the patient goes (plans, revisions, notes,
    // handout log, the free text of their audit entries), the file is vacuumed, and one
    // audit entry without personal data stays. See Erasure for when the bytes are gone.
    virtual Erasure purge(std::int64_t id) = 0;
};

class PlanRepository {
public:
    virtual ~PlanRepository() = default;
    // A new active plan whose revision 1 is `first`; returns the plan id.
    virtual std::int64_t create(std::int64_t patientId, const std::string& title, const PlanRevision& first) = 0;
    // Stores `next` as the plan's next revision and returns its number. `baseRevision` is
    // the number of the revision the draft was based on: when someone has saved a newer
    // one meanwhile, throws DbError(Conflict) naming who saved which revision and when,
    // and writes nothing.
    virtual int revise(std::int64_t planId, const PlanRevision& next, int baseRevision) = 0;
    virtual void setStatus(std::int64_t planId, PlanStatus status) = 0;
    virtual Plan get(std::int64_t planId) const = 0;
    virtual std::vector<Plan> listForPatient(std::int64_t patientId) const = 0;
    // Revision `number` of the plan, or its latest when number is 0.
    virtual PlanRevision revision(std::int64_t planId, int number = 0) const = 0;
    virtual PlanRevision revisionById(std::int64_t revisionId) const = 0;
    // Every revision, oldest first, without their items (for histories and timelines).
    virtual std::vector<PlanRevision> history(std::int64_t planId) const = 0;
};

struct FollowUpDue {
    std::int64_t patientId = 0;
    std::string patientName;
    Date due;
    Date lastVisit;
};

// One version of a follow-up note as it was written.
struct NoteVersion {
    int version = 0;       // 1 = as first written
    FollowUpNote note;     // every field as in that version (id, patient, author as the note's)
    std::string writtenBy; // the author for version 1, then whoever amended it
    std::string writtenAt;
    std::string reason;    // why it was amended; empty for version 1
};

class NoteRepository {
public:
    virtual ~NoteRepository() = default;
    virtual std::int64_t add(const FollowUpNote& note) = 0;
    // Amends note `note.id` of patient `note.patientId`: its clinical fields become those
    // of `note` (author and creation time stay), `reason` (one line) says why, and the
    // version it replaces stays readable through versions(). Refuses a note without a
    // change. `note.version` is the version the amendment was made from: when someone has
    // amended the note since, throws DbError(Conflict) naming who and when. Returns the new
    // version number.
    virtual int amend(const FollowUpNote& note, const std::string& reason) = 0;
    virtual FollowUpNote get(std::int64_t noteId) const = 0;
    // Every version of the note, oldest first; the last is the current one.
    virtual std::vector<NoteVersion> versions(std::int64_t noteId) const = 0;
    // Newest visit first.
    virtual std::vector<FollowUpNote> listForPatient(std::int64_t patientId) const = 0;
    // Patients (not archived) whose latest note asks for a follow-up on or before `until`,
    // earliest first.
    virtual std::vector<FollowUpDue> due(const Date& until) const = 0;
};

class HandoutLogRepository {
public:
    virtual ~HandoutLogRepository() = default;
    virtual std::int64_t add(const HandoutRecord& record) = 0;
    virtual std::vector<HandoutRecord> listForPatient(std::int64_t patientId) const = 0;
};

struct AuditQuery {
    std::optional<std::int64_t> patientId;
    std::size_t limit = 1000; // newest first
};

class AuditRepository {
public:
    virtual ~AuditRepository() = default;
    // For actions the store cannot see itself: export, e-mail, override. `details` is a
    // JSON object and must hold no personal data. `freeText` is the clinician's own words
    // about the patient (an override's reason): kept apart from the chained entry, which
    // holds only its salted digest, and erased with the patient; it needs `patientId`.
    virtual void record(const std::string& action, const std::string& entity, std::int64_t entityId,
                        std::optional<std::int64_t> patientId, const std::string& details,
                        const std::string& freeText = {}) = 0;
    virtual std::vector<AuditEntry> list(const AuditQuery& query) const = 0;
};

// The clinic's own profile (the branding on every handout): one per database.
class ClinicRepository {
public:
    virtual ~ClinicRepository() = default;
    // The stored profile; nullopt until the first set(), when the demo branding stands in.
    virtual std::optional<ClinicProfile> get() const = 0;
    // Stores every field, the logo's bytes included, replacing what was there.
    virtual void set(const ClinicProfile& profile) = 0;
};

// A person's StretchPlan role on a clinic server (docs/SERVER.md, "Staff and roles"):
// admin: staff accounts, the clinic profile, purge, and everything a clinician may do;
// clinician: patients, plans, notes, handouts and screening; reception: patients' contact
// details, the patient list and the follow-ups due, never a plan's or a note's content.
// Spelled "admin", "clinician", "reception" (toString, parseEnum<StaffRole>).
enum class StaffRole { Admin = 1, Clinician, Reception };

} // namespace sp::db

template <> struct sp::EnumNames<sp::db::StaffRole> {
    static constexpr std::array<std::pair<sp::db::StaffRole, std::string_view>, 3> values{{
        {sp::db::StaffRole::Admin, "admin"},
        {sp::db::StaffRole::Clinician, "clinician"},
        {sp::db::StaffRole::Reception, "reception"},
    }};
};

namespace sp::db {

// One person's account on a clinic server: a PostgreSQL login role, a member of the group
// role of its StretchPlan role.
struct StaffMember {
    std::string login;     // the server's login role: lowercase letters, digits, '.', '_', '-'
    std::string fullName;  // as printed on handouts and shown in the app
    StaffRole role = StaffRole::Clinician;
    bool disabled = false; // may no longer sign in; their name stays on everything they wrote
    std::string createdAt;
};

// The clinic's accounts. Only a clinic server has them: on an SQLite file every method
// throws DbError(Invalid, "accounts exist only on a clinic server"). Changing them is for
// admins (anyone else: DbError Forbidden); each change is audited (entity "staff").
class StaffRepository {
public:
    virtual ~StaffRepository() = default;
    // Every account, by login.
    virtual std::vector<StaffMember> list() const = 0;
    // Creates the login with `password` (hashed here, with SCRAM-SHA-256, before it is
    // sent: the server never sees it in clear). member.disabled and createdAt are ignored.
    // Refuses (Invalid) a login that is not a valid name, exists already, or names a role
    // of the server that is not a StretchPlan account (its superuser, the tables' owner).
    virtual void add(const StaffMember& member, const std::string& password) = 0;
    // No more sign-in (their open sessions are ended where the server allows it).
    virtual void disable(const std::string& login) = 0;
    virtual void setRole(const std::string& login, StaffRole role) = 0;
};

// One file of a version of the clinic pack: its path in the pack folder ("manifest.json",
// "guidance.json", "exercises/NAME.json", "media/..."; "/" separated), its bytes' SHA-256
// (lowercase hex) and size, and the bytes where a call says so.
struct ClinicPackFile {
    std::string path;
    std::string sha256;
    std::int64_t size = 0;
    std::string bytes;
};

// One saved version of the clinic pack: who saved it (the signed-in login) and when, and
// its files without their bytes.
struct ClinicPackVersion {
    int version = 0; // 1, 2, 3, ...
    std::string savedBy;
    std::string savedAt;
    std::vector<ClinicPackFile> files; // by path
};

// The clinic's own exercise pack (what Tools > Clinic exercises edits) on a clinic server
// (docs/SERVER.md, "The clinic's exercises"): every save stores the whole pack as its next
// version, kept as saved; a file's bytes are stored once, however many versions hold
// them. Clinicians and admins read it; only admins save (anyone else: DbError Forbidden);
// each save is audited (action "save", entity "clinic_pack", the version) and so announced
// to the other workstations. The repository keeps the shape (paths, sizes, a manifest);
// whether the files make a pack that loads is the caller's to check (pluginhost's loader).
// On an SQLite file the clinic pack is a folder (pluginhost/ClinicPack.h): every method
// throws DbError(Invalid, "the clinic pack is stored in the database only on a clinic server").
class ClinicPackRepository {
public:
    virtual ~ClinicPackRepository() = default;
    // The newest version with its file list; nullopt until the first save.
    virtual std::optional<ClinicPackVersion> latest() const = 0;
    // Version `version` with its file list (NotFound when there is none).
    virtual ClinicPackVersion version(int version) const = 0;
    // Every version, oldest first, without files.
    virtual std::vector<ClinicPackVersion> history() const = 0;
    // The bytes whose SHA-256 is `sha256` (NotFound when no version holds them).
    virtual std::string bytes(const std::string& sha256) const = 0;
    // Stores `files` (path and bytes; sha256 and size are computed here) as the version
    // after `baseVersion`, the one they were edited from (0: there was none), and returns
    // it. When someone saved a newer version meanwhile, throws DbError(Conflict) naming who
    // saved which version when, and writes nothing. Invalid: no manifest.json, a path that
    // is not a pack file's, a path twice, a file over 16 MiB.
    virtual ClinicPackVersion save(const std::vector<ClinicPackFile>& files, int baseVersion) = 0;
};

struct CheckResult {
    bool ok = false;
    std::string detail;   // "ok", or what is wrong
    bool warning = false; // ok, but something to tell the reader (detail says what)
};

// The newest audit entry: what an auditor compares with a copy kept elsewhere.
struct AuditHead {
    std::int64_t id = 0; // 0: the log is empty
    std::string hash;    // hex SHA-256
};

struct CheckReport {
    CheckResult integrity;   // the engine's own: PRAGMA integrity_check; on a server, its triggers in place and on
    CheckResult foreignKeys; // PRAGMA foreign_key_check; on a server, every constraint validated
    CheckResult revisions;   // every plan revision reads back whole, every item's exercise snapshot included
    CheckResult auditChain;  // every entry's hash and link to the one before
    CheckResult auditAnchor; // the chain against the checkpoints beside the file; on a server, its privileges
    AuditHead auditHead;     // as the check read it
    bool ok() const
    {
        return integrity.ok && foreignKeys.ok && revisions.ok && auditChain.ok && auditAnchor.ok;
    }
};

// Something another client (or this one) changed in the database: one audit entry's
// who, what and which record, without any patient data. `resync` says that changes may
// have been missed (the feed lost its connection): read everything shown again.
struct ChangeEvent {
    std::string action;   // as in the audit log: create, update, amend, revise, archive, purge, ...
    std::string entity;   // patient, plan, revision, note, handout, clinic, ...
    std::int64_t entityId = 0;
    std::optional<std::int64_t> patientId;
    std::string actor;
    bool resync = false;
};

// The changes committed to a shared database since the last poll, as the server
// announces them (PostgreSQL LISTEN/NOTIFY). Owns a connection of its own.
class ChangeFeed {
public:
    virtual ~ChangeFeed() = default;
    // What arrived since the last call, oldest first. Never blocks and never throws: a
    // lost connection is made again at a later call, which then reports a resync.
    virtual std::vector<ChangeEvent> poll() noexcept = 0;
};

class ClinicStore {
public:
    virtual ~ClinicStore() = default;
    virtual PatientRepository& patients() = 0;
    virtual PlanRepository& plans() = 0;
    virtual NoteRepository& notes() = 0;
    virtual HandoutLogRepository& handouts() = 0;
    virtual AuditRepository& audit() = 0;
    virtual ClinicRepository& clinic() = 0;
    virtual const PatientRepository& patients() const = 0;
    virtual const PlanRepository& plans() const = 0;
    virtual const NoteRepository& notes() const = 0;
    virtual const HandoutLogRepository& handouts() const = 0;
    virtual const AuditRepository& audit() const = 0;
    virtual const ClinicRepository& clinic() const = 0;
    virtual StaffRepository& staff() = 0;
    virtual ClinicPackRepository& clinicPack() = 0;
    // Who the server says is signed in: their staff row, or (a login made before accounts,
    // the tables' owner) a StaffMember with the role their group membership gives. On a
    // server everything this store writes is recorded under this login, whatever
    // StoreOptions::actor says. nullopt on an SQLite file, which has no accounts.
    virtual std::optional<StaffMember> signedIn() const = 0;

    virtual CheckReport check() = 0;
    // A consistent copy while others keep writing, with its own checkpoint file (the
    // source's checkpoints it holds, and its head). Refuses to overwrite an existing
    // file. Returns the copy's audit head.
    virtual AuditHead backup(const std::filesystem::path& target) = 0;
    virtual int schemaVersion() const = 0;
    // A feed of what other clients commit, for a shared server; nullptr for a file, which
    // one app has to itself.
    virtual std::unique_ptr<ChangeFeed> watchChanges() = 0;
};

// How a process shares a database file with other processes on this computer. The desktop
// app runs toolkit code (file dialogs, thumbnailers) that may open and close the database
// file, which silently drops SQLite's POSIX locks; so it keeps every other process out
// for as long as it has the file open. Command-line processes share the file with each
// other and are refused (DbErrorKind::InUse) while the app has it.
enum class StoreAccess {
    Shared = 1, // command line, tools: alongside other such processes
    Exclusive,  // the desktop app: alone with the file
};

struct StoreOptions {
    std::string actor;                // who is working: recorded as author and in the audit log (a file
                                      // only: a server records the signed-in login, see signedIn())
    StoreAccess access = StoreAccess::Shared;
    int busyTimeoutMs = 5000;          // waiting for another writer (SQLite's lock, the server's write lock)
    int connectTimeoutS = 5;           // a server: how long to try to reach it
    std::string password;              // a server: when empty, libpq's own (PGPASSWORD, ~/.pgpass); never stored
    std::function<std::string()> now; // UTC ISO 8601 timestamps; the system clock when empty
};

} // namespace sp::db

// What the clinic's logs hold: each handout given out, and the audit trail of every change.
#pragma once

#include "core/Enums.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sp {

enum class HandoutChannel { Pdf = 1, Print, Email };

template <> struct EnumNames<HandoutChannel> {
    static constexpr std::array<std::pair<HandoutChannel, std::string_view>, 3> values{{
        {HandoutChannel::Pdf, "pdf"},
        {HandoutChannel::Print, "print"},
        {HandoutChannel::Email, "email"},
    }};
};

struct HandoutRecord {
    std::int64_t id = 0;
    std::int64_t revisionId = 0;
    HandoutChannel channel = HandoutChannel::Pdf;
    std::string recipient; // e-mail address, printer or file name
    std::string sha256;    // of the PDF, lower-case hex
    std::string messageId; // e-mail only: the message's "<...@...>" Message-ID; else empty
    std::string at;        // UTC, ISO 8601, set when stored
    std::string author;
};

// One audit entry. It never holds a patient's personal data (names, dates of birth,
// contact details, clinical text): only who did what to which record, so that the
// append-only log can outlive a purged patient.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at; // UTC, ISO 8601
    std::string actor;
    std::string action;   // create, update, archive, unarchive, purge, export, email, override, screen, ...
    std::string entity;   // patient, plan, revision, note, handout, clinic, database
    std::int64_t entityId = 0;
    std::optional<std::int64_t> patientId;
    std::string details;  // JSON object, e.g. {"fields":["email","phone"]}
    std::string freeText; // the clinician's words about the patient (an override's reason): not
                          // in the chained entry, erased with the patient; "" when none or erased
    std::string prevHash; // hex SHA-256 of the previous entry ("" for the first)
    std::string hash;     // hex SHA-256 over this entry and prevHash
};

} // namespace sp

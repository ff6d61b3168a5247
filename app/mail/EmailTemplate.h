// The text of a handout e-mail, as an editable template file: a "Subject: ..." line, a
// blank line, then the body. Placeholders in braces are filled in per patient:
//   {clinic_name} {patient_first_name} {next_follow_up} {clinic_contact}
// A line holding {next_follow_up} is left out when no follow-up is booked, so a template
// can say "We will see you again on {next_follow_up}." without a dangling sentence.
// Unknown placeholders are an error, so a typo never reaches a patient.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sp::mail {

struct EmailTemplate {
    std::string name;
    std::string subject; // with placeholders
    std::string body;    // with placeholders
};

struct TemplateValues {
    std::string clinicName;
    std::string patientFirstName;
    std::string nextFollowUp; // empty: none booked
    std::string clinicContact;
};

// Throws MailError naming the template and what is wrong.
EmailTemplate parseEmailTemplate(std::string_view text, const std::string& name);

// NAME.txt from the first folder that has it (a user's folder before the built-in one).
// Names are lower-case letters, digits and '-', so a name never leads out of the folder.
EmailTemplate loadEmailTemplate(const std::string& name, const std::vector<std::filesystem::path>& dirs);

// Fills the placeholders; throws MailError on an unknown one.
std::string fillTemplate(std::string_view text, const TemplateValues& values);

// "Home-exercise-plan-2026-11-24.pdf" for the ISO date given.
std::string attachmentFileName(const std::string& isoDate);

} // namespace sp::mail

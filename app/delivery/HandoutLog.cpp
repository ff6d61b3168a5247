#include "delivery/HandoutLog.h"

#include "hash/Sha256.h"

namespace sp::delivery {

HandoutRecord logHandout(db::ClinicStore& store, std::int64_t revisionId, HandoutChannel channel,
                         const std::string& recipient, const std::filesystem::path& pdf, const std::string& messageId)
{
    HandoutRecord record;
    record.revisionId = revisionId;
    record.channel = channel;
    record.recipient = recipient;
    record.sha256 = sha256FileHex(pdf);
    record.messageId = messageId;
    record.id = store.handouts().add(record);
    return record;
}

} // namespace sp::delivery

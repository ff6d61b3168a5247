// The pack-load cache's bytes: a validated pack (manifest, exercises with their figures,
// guidance) written as a compact binary record and read back exactly. Reading checks every
// length and every enum value against what the model allows, so a damaged or foreign cache
// file gives a PackCacheCorrupt error, never a crash or an invalid exercise.
#pragma once

#include "core/Exercise.h"
#include "core/SearchIndex.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sp {

class PackCacheCorrupt : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ByteWriter {
public:
    void u8(std::uint8_t v) { m_bytes.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void f64(double v);
    void str(std::string_view s);
    void strings(const std::vector<std::string>& list);
    const std::string& bytes() const { return m_bytes; }
    std::string take() { return std::move(m_bytes); }

private:
    void putLittleEndian(std::uint64_t v, int bytes);
    std::string m_bytes;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}
    // Inline: a warm start reads millions of these.
    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(littleEndian(take(4))); }
    std::uint64_t u64() { return littleEndian(take(8)); }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    double f64();
    std::string str();
    std::vector<std::string> strings();
    // A count of items that each take at least `minItemBytes`: refused when the rest of
    // the record could not hold them, so a damaged count cannot ask for gigabytes.
    std::size_t count(std::size_t minItemBytes);
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    std::string_view take(std::size_t n)
    {
        if (n > m_bytes.size() - m_pos)
            endsEarly(n);
        const std::string_view part = m_bytes.substr(m_pos, n);
        m_pos += n;
        return part;
    }
    [[noreturn]] void endsEarly(std::size_t n) const;
    static std::uint64_t littleEndian(std::string_view b)
    {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < b.size(); ++i)
            v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[i])) << (8 * i);
        return v;
    }
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

// What a validated pack holds besides its folder and problems (which a cached pack has none of).
struct PackContent {
    PackManifest manifest;
    std::vector<Exercise> exercises;
    std::vector<std::string> exerciseFiles;
    PackGuidance guidance;
    bool operator==(const PackContent&) const = default;
};

void writePackContent(ByteWriter& out, const PackContent& content);
// Throws PackCacheCorrupt.
PackContent readPackContent(ByteReader& in);

// A pack's search index (SearchIndex::data()).
void writeSearchIndex(ByteWriter& out, const SearchIndex& index);
// Throws PackCacheCorrupt, also when the data read does not make a valid index.
SearchIndex readSearchIndex(ByteReader& in);

} // namespace sp

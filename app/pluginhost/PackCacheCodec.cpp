#include "pluginhost/PackCacheCodec.h"

#include <bit>
#include <cstring>

namespace sp {

// A new field of the model must be written here, read back below and the cache format
// (kPackCacheFormat in PackCache.cpp) raised; these catch a field added without that.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Exercise) == 544, "Exercise changed: update PackCacheCodec and raise kPackCacheFormat");
static_assert(sizeof(Figure) == 32, "Figure changed: update PackCacheCodec and raise kPackCacheFormat");
static_assert(sizeof(Pose) == 128, "Pose changed: update PackCacheCodec and raise kPackCacheFormat");
static_assert(sizeof(Prop) == 48, "Prop changed: update PackCacheCodec and raise kPackCacheFormat");
static_assert(sizeof(Dosage) == 32, "Dosage changed: update PackCacheCodec and raise kPackCacheFormat");
static_assert(sizeof(PackManifest) == 200, "PackManifest changed: update PackCacheCodec and raise kPackCacheFormat");
#endif

void ByteWriter::u32(std::uint32_t v)
{
    putLittleEndian(v, 4);
}

void ByteWriter::u64(std::uint64_t v)
{
    putLittleEndian(v, 8);
}

void ByteWriter::putLittleEndian(std::uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        u8(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::f64(double v)
{
    u64(std::bit_cast<std::uint64_t>(v));
}

void ByteWriter::str(std::string_view s)
{
    u32(static_cast<std::uint32_t>(s.size()));
    m_bytes.append(s);
}

void ByteWriter::strings(const std::vector<std::string>& list)
{
    u32(static_cast<std::uint32_t>(list.size()));
    for (const std::string& s : list)
        str(s);
}

void ByteReader::endsEarly(std::size_t n) const
{
    throw PackCacheCorrupt("record ends early (" + std::to_string(n) + " bytes wanted at byte " + std::to_string(m_pos) +
                           " of " + std::to_string(m_bytes.size()) + ")");
}

double ByteReader::f64()
{
    return std::bit_cast<double>(u64());
}

std::string ByteReader::str()
{
    return std::string(take(u32()));
}

std::vector<std::string> ByteReader::strings()
{
    std::vector<std::string> list(count(4));
    for (std::string& s : list)
        s = str();
    return list;
}

std::size_t ByteReader::count(std::size_t minItemBytes)
{
    const std::uint32_t n = u32();
    if (minItemBytes > 0 && n > (m_bytes.size() - m_pos) / minItemBytes)
        throw PackCacheCorrupt("a count of " + std::to_string(n) + " at byte " + std::to_string(m_pos) +
                               " does not fit the record");
    return n;
}

namespace {

template <class E> void putEnum(ByteWriter& out, E value)
{
    out.u8(static_cast<std::uint8_t>(value));
}

template <class E> E getEnum(ByteReader& in)
{
    const std::uint8_t v = in.u8();
    for (const auto& [e, name] : EnumNames<E>::values)
        if (static_cast<std::uint8_t>(e) == v)
            return e;
    throw PackCacheCorrupt("enum value " + std::to_string(v) + " is not one this build knows");
}

template <class E> void putEnums(ByteWriter& out, const std::vector<E>& values)
{
    out.u32(static_cast<std::uint32_t>(values.size()));
    for (E e : values)
        putEnum(out, e);
}

template <class E> std::vector<E> getEnums(ByteReader& in)
{
    std::vector<E> values(in.count(1));
    for (E& e : values)
        e = getEnum<E>(in);
    return values;
}

void putPoint(ByteWriter& out, const Point& p)
{
    out.f64(p.x);
    out.f64(p.y);
}

Point getPoint(ByteReader& in)
{
    Point p;
    p.x = in.f64();
    p.y = in.f64();
    return p;
}

void putFigure(ByteWriter& out, const Figure& f)
{
    putEnum(out, f.view);
    out.u32(static_cast<std::uint32_t>(f.poses.size()));
    for (const Pose& pose : f.poses) {
        out.str(pose.label);
        out.u32(static_cast<std::uint32_t>(pose.joints.size()));
        for (const auto& [joint, at] : pose.joints) {
            putEnum(out, joint);
            putPoint(out, at);
        }
        out.u32(static_cast<std::uint32_t>(pose.props.size()));
        for (const Prop& prop : pose.props) {
            putEnum(out, prop.kind);
            putPoint(out, prop.at);
            out.f64(prop.radius);
            out.f64(prop.width);
            out.f64(prop.height);
        }
        out.u32(static_cast<std::uint32_t>(pose.arrows.size()));
        for (const Arrow& arrow : pose.arrows) {
            putPoint(out, arrow.from);
            putPoint(out, arrow.to);
        }
    }
}

Figure getFigure(ByteReader& in)
{
    Figure f;
    f.view = getEnum<FigureView>(in);
    f.poses.resize(in.count(16));
    for (Pose& pose : f.poses) {
        pose.label = in.str();
        const std::size_t joints = in.count(17);
        for (std::size_t i = 0; i < joints; ++i) {
            const Joint joint = getEnum<Joint>(in);
            pose.joints[joint] = getPoint(in);
        }
        pose.props.resize(in.count(41));
        for (Prop& prop : pose.props) {
            prop.kind = getEnum<PropKind>(in);
            prop.at = getPoint(in);
            prop.radius = in.f64();
            prop.width = in.f64();
            prop.height = in.f64();
        }
        pose.arrows.resize(in.count(32));
        for (Arrow& arrow : pose.arrows) {
            arrow.from = getPoint(in);
            arrow.to = getPoint(in);
        }
    }
    return f;
}

void putDosage(ByteWriter& out, const Dosage& d)
{
    for (int v : {d.sets, d.reps, d.hold_s, d.rest_s, d.perDay, d.daysPerWeek, d.tempo_s})
        out.u32(static_cast<std::uint32_t>(v));
    putEnum(out, d.side);
}

Dosage getDosage(ByteReader& in)
{
    Dosage d;
    for (int* v : {&d.sets, &d.reps, &d.hold_s, &d.rest_s, &d.perDay, &d.daysPerWeek, &d.tempo_s})
        *v = static_cast<int>(in.u32());
    d.side = getEnum<Side>(in);
    return d;
}

void putExercise(ByteWriter& out, const Exercise& e)
{
    out.str(e.id);
    out.str(e.pack);
    out.str(e.name);
    out.strings(e.aliases);
    out.str(e.summary);
    putEnum(out, e.type);
    out.strings(e.regions);
    putEnums(out, e.directions);
    putEnum(out, e.position);
    out.strings(e.equipment);
    out.str(e.startPosition);
    out.strings(e.steps);
    out.strings(e.cues);
    out.strings(e.commonMistakes);
    out.strings(e.precautions);
    putDosage(out, e.dosage);
    out.strings(e.progressions);
    out.strings(e.regressions);
    out.u32(static_cast<std::uint32_t>(e.media.images.size()));
    for (const ImageRef& image : e.media.images) {
        out.str(image.file);
        out.str(image.caption);
    }
    out.str(e.media.videoUrl);
    out.u8(e.figure ? 1 : 0);
    if (e.figure)
        putFigure(out, *e.figure);
}

Exercise getExercise(ByteReader& in)
{
    Exercise e;
    e.id = in.str();
    e.pack = in.str();
    e.name = in.str();
    e.aliases = in.strings();
    e.summary = in.str();
    e.type = getEnum<ExerciseType>(in);
    e.regions = in.strings();
    e.directions = getEnums<Direction>(in);
    e.position = getEnum<Position>(in);
    e.equipment = in.strings();
    e.startPosition = in.str();
    e.steps = in.strings();
    e.cues = in.strings();
    e.commonMistakes = in.strings();
    e.precautions = in.strings();
    e.dosage = getDosage(in);
    e.progressions = in.strings();
    e.regressions = in.strings();
    e.media.images.resize(in.count(8));
    for (ImageRef& image : e.media.images) {
        image.file = in.str();
        image.caption = in.str();
    }
    e.media.videoUrl = in.str();
    if (in.u8() != 0)
        e.figure = getFigure(in);
    return e;
}

} // namespace

void writePackContent(ByteWriter& out, const PackContent& c)
{
    const PackManifest& m = c.manifest;
    for (const std::string* s : {&m.id, &m.name, &m.version, &m.author, &m.license, &m.description})
        out.str(*s);
    out.u32(static_cast<std::uint32_t>(m.api));
    out.u32(static_cast<std::uint32_t>(c.exercises.size()));
    for (const Exercise& e : c.exercises)
        putExercise(out, e);
    out.strings(c.exerciseFiles);
    out.u32(static_cast<std::uint32_t>(c.guidance.sections.size()));
    for (const GuidanceSection& s : c.guidance.sections) {
        out.str(s.id);
        out.str(s.title);
        out.strings(s.paragraphs);
    }
    out.u32(static_cast<std::uint32_t>(c.guidance.redFlags.size()));
    for (const RedFlag& f : c.guidance.redFlags) {
        out.str(f.id);
        out.str(f.text);
    }
}

PackContent readPackContent(ByteReader& in)
{
    PackContent c;
    PackManifest& m = c.manifest;
    for (std::string* s : {&m.id, &m.name, &m.version, &m.author, &m.license, &m.description})
        *s = in.str();
    m.api = static_cast<int>(in.u32());
    c.exercises.resize(in.count(64));
    for (Exercise& e : c.exercises)
        e = getExercise(in);
    c.exerciseFiles = in.strings();
    if (c.exerciseFiles.size() != c.exercises.size())
        throw PackCacheCorrupt("the record names " + std::to_string(c.exerciseFiles.size()) + " files for " +
                               std::to_string(c.exercises.size()) + " exercises");
    c.guidance.sections.resize(in.count(12));
    for (GuidanceSection& s : c.guidance.sections) {
        s.id = in.str();
        s.title = in.str();
        s.paragraphs = in.strings();
    }
    c.guidance.redFlags.resize(in.count(8));
    for (RedFlag& f : c.guidance.redFlags) {
        f.id = in.str();
        f.text = in.str();
    }
    return c;
}

void writeSearchIndex(ByteWriter& out, const SearchIndex& index)
{
    const SearchIndex::Data& d = index.data();
    out.u32(static_cast<std::uint32_t>(d.entries.size()));
    for (const SearchIndex::Entry& e : d.entries) {
        out.str(e.name);
        out.strings(e.aliases);
    }
    out.strings(d.words);
    for (const std::vector<SearchIndex::Posting>& postings : d.postings) {
        out.u32(static_cast<std::uint32_t>(postings.size()));
        for (const SearchIndex::Posting& p : postings) {
            out.u32(p.entry);
            out.u8(p.fields);
        }
    }
}

SearchIndex readSearchIndex(ByteReader& in)
{
    SearchIndex::Data d;
    d.entries.resize(in.count(8));
    for (SearchIndex::Entry& e : d.entries) {
        e.name = in.str();
        e.aliases = in.strings();
    }
    d.words = in.strings();
    d.postings.resize(d.words.size());
    for (std::vector<SearchIndex::Posting>& postings : d.postings) {
        postings.resize(in.count(5));
        for (SearchIndex::Posting& p : postings) {
            p.entry = in.u32();
            p.fields = in.u8();
        }
    }
    try {
        return SearchIndex::fromData(std::move(d));
    } catch (const std::invalid_argument& e) {
        throw PackCacheCorrupt(e.what());
    }
}

} // namespace sp

#include "core/FigureJson.h"

#include "core/JsonReader.h"

namespace sp {
namespace {

constexpr ListRule kPoses{1, 4};
constexpr ListRule kProps{0, 8};
constexpr ListRule kArrows{0, 4};
constexpr double kMaxPropRadius = 20;

std::optional<Point> parsePoint(const Json* v, const std::string& pointer, ProblemSink& sink)
{
    if (!v)
        return std::nullopt;
    if (!v->is_array() || v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number()) {
        sink.add(pointer, "expected [x, y] with two numbers, got " + quoteValue(*v));
        return std::nullopt;
    }
    const Point p{(*v)[0].get<double>(), (*v)[1].get<double>()};
    const auto inside = [](double c) { return c >= kFigureMin && c <= kFigureMax; };
    if (!inside(p.x) || !inside(p.y)) {
        sink.add(pointer, "[" + quoteValue((*v)[0]) + ", " + quoteValue((*v)[1]) +
                              "] is outside the figure area (0\u2013100 on both axes)");
        return std::nullopt;
    }
    return p;
}

std::optional<Prop> parseProp(const Json& v, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(v, pointer, sink);
    const std::size_t before = sink.count();
    Prop prop;
    if (auto kind = r.enumeration<PropKind>("kind"))
        prop.kind = *kind;
    else {
        // Which other fields belong depends on the kind; read them all so that none is
        // reported as unknown on top of the real problem.
        for (const char* key : {"y", "x", "center", "radius", "width", "height"})
            r.member(key, Presence::Optional);
        return std::nullopt;
    }
    switch (prop.kind) {
    case PropKind::Floor:
        if (auto y = r.number("y", kFigureMin, kFigureMax))
            prop.at.y = *y;
        break;
    case PropKind::Wall:
        if (auto x = r.number("x", kFigureMin, kFigureMax))
            prop.at.x = *x;
        break;
    case PropKind::Ball:
    case PropKind::Roller:
        if (auto c = parsePoint(r.member("center"), r.pointerOf("center"), sink))
            prop.at = *c;
        if (auto radius = r.number("radius", 1, kMaxPropRadius))
            prop.radius = *radius;
        break;
    case PropKind::Box:
        if (auto x = r.number("x", kFigureMin, kFigureMax))
            prop.at.x = *x;
        if (auto y = r.number("y", kFigureMin, kFigureMax))
            prop.at.y = *y;
        if (auto w = r.number("width", 1, kFigureMax))
            prop.width = *w;
        if (auto h = r.number("height", 1, kFigureMax))
            prop.height = *h;
        break;
    }
    r.finish();
    return sink.count() == before ? std::optional(prop) : std::nullopt;
}

std::map<Joint, Point> parseJoints(const Json* v, const std::string& pointer, ProblemSink& sink)
{
    std::map<Joint, Point> joints;
    if (!v)
        return joints;
    if (!v->is_object()) {
        sink.add(pointer, "expected an object of joints, got " + typeName(*v));
        return joints;
    }
    for (const auto& [name, value] : v->items()) {
        const std::string at = pointer + "/" + pointerToken(name);
        const auto joint = parseEnum<Joint>(name);
        if (!joint) {
            sink.add(at, "unknown joint " + quoteValue(Json(name)) + " (joints are " + enumChoices<Joint>() + ")");
            continue;
        }
        if (auto p = parsePoint(&value, at, sink))
            joints[*joint] = *p;
    }
    for (Joint required : {Joint::Head, Joint::Neck, Joint::Pelvis})
        if (!v->contains(std::string(toString(required))))
            sink.add(pointer + "/" + std::string(toString(required)), "is required but missing");
    for (const auto& [joint, point] : joints) {
        const auto parent = chainParent(joint);
        const bool optionalParent = parent && (*parent == Joint::ShoulderL || *parent == Joint::ShoulderR ||
                                               *parent == Joint::HipL || *parent == Joint::HipR);
        if (parent && !optionalParent && !joints.contains(*parent))
            sink.add(pointer + "/" + std::string(toString(joint)),
                     "needs \"" + std::string(toString(*parent)) + "\" too (a limb is a chain of joints)");
    }
    return joints;
}

std::optional<Pose> parsePose(const Json& v, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(v, pointer, sink);
    const std::size_t before = sink.count();
    Pose pose;
    if (auto label = r.text("label", {1, 40}))
        pose.label = *label;
    pose.joints = parseJoints(r.member("joints"), r.pointerOf("joints"), sink);
    if (const Json* props = r.array("props", kProps, Presence::Optional))
        for (std::size_t i = 0; i < props->size(); ++i)
            if (auto prop = parseProp((*props)[i], r.pointerOf("props") + "/" + std::to_string(i), sink))
                pose.props.push_back(*prop);
    if (const Json* arrows = r.array("arrows", kArrows, Presence::Optional)) {
        for (std::size_t i = 0; i < arrows->size(); ++i) {
            ObjectReader a((*arrows)[i], r.pointerOf("arrows") + "/" + std::to_string(i), sink);
            auto from = parsePoint(a.member("from"), a.pointerOf("from"), sink);
            auto to = parsePoint(a.member("to"), a.pointerOf("to"), sink);
            a.finish();
            if (from && to)
                pose.arrows.push_back({*from, *to});
        }
    }
    r.finish();
    return sink.count() == before ? std::optional(std::move(pose)) : std::nullopt;
}

Json pointJson(Point p)
{
    return Json::array({p.x, p.y});
}

Json propJson(const Prop& prop)
{
    Json j{{"kind", toString(prop.kind)}};
    switch (prop.kind) {
    case PropKind::Floor: j["y"] = prop.at.y; break;
    case PropKind::Wall: j["x"] = prop.at.x; break;
    case PropKind::Ball:
    case PropKind::Roller:
        j["center"] = pointJson(prop.at);
        j["radius"] = prop.radius;
        break;
    case PropKind::Box:
        j["x"] = prop.at.x;
        j["y"] = prop.at.y;
        j["width"] = prop.width;
        j["height"] = prop.height;
        break;
    }
    return j;
}

} // namespace

std::optional<Figure> parseFigure(const Json& value, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(value, pointer, sink);
    const std::size_t before = sink.count();
    Figure figure;
    if (auto view = r.enumeration<FigureView>("view"))
        figure.view = *view;
    if (const Json* poses = r.array("poses", kPoses))
        for (std::size_t i = 0; i < poses->size(); ++i)
            if (auto pose = parsePose((*poses)[i], r.pointerOf("poses") + "/" + std::to_string(i), sink))
                figure.poses.push_back(std::move(*pose));
    r.finish();
    return sink.count() == before ? std::optional(std::move(figure)) : std::nullopt;
}

Json toJson(const Figure& figure)
{
    Json poses = Json::array();
    for (const Pose& pose : figure.poses) {
        Json joints = Json::object();
        for (const auto& [joint, point] : pose.joints)
            joints[std::string(toString(joint))] = pointJson(point);
        Json p{{"label", pose.label}, {"joints", joints}};
        if (!pose.props.empty()) {
            p["props"] = Json::array();
            for (const Prop& prop : pose.props)
                p["props"].push_back(propJson(prop));
        }
        if (!pose.arrows.empty()) {
            p["arrows"] = Json::array();
            for (const Arrow& a : pose.arrows)
                p["arrows"].push_back({{"from", pointJson(a.from)}, {"to", pointJson(a.to)}});
        }
        poses.push_back(std::move(p));
    }
    return {{"view", toString(figure.view)}, {"poses", std::move(poses)}};
}

} // namespace sp

#include "cli/Commands.h"
#include "cli/FigureSvg.h"
#include "cli/TextFormat.h"

#include <memory>
#include <ostream>

namespace sp::cli {
namespace {

template <class E> std::vector<std::string> choices()
{
    std::vector<std::string> out;
    for (const auto& [value, name] : EnumNames<E>::values)
        out.emplace_back(name);
    return out;
}

struct FilterOptions {
    std::string type, direction, position, pack;
    bool json = false;

    void addTo(CLI::App* cmd)
    {
        cmd->add_option("--type", type, "Only exercises of this type")->check(CLI::IsMember(choices<ExerciseType>()));
        cmd->add_option("--direction", direction, "Only exercises moving in this direction")
            ->check(CLI::IsMember(choices<Direction>()));
        cmd->add_option("--position", position, "Only exercises done in this position")
            ->check(CLI::IsMember(choices<Position>()));
        cmd->add_option("--pack", pack, "Only exercises of this pack (its id)");
        cmd->add_flag("--json", json, "Print JSON for scripts");
    }

    ExerciseFilter filter() const
    {
        ExerciseFilter f;
        if (!type.empty())
            f.type = parseEnum<ExerciseType>(type);
        if (!direction.empty())
            f.direction = parseEnum<Direction>(direction);
        if (!position.empty())
            f.position = parseEnum<Position>(position);
        f.pack = pack;
        return f;
    }
};

int printExercises(CliContext& ctx, const std::vector<const Exercise*>& exercises, bool json)
{
    if (json) {
        Json list = Json::array();
        for (const Exercise* ex : exercises)
            list.push_back(exerciseJson(*ex));
        ctx.out() << list.dump(2) << '\n';
        return kExitOk;
    }
    if (exercises.empty()) {
        ctx.err() << "no exercises match\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> rows{{"ID", "NAME", "TYPE", "DIRECTIONS", "POSITION"}};
    for (const Exercise* ex : exercises)
        rows.push_back({ex->qualifiedId(), ex->name, std::string(toString(ex->type)), joinEnums(ex->directions),
                        std::string(toString(ex->position))});
    ctx.out() << table(rows);
    return kExitOk;
}

} // namespace

void addCatalogCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* catalog = app.add_subcommand("catalog", "Browse the exercise catalog");
    catalog->require_subcommand(1);

    auto listOptions = std::make_shared<FilterOptions>();
    CLI::App* list = catalog->add_subcommand("list", "List the exercises of every loaded pack");
    listOptions->addTo(list);
    list->callback([&ctx, &exitCode, listOptions] {
        const Catalog& c = ctx.load().catalog;
        if (!listOptions->pack.empty() && !c.pack(listOptions->pack)) {
            exitCode = ctx.fail(kExitData, "no pack \"" + listOptions->pack + "\" is loaded");
            return;
        }
        exitCode = printExercises(ctx, c.filter(listOptions->filter()), listOptions->json);
    });

    auto showId = std::make_shared<std::string>();
    auto showJson = std::make_shared<bool>(false);
    CLI::App* show = catalog->add_subcommand("show", "Show every field of one exercise");
    show->add_option("ID", *showId, "pack/exercise, or the bare exercise id where only one pack has it")->required();
    show->add_flag("--json", *showJson, "Print JSON for scripts");
    show->callback([&ctx, &exitCode, showId, showJson] {
        const Catalog& c = ctx.load().catalog;
        const Catalog::Lookup found = c.lookup(*showId);
        if (!found.exercise) {
            exitCode = ctx.fail(kExitData, found.error);
            return;
        }
        if (*showJson)
            ctx.out() << exerciseJson(*found.exercise).dump(2) << '\n';
        else
            ctx.out() << exerciseDetails(*found.exercise, c);
        exitCode = kExitOk;
    });

    auto figureId = std::make_shared<std::string>();
    CLI::App* figure = catalog->add_subcommand("figure", "Print an exercise's figure as an SVG image");
    figure->add_option("ID", *figureId, "pack/exercise, or the bare exercise id")->required();
    figure->callback([&ctx, &exitCode, figureId] {
        const Catalog::Lookup found = ctx.load().catalog.lookup(*figureId);
        if (!found.exercise) {
            exitCode = ctx.fail(kExitData, found.error);
            return;
        }
        if (!found.exercise->figure) {
            exitCode = ctx.fail(kExitData, "exercise \"" + found.exercise->qualifiedId() + "\" has no figure");
            return;
        }
        ctx.out() << figureSvg(*found.exercise->figure, found.exercise->name);
        exitCode = kExitOk;
    });

    auto searchText = std::make_shared<std::vector<std::string>>();
    auto searchOptions = std::make_shared<FilterOptions>();
    CLI::App* search = catalog->add_subcommand("search", "Find exercises by name, alias or aim, best match first");
    search->add_option("TEXT", *searchText, "Words to look for (case and accents do not matter)")->required();
    searchOptions->addTo(search);
    search->callback([&ctx, &exitCode, searchText, searchOptions] {
        const Catalog& c = ctx.load().catalog;
        exitCode = printExercises(ctx, c.search(join(*searchText, " "), searchOptions->filter()), searchOptions->json);
    });
}

} // namespace sp::cli
